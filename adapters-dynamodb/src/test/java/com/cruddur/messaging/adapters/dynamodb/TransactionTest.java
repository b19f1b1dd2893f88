package com.cruddur.messaging.adapters.dynamodb;

import static com.cruddur.messaging.adapters.dynamodb.TestData.at;
import static com.cruddur.messaging.adapters.dynamodb.TestData.conversation;
import static com.cruddur.messaging.adapters.dynamodb.TestData.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessageGroups.StartCancelled;
import com.cruddur.messaging.adapters.dynamodb.Transaction.Part;
import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** A cancelled transaction is read by the names of its items, so the order they were added in does not matter. */
class TransactionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TABLE = DynamoDbLocalFixture.freshTable("transactions");

    private final TableCalls calls = new TableCalls(DynamoDbLocalFixture.client(), TABLE,
            new ConsumedCapacityRecorder(new SimpleMeterRegistry()));
    private final Writes writes = new Writes(TABLE);

    @ParameterizedTest(name = "items added {0}")
    @ValueSource(booleans = {false, true})
    void aReorderedTransactionStillTellsARepeatedRequestFromALostRace(boolean reversed) {
        Participant andrew = person("Andrew");
        Participant bayko = person("Bayko");
        MessageGroup.Conversation started = conversation(andrew, bayko, "hello", at(0));
        calls.transact(AccessPattern.D, start(started, reversed).items()).block(WAIT);

        Transaction repeated = start(started, reversed);
        Transaction rival = start(conversation(bayko, andrew, "hello to you", at(7)), reversed);

        assertThat(StartCancelled.of(cancellationOf(repeated))).as("the same start again")
                .isEqualTo(StartCancelled.REPEATED);
        assertThat(StartCancelled.of(cancellationOf(rival))).as("another conversation of the pair")
                .isEqualTo(StartCancelled.PAIR_TAKEN);
    }

    /** The items of pattern D's start, in the adapter's order or the other way round. */
    private Transaction start(MessageGroup.Conversation conversation, boolean reversed) {
        MessageGroup group = conversation.group();
        List<Map.Entry<Part, TransactWriteItem>> items = new ArrayList<>(List.of(
                Map.entry(Part.CONVERSATION, writes.putIfAbsent(ConversationItem.toItem(group))),
                Map.entry(Part.PAIR_CLAIM, writes.putIfAbsent(PairItem.toItem(
                        ParticipantPair.of(group.first().id(), group.second().id()), group.id())))));
        group.inboxEntries().forEach(entry ->
                items.add(Map.entry(Part.GROUP_ROW, writes.putIfAbsent(GroupRowItem.toItem(entry)))));
        items.add(Map.entry(Part.MESSAGE, writes.putIfAbsent(MessageItem.toItem(conversation.firstMessage()))));
        if (reversed) {
            Collections.reverse(items);
        }
        Transaction transaction = new Transaction();
        items.forEach(item -> transaction.add(item.getKey(), item.getValue()));
        return transaction;
    }

    private Transaction.Cancellation cancellationOf(Transaction transaction) {
        TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
                () -> calls.transact(AccessPattern.D, transaction.items()).block(WAIT));
        assertThat(cancelled).as("the transaction is cancelled").isNotNull();
        return transaction.cancellation(cancelled);
    }
}
