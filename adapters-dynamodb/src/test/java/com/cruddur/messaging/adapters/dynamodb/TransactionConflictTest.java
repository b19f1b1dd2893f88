package com.cruddur.messaging.adapters.dynamodb;

import static com.cruddur.messaging.adapters.dynamodb.TestData.at;
import static com.cruddur.messaging.adapters.dynamodb.TestData.conversation;
import static com.cruddur.messaging.adapters.dynamodb.TestData.partition;
import static com.cruddur.messaging.adapters.dynamodb.TestData.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.application.port.ConcurrentUpdateException;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.ParticipantPair;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Real DynamoDB cancels a transaction that collides with another one on the same item (TransactionConflict);
 * DynamoDB Local serializes transactions and never does. The real client, with the first transactions it sends
 * answered by such a cancellation instead, shows how starting a conversation (pattern D) rides them out.
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
