package com.cruddur.messaging.adapters.dynamodb;

import static com.cruddur.messaging.adapters.dynamodb.TestData.at;
import static com.cruddur.messaging.adapters.dynamodb.TestData.conversation;
import static com.cruddur.messaging.adapters.dynamodb.TestData.message;
import static com.cruddur.messaging.adapters.dynamodb.TestData.partition;
import static com.cruddur.messaging.adapters.dynamodb.TestData.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.application.port.ConcurrentUpdateException;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.ParticipantPair;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Real DynamoDB cancels a transaction that collides with another one on the same item (TransactionConflict);
 * DynamoDB Local serializes transactions and never does. The real client, with the first transactions it sends
 * answered by such a cancellation instead, shows how starting a conversation (pattern D) and a send with an
 * idempotency key (pattern C) ride them out under the one policy of {@link TransactionConflicts}.
 */
class TransactionConflictTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TABLE = DynamoDbLocalFixture.freshTable("conflicts");

    @Test
    void aStartThatMeetsConflictsIsTriedAgainAndWrittenOnce() {
        AtomicInteger conflictsLeft = new AtomicInteger(3);
        DynamoDbMessageGroups groups = new DynamoDbMessageGroups(conflicting(conflictsLeft), TABLE,
                new SimpleMeterRegistry());
        MessageGroup.Conversation started = conversation(person("Talia"), person("Winters"), "hello", at(0));

        groups.start(started, Optional.empty()).block(WAIT);

        assertThat(conflictsLeft).hasValue(0);
        MessageGroup group = started.group();
        assertThat(groups.find(group.id()).block(WAIT)).isEqualTo(group);
        assertThat(groups.findByPair(ParticipantPair.of(group.first().id(), group.second().id())).block(WAIT))
                .isEqualTo(group.id());
        assertThat(partition(TABLE, GroupRowItem.pk(group.first().id()))).hasSize(1);
        assertThat(partition(TABLE, GroupRowItem.pk(group.second().id()))).hasSize(1);
        assertThat(partition(TABLE, "MSG#" + group.id())).hasSize(1);
    }

    @Test
    void conflictsThatDoNotSettleAreAConcurrentUpdateAndWriteNothing() {
        AtomicInteger conflictsLeft = new AtomicInteger(1_000);
        DynamoDbMessageGroups groups = new DynamoDbMessageGroups(conflicting(conflictsLeft), TABLE,
                new SimpleMeterRegistry());
        MessageGroup.Conversation started = conversation(person("Alfred"), person("Bester"), "hello", at(0));

        assertThatThrownBy(() -> groups.start(started, Optional.empty()).block(WAIT))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("TransactionConflict");

        assertThat(1_000 - conflictsLeft.get()).as("attempts").isEqualTo(5);
        MessageGroup group = started.group();
        assertThat(partition(TABLE, GroupRowItem.pk(group.first().id()))).isEmpty();
        assertThat(partition(TABLE, "MSG#" + group.id())).isEmpty();
    }

    @Test
    void aSendWithAKeyThatMeetsConflictsIsTriedAgainAndStoredOnce() {
        AtomicInteger conflictsLeft = new AtomicInteger(3);
        DynamoDbMessages messages = new DynamoDbMessages(conflicting(conflictsLeft), TABLE, new SimpleMeterRegistry());
        Message sent = message(new MessageGroupId(UUID.randomUUID()), person("Susan"), "hello", at(0));

        assertThat(messages.append(sent, Optional.of(TestData.request("conflicted"))).block(WAIT)).isEqualTo(sent);

        assertThat(conflictsLeft).hasValue(0);
        assertThat(partition(TABLE, MessageItem.pk(sent.groupId()))).hasSize(1);
    }

    @Test
    void aSendWhoseConflictsDoNotSettleIsAConcurrentUpdateAfterTheSameAttemptsAsAStart() {
        AtomicInteger conflictsLeft = new AtomicInteger(1_000);
        DynamoDbMessages messages = new DynamoDbMessages(conflicting(conflictsLeft), TABLE, new SimpleMeterRegistry());
        Message sent = message(new MessageGroupId(UUID.randomUUID()), person("Marcus"), "hello", at(0));

        assertThatThrownBy(() -> messages.append(sent, Optional.of(TestData.request("never-settles"))).block(WAIT))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("TransactionConflict");

        assertThat(1_000 - conflictsLeft.get()).as("attempts").isEqualTo(5);
        assertThat(partition(TABLE, MessageItem.pk(sent.groupId()))).isEmpty();
    }

    /** The shared real client, except that transactions are cancelled as conflicting while any are left. */
    private static DynamoDbAsyncClient conflicting(AtomicInteger conflictsLeft) {
        DynamoDbAsyncClient real = DynamoDbLocalFixture.client();
        return (DynamoDbAsyncClient) Proxy.newProxyInstance(DynamoDbAsyncClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbAsyncClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("transactWriteItems") && conflictsLeft.getAndUpdate(
                            left -> Math.max(left - 1, 0)) > 0) {
                        return CompletableFuture.failedFuture(TransactionCanceledException.builder()
                                .message("Transaction cancelled, please refer cancellation reasons for specific reasons"
                                        + " [TransactionConflict]")
                                .cancellationReasons(CancellationReason.builder().code("TransactionConflict")
                                        .message("Transaction is ongoing for the item").build())
                                .build());
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
