package com.cruddur.messaging.adapters.dynamodb;

import static com.cruddur.messaging.adapters.dynamodb.TestData.at;
import static com.cruddur.messaging.adapters.dynamodb.TestData.conversation;
import static com.cruddur.messaging.adapters.dynamodb.TestData.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.application.InvalidCursorException;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Pages that cross DynamoDB's own page boundaries (1 MB, or a small per-request limit) lose and repeat nothing. */
class PagingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TABLE = DynamoDbLocalFixture.freshTable("paging");
    private static final ConsumedCapacityRecorder RECORDER = new ConsumedCapacityRecorder(new SimpleMeterRegistry());
    /** 1,000 messages of 1,000 characters: more than one 1 MB DynamoDB page. */
    private static final int BIG_MESSAGES = 1000;
    private static final MessageGroupId BIG_GROUP = new MessageGroupId(UUID.randomUUID());
    private static final Participant SENDER = person("Big Sender");

    @BeforeAll
    static void storeMoreThanOneMegabyteOfMessages() {
        String text = "x".repeat(1000);
        List<Map<String, AttributeValue>> items = IntStream.range(0, BIG_MESSAGES)
                .mapToObj(i -> MessageItem.toItem(TestData.message(BIG_GROUP, SENDER, text, at(i))))
                .toList();
        Flux.fromIterable(items).buffer(25).concatMap(batch -> reactor.core.publisher.Mono.fromFuture(() ->
                DynamoDbLocalFixture.client().batchWriteItem(BatchWriteItemRequest.builder().requestItems(Map.of(TABLE,
                        batch.stream().map(item -> WriteRequest.builder()
                                .putRequest(PutRequest.builder().item(item).build()).build()).toList())).build())),
                1).blockLast(WAIT);
    }

    @Test
    void onePageLargerThanADynamoDbPageIsReadWhole() {
        DynamoDbMessages messages = new DynamoDbMessages(DynamoDbLocalFixture.client(), TABLE, RECORDER,
                Integer.MAX_VALUE);

        Page<Message> all = messages.newestFirst(BIG_GROUP, BIG_MESSAGES, Optional.empty()).block(WAIT);

        assertThat(all.items()).hasSize(BIG_MESSAGES);
        assertThat(all.items()).extracting(Message::createdAt)
                .isSortedAccordingTo(Comparator.reverseOrder())
                .doesNotHaveDuplicates();
        assertThat(all.next()).isEmpty();
    }

    @Test
    void pagesAcrossMegabyteBoundariesLoseAndRepeatNothing() {
        DynamoDbMessages messages = new DynamoDbMessages(DynamoDbLocalFixture.client(), TABLE, RECORDER,
                Integer.MAX_VALUE);

        List<Message> read = readAll(after -> messages.newestFirst(BIG_GROUP, 300, after).block(WAIT));

        assertThat(read).hasSize(BIG_MESSAGES);
        assertThat(read).extracting(m -> m.createdAt()).doesNotHaveDuplicates()
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(read.get(0).createdAt()).isEqualTo(at(BIG_MESSAGES - 1));
        assertThat(read.get(BIG_MESSAGES - 1).createdAt()).isEqualTo(at(0));
    }

    @Test
    void inboxPagesWithASmallDynamoDbPageLoseAndRepeatNothing() {
        DynamoDbMessageGroups groups = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), TABLE, RECORDER, 2);
        Participant owner = person("Popular");
        List<MessageGroupId> started = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            MessageGroup.Conversation conversation = conversation(owner, person("Friend " + i), "hi " + i, at(i));
            groups.start(conversation, Optional.empty()).block(WAIT);
            started.add(conversation.group().id());
        }

        List<InboxEntry> read = readAll(after -> groups.inbox(owner.id(), 5, after).block(WAIT));

        assertThat(read).extracting(InboxEntry::groupId).containsExactlyElementsOf(reversed(started));
    }

    @Test
    void aPositionFromAnotherListingOrAlteredIsRefused() {
        DynamoDbMessages messages = new DynamoDbMessages(DynamoDbLocalFixture.client(), TABLE, RECORDER, 10);
        DynamoDbMessageGroups groups = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), TABLE, RECORDER, 10);
        String position = messages.newestFirst(BIG_GROUP, 5, Optional.empty()).block(WAIT).next().orElseThrow();
        MessageGroupId other = new MessageGroupId(UUID.randomUUID());

        assertThatThrownBy(() -> messages.newestFirst(other, 5, Optional.of(position)).block(WAIT))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> groups.inbox(SENDER.id(), 5, Optional.of(position)).block(WAIT))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> messages.newestFirst(BIG_GROUP, 5, Optional.of("v1.%%%.abc")).block(WAIT))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> messages.newestFirst(BIG_GROUP, 5, Optional.of("garbage")).block(WAIT))
                .isInstanceOf(InvalidCursorException.class);
    }

    private static <T> List<T> readAll(java.util.function.Function<Optional<String>, Page<T>> page) {
        List<T> read = new ArrayList<>();
        Optional<String> after = Optional.empty();
        Map<String, Boolean> seenPositions = new HashMap<>();
        do {
            Page<T> current = page.apply(after);
            read.addAll(current.items());
            after = current.next();
            after.ifPresent(position -> assertThat(seenPositions.put(position, true)).isNull());
        } while (after.isPresent());
        return read;
    }

    private static <T> List<T> reversed(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
