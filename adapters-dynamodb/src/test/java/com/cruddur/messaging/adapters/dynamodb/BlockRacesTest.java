package com.cruddur.messaging.adapters.dynamodb;

import static com.cruddur.messaging.adapters.dynamodb.TestData.person;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.application.BlockUser;
import com.cruddur.messaging.application.IdempotencyWindow;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.SendMessage;
import com.cruddur.messaging.application.SentMessage;
import com.cruddur.messaging.application.StartConversation;
import com.cruddur.messaging.application.fake.InMemoryUserDirectory;
import com.cruddur.messaging.application.port.BlockedException;
import com.cruddur.messaging.application.port.Ids;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What is guaranteed when a block races the blocked user's sends, on DynamoDB Local:
 * <ul>
 *   <li>a start of the pair's conversation and the block never pass each other: either the start is refused, or the
 *       conversation exists and carries the block, so every send after the block has answered is refused;</li>
 *   <li>sends that were in flight when the block was made may be stored (they read the conversation before it), but
 *       none of them counts as unread for the blocker, whenever pattern E passes it.</li>
 * </ul>
 */
class BlockRacesTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String TABLE = DynamoDbLocalFixture.freshTable("block-races");
    private static final ConsumedCapacityRecorder RECORDER = new ConsumedCapacityRecorder(new SimpleMeterRegistry());

    private final DynamoDbMessageGroups groups =
            new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), TABLE, RECORDER, 100);
    private final DynamoDbMessages messages = new DynamoDbMessages(DynamoDbLocalFixture.client(), TABLE, RECORDER, 100);
    private final DynamoDbBlocks blocks = new DynamoDbBlocks(DynamoDbLocalFixture.client(), TABLE, RECORDER, 100);
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();
    private final SendMessage send = new SendMessage(groups, messages, Ids.random(), Clock.systemUTC(),
            IdempotencyWindow.defaults());
    private final StartConversation start =
            new StartConversation(directory, groups, blocks, send, Ids.random(), Clock.systemUTC());
    private final BlockUser blockUser = new BlockUser(directory, groups, blocks, Clock.systemUTC());
    private final MoveGroupsToNewestMessage move = new MoveGroupsToNewestMessage(groups, messages);

    private Participant user(String name) {
        return directory.add(person(name), UUID.randomUUID().toString());
    }

    private Mono<Optional<SentMessage>> refusedAsEmpty(Mono<SentMessage> sending) {
        return sending.map(Optional::of).onErrorResume(BlockedException.class, refused -> Mono.just(Optional.empty()));
    }

    @Test
    void aStartRacingABlockIsRefusedOrCarriesTheBlock() {
        for (int i = 0; i < 20; i++) {
            int round = i;
            Participant blocked = user("Bester");
            Participant blocker = user("Talia");

            Mono<Optional<SentMessage>> starting = refusedAsEmpty(start.send(StartConversation.Command.of(
                    blocked, blocker.handle().value(), "round " + round, null))).subscribeOn(Schedulers.parallel());
            Mono<?> blocking = blockUser.block(new BlockUser.Command(blocker, blocked.handle().value()))
                    .subscribeOn(Schedulers.parallel());
            Optional<SentMessage> started = Mono.zip(starting, blocking).block(WAIT).getT1();

            Optional<MessageGroupId> conversation = groups.findByPair(ParticipantPair.of(blocker.id(), blocked.id()))
                    .blockOptional(WAIT);
            assertThat(conversation.isPresent()).as("round %d: a conversation exists exactly when the start passed",
                    round).isEqualTo(started.isPresent());
            conversation.ifPresent(group -> {
                MessageGroup stored = groups.find(group).block(WAIT);
                assertThat(stored.blocksMessagesFrom(blocked.id())).as("round %d", round).isTrue();
                assertThat(stored.readStateOf(blocker.id()).unread()).as("round %d", round).isZero();
                assertThat(refusedAsEmpty(send.send(SendMessage.Command.of(blocked, group.toString(), "after", null)))
                        .block(WAIT)).as("round %d: a send after the block", round).isEmpty();
            });
            assertThat(refusedAsEmpty(start.send(StartConversation.Command.of(
                    blocked, blocker.handle().value(), "after", null))).block(WAIT)).isEmpty();
        }
    }

    @Test
    void sendsRacingABlockNeverCountForTheBlockerAndNoneLandsAfterItIsAnswered() {
        Participant blocked = user("Morden");
        Participant blocker = user("Sheridan");
        MessageGroupId group = start.send(StartConversation.Command.of(blocked, blocker.handle().value(), "hi", null))
                .block(WAIT).message().groupId();

        Flux<Optional<SentMessage>> racing = Flux.range(0, 30)
                .flatMap(i -> refusedAsEmpty(send.send(SendMessage.Command.of(blocked, group.toString(), "m" + i,
                        null))).subscribeOn(Schedulers.parallel()), 8);
        Mono<?> blocking = Mono.delay(Duration.ofMillis(1))
                .then(blockUser.block(new BlockUser.Command(blocker, blocked.handle().value())));
        List<Optional<SentMessage>> results = Mono.zip(racing.collectList(), blocking).block(WAIT).getT1();

        List<Message> stored = messages.newestFirst(group, 50, Optional.empty()).block(WAIT).items();
        long landed = results.stream().filter(Optional::isPresent).count();
        assertThat(stored).hasSize(1 + (int) landed);
        // Pattern E passes every stored message, in batches that may come after the block
        move.apply(stored).block(WAIT);

        MessageGroup after = groups.find(group).block(WAIT);
        assertThat(after.readStateOf(blocker.id()).unread()).isZero();
        assertThat(after.inboxEntryOf(blocker.id()).unreadCount()).isZero();
        assertThat(refusedAsEmpty(send.send(SendMessage.Command.of(blocked, group.toString(), "late", null)))
                .block(WAIT)).isEmpty();
    }
}
