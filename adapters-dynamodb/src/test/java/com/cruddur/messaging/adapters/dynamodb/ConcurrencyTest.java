package com.cruddur.messaging.adapters.dynamodb;

import static com.cruddur.messaging.adapters.dynamodb.TestData.at;
import static com.cruddur.messaging.adapters.dynamodb.TestData.conversation;
import static com.cruddur.messaging.adapters.dynamodb.TestData.message;
import static com.cruddur.messaging.adapters.dynamodb.TestData.partition;
import static com.cruddur.messaging.adapters.dynamodb.TestData.person;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage.GroupMove;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage.Outcome;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ConcurrencyTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String TABLE = DynamoDbLocalFixture.freshTable("concurrency");
    private static final ConsumedCapacityRecorder RECORDER = new ConsumedCapacityRecorder(new SimpleMeterRegistry());

    private final DynamoDbMessageGroups groups =
            new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), TABLE, RECORDER, 100);
    private final DynamoDbMessages messages =
            new DynamoDbMessages(DynamoDbLocalFixture.client(), TABLE, RECORDER, 100);

    @Test
    void twoHundredSimultaneousSendsAtOneInstantStoreTwoHundredMessages() {
        Participant a = person("Sinclair");
        Participant b = person("Catherine");
        MessageGroup.Conversation started = conversation(a, b, "hello", at(0));
        groups.start(started, Optional.empty()).block(WAIT);
        Timestamp fixedClock = at(10);
        List<Message> sent = IntStream.range(0, 200)
                .mapToObj(i -> message(started.group().id(), i % 2 == 0 ? a : b, "message " + i, fixedClock))
                .toList();

        List<Message> stored = Flux.fromIterable(sent)
                .flatMap(m -> messages.append(m, Optional.empty()), 200)
                .collectList().block(WAIT);

        assertThat(stored).hasSize(200);
        assertThat(stored).extracting(Message::createdAt).doesNotHaveDuplicates();
        List<Map<String, AttributeValue>> items = partition(TABLE, "MSG#" + started.group().id());
        assertThat(items).hasSize(201);
        assertThat(items).extracting(item -> item.get("message_uuid").s()).doesNotHaveDuplicates()
                .containsAll(sent.stream().map(m -> m.id().toString()).toList());
        // The burst spreads over the instants just after the clock's.
        assertThat(stored).extracting(m -> m.createdAt().instant())
                .allSatisfy(instant -> assertThat(instant).isBetween(fixedClock.instant(),
                        fixedClock.instant().plusMillis(5)));
    }

    @Test
    void simultaneousMovesOfOneGroupLeaveOneRowPerParticipantAtTheNewestMessage() {
        Participant a = person("Lochley");
        Participant b = person("Corwin");
        MessageGroup.Conversation started = conversation(a, b, "hello", at(0));
        groups.start(started, Optional.empty()).block(WAIT);
        List<Message> stored = Flux.range(1, 30)
                .concatMap(i -> messages.append(message(started.group().id(), i % 2 == 0 ? a : b, "m" + i, at(i)),
                        Optional.empty()))
                .collectList().block(WAIT);
        Message newest = stored.get(stored.size() - 1);
        MoveGroupsToNewestMessage move = new MoveGroupsToNewestMessage(groups, messages);

        // Each message's stream record arrives on its own, all at once, some twice (replays).
        List<GroupMove> outcomes = Flux.fromIterable(stored).concatWith(Flux.fromIterable(stored.subList(0, 10)))
                .flatMap(m -> move.apply(List.of(m)), 40)
                .flatMapIterable(results -> results)
                .collectList().block(WAIT);
        // Moves that lost every race are retried, as the stream retries failed records.
        List<Message> failed = outcomes.stream().filter(o -> o.outcome() == Outcome.FAILED).map(GroupMove::newest)
                .toList();
        Flux.fromIterable(failed).concatMap(m -> move.apply(List.of(m))).blockLast(WAIT);

        assertThat(outcomes).extracting(GroupMove::outcome).doesNotContain(Outcome.UNKNOWN_GROUP);
        for (Participant owner : List.of(a, b)) {
            List<Map<String, AttributeValue>> rows = partition(TABLE, "GRP#" + owner.id());
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get("sk").s()).isEqualTo(newest.createdAt().format());
            assertThat(rows.get(0).get("message").s()).isEqualTo("m30");
        }
        assertThat(groups.find(started.group().id()).block(WAIT).lastMessage()).isEqualTo(LastMessage.of(newest));
    }

    @Test
    void simultaneousStartsForOnePairLeaveOneConversation() {
        Participant a = person("Talia");
        Participant b = person("Susan");
        List<MessageGroup.Conversation> attempts = IntStream.range(0, 10)
                .mapToObj(i -> i % 2 == 0 ? conversation(a, b, "hi " + i, at(i)) : conversation(b, a, "hi " + i, at(i)))
                .toList();

        List<Boolean> won = Flux.fromIterable(attempts)
                .flatMap(c -> groups.start(c, Optional.empty()).thenReturn(true).onErrorResume(e -> Mono.just(false)), 10)
                .collectList().block(WAIT);

        assertThat(won).containsOnlyOnce(true);
        assertThat(partition(TABLE, "GRP#" + a.id())).hasSize(1);
        assertThat(partition(TABLE, "GRP#" + b.id())).hasSize(1);
    }
}
