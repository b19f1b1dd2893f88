package com.cruddur.messaging.adapters.lambda;

import static com.cruddur.messaging.adapters.lambda.Conversations.ANDREW;
import static com.cruddur.messaging.adapters.lambda.Conversations.BAYKO;
import static com.cruddur.messaging.adapters.lambda.Conversations.GROUP_A;
import static com.cruddur.messaging.adapters.lambda.Conversations.GROUP_B;
import static com.cruddur.messaging.adapters.lambda.Conversations.LONDO;
import static com.cruddur.messaging.adapters.lambda.Conversations.friend;
import static com.cruddur.messaging.adapters.lambda.Conversations.hundredGroup;
import static com.cruddur.messaging.adapters.lambda.Conversations.last;
import static com.cruddur.messaging.adapters.lambda.Conversations.sequenceNumber;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.fake.FailingMoves;
import com.cruddur.messaging.application.fake.InMemoryMessageStore;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.MessageGroupId;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class MessageStreamHandlerTest {

    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final Conversations conversations = new Conversations(store);
    private final FailingMoves groups = new FailingMoves(store.messageGroups());
    private final MessageStreamHandler handler = new MessageStreamHandler(new MoveGroupsToNewestMessage(groups, store.messages()));

    @Test
    void aMixedBatchMovesTheGroupWithANewerMessageAndIgnoresEverythingElse() {
        conversations.start(GROUP_A, ANDREW, BAYKO, "did you see the new schedule?", "2026-11-22T10:14:00.000000+00:00");
        conversations.start(GROUP_B, ANDREW, LONDO, "hello londo", "2026-11-22T10:16:02.000001+00:00");

        StreamsEventResponse response = handle("mixed-batch.json");

        assertThat(reported(response)).isEmpty();
        LastMessage seeYouThere = last("2026-11-22T10:16:45.500000+00:00", "see you there");
        assertThat(conversations.lastMessage(GROUP_A)).isEqualTo(seeYouThere);
        assertThat(conversations.lastMessage(GROUP_B)).isEqualTo(last("2026-11-22T10:16:02.000001+00:00", "hello londo"));
        assertThat(store.moveAttempts()).as("the new conversation already shows its first message").isEqualTo(1);
        assertThat(rowsOf(store.storedInbox(BAYKO.id()), GROUP_A))
                .extracting(InboxEntry::lastMessage).containsExactly(seeYouThere);
        assertThat(store.storedInbox(ANDREW.id())).extracting(InboxEntry::groupId).containsExactly(GROUP_A, GROUP_B);
    }

    @Test
    void aHundredMessagesAcrossTenGroupsMakeTenMovesToEachGroupsNewest() {
        conversations.startHundredGroups();

        StreamsEventResponse response = handle("hundred-messages.json");

        assertThat(reported(response)).isEmpty();
        assertThat(store.moveAttempts()).isEqualTo(10);
        for (int g = 0; g < 10; g++) {
            assertThat(conversations.lastMessage(hundredGroup(g))).as("group %d", g)
                    .isEqualTo(last(String.format("2026-11-22T11:01:%02d.000000+00:00", 30 + g), "message " + (90 + g)));
            assertThat(rowsOf(store.storedInbox(friend(g).id()), hundredGroup(g))).hasSize(1);
        }
        assertThat(store.storedInbox(ANDREW.id())).hasSize(10);
    }

    @Test
    void recordsOutOfOrderMoveEachGroupToItsNewestMessageInAnyTimestampForm() {
        conversations.startAAndB();

        StreamsEventResponse response = handle("out-of-order.json");

        assertThat(reported(response)).isEmpty();
        assertThat(conversations.lastMessage(GROUP_A)).isEqualTo(last("2026-11-22T12:00:03.500000+00:00", "third"));
        assertThat(conversations.lastMessage(GROUP_B)).isEqualTo(last("2026-11-22T12:00:09.000000+00:00", "b newest"));
        assertThat(store.moveAttempts()).isEqualTo(2);
    }

    @Test
    void theSameBatchDeliveredTwiceChangesNothingTheSecondTime() {
        conversations.startHundredGroups();
        handle("hundred-messages.json");
        List<LastMessage> afterFirst = IntStream.range(0, 10).mapToObj(g -> conversations.lastMessage(hundredGroup(g))).toList();

        StreamsEventResponse again = handle("hundred-messages.json");

        assertThat(reported(again)).isEmpty();
        assertThat(store.moveAttempts()).as("every group is already current: no write").isEqualTo(10);
        assertThat(IntStream.range(0, 10).mapToObj(g -> conversations.lastMessage(hundredGroup(g))).toList())
                .isEqualTo(afterFirst);
        for (int g = 0; g < 10; g++) {
            assertThat(rowsOf(store.storedInbox(ANDREW.id()), hundredGroup(g))).hasSize(1);
        }
    }

    @Test
    void aPoisonRecordInTheMiddleIsReportedByItsSequenceNumberAndTheOtherRecordsAreApplied() {
        conversations.startAAndB();

        StreamsEventResponse response = handle("poison-in-the-middle.json");

        assertThat(reported(response)).containsExactly(sequenceNumber(4));
        assertThat(conversations.lastMessage(GROUP_A)).isEqualTo(last("2026-11-22T12:00:02.000000+00:00", "a2"));
        assertThat(conversations.lastMessage(GROUP_B)).isEqualTo(last("2026-11-22T12:00:05.000000+00:00", "b2"));
    }

    @Test
    void messageInsertsWithoutAnImageAreReportedAndRecordsThatAreNotMessagesIgnored() {
        conversations.startAAndB();

        StreamsEventResponse response = handle("empty-and-null-images.json");

        assertThat(reported(response)).containsExactly(sequenceNumber(1), sequenceNumber(2));
        assertThat(conversations.lastMessage(GROUP_A)).isEqualTo(last("2026-11-22T12:00:06.000000+00:00", "the good one"));
        assertThat(store.moveAttempts()).isEqualTo(1);
    }

    @Test
    void aMessageInsertTheTransformerCannotTakeWholeIsConvertedPartByPartAndMoved() {
        conversations.start(GROUP_A, ANDREW, BAYKO, "did you see the new schedule?", "2026-11-22T10:14:00.000000+00:00");
        DynamodbEvent event = PrimingBatch.oneMessage(sequenceNumber(1));
        // Handed over by hand, without the creation time Lambda always sets: the transformer refuses the record.
        event.getRecords().get(0).getDynamodb().setApproximateCreationDateTime(null);

        StreamsEventResponse response = handle(event);

        assertThat(reported(response)).isEmpty();
        assertThat(conversations.lastMessage(GROUP_A))
                .isEqualTo(last("2026-11-22T10:15:30.123456+00:00", "are you coming to the meetup?"));
    }

    @Test
    void itemsWithoutTextOrDisplayNameMoveAsPatternAListsThemAndAnInsertWithoutSequenceNumberIsIgnored() {
        conversations.startAAndB();

        StreamsEventResponse response = handle("reference-items.json");

        assertThat(reported(response)).isEmpty();
        assertThat(conversations.lastMessage(GROUP_B)).isEqualTo(last("2026-11-22T12:00:01.000000+00:00", ""));
        assertThat(conversations.lastMessage(GROUP_A))
                .isEqualTo(last("2026-11-22T12:00:02.000000+00:00", "no display name"));
    }

    @Test
    void anUnavailableStoreReportsTheEarliestRecordOfEveryGroupWithoutThrowing() {
        conversations.startHundredGroups();
        store.simulateUnavailable(true);

        StreamsEventResponse response = handle("hundred-messages.json");

        assertThat(reported(response)).containsExactlyElementsOf(
                IntStream.range(0, 10).mapToObj(Conversations::sequenceNumber).toList());
        store.simulateUnavailable(false);
        for (int g = 0; g < 10; g++) {
            assertThat(conversations.lastMessage(hundredGroup(g))).isEqualTo(
                    last("2026-11-22T10:00:00.000000+00:00", "hello friend " + g));
        }

        StreamsEventResponse retry = handle(from(StreamEvents.load("hundred-messages.json"), reported(response).get(0)));

        assertThat(reported(retry)).isEmpty();
        assertThat(conversations.lastMessage(hundredGroup(7)))
                .isEqualTo(last("2026-11-22T11:01:37.000000+00:00", "message 97"));
    }

    @Test
    void aFailedGroupIsReportedByItsEarliestRecordNotByItsNewestMessage() {
        conversations.startAAndB();
        groups.failMovesOf(GROUP_A);

        StreamsEventResponse response = handle("out-of-order.json");

        assertThat(reported(response)).as("record 1 is A's earliest; A's newest is record 2")
                .containsExactly(sequenceNumber(1));
        assertThat(conversations.lastMessage(GROUP_B)).isEqualTo(last("2026-11-22T12:00:09.000000+00:00", "b newest"));
    }

    @Test
    void theRetryFromTheReportedRecordMovesTheFailedGroupAndRedoesNothingElse() {
        conversations.startHundredGroups();
        groups.failMovesOf(hundredGroup(5));
        StreamsEventResponse response = handle("hundred-messages.json");
        assertThat(reported(response)).containsExactly(sequenceNumber(5));
        assertThat(store.moveAttempts()).isEqualTo(9);

        groups.heal();
        StreamsEventResponse retry = handle(from(StreamEvents.load("hundred-messages.json"), sequenceNumber(5)));

        assertThat(reported(retry)).isEmpty();
        assertThat(store.moveAttempts()).as("the nine groups moved before are current: only group 5 moves").isEqualTo(10);
        assertThat(conversations.lastMessage(hundredGroup(5))).isEqualTo(last("2026-11-22T11:01:35.000000+00:00", "message 95"));
        assertThat(conversations.lastMessage(hundredGroup(4))).isEqualTo(last("2026-11-22T11:01:34.000000+00:00", "message 94"));
    }

    @Test
    void racesThatSettleAreRetriedWithinTheBatch() {
        conversations.startAAndB();
        store.loseNextMoves(3);

        StreamsEventResponse response = handle("out-of-order.json");

        assertThat(reported(response)).isEmpty();
        assertThat(conversations.lastMessage(GROUP_A)).isEqualTo(last("2026-11-22T12:00:03.500000+00:00", "third"));
        assertThat(conversations.lastMessage(GROUP_B)).isEqualTo(last("2026-11-22T12:00:09.000000+00:00", "b newest"));
    }

    @Test
    void racesThatDoNotSettleAreReported() {
        conversations.startAAndB();
        store.loseNextMoves(1_000);

        StreamsEventResponse response = handle("out-of-order.json");

        assertThat(reported(response)).containsExactly(sequenceNumber(1), sequenceNumber(3));
        assertThat(conversations.lastMessage(GROUP_A)).isEqualTo(last("2026-11-22T09:00:00.000000+00:00", "hi bayko"));
    }

    @Test
    void messagesOfUnknownGroupsAreNotReportedBecauseARetryCannotHelp() {
        StreamsEventResponse response = handle("out-of-order.json");

        assertThat(reported(response)).isEmpty();
        assertThat(store.moveAttempts()).isZero();
    }

    @Test
    void aStoreThatNeverAnswersIsReportedWithinTheInvocationsBudget() {
        MessageStreamHandler hanging = new MessageStreamHandler(new MoveGroupsToNewestMessage(neverAnswering(), store.messages()));

        // The moves never complete: an answer at all means the budget (see the next test) cut them short.
        StreamsEventResponse response = hanging.handleRequest(StreamEvents.load("out-of-order.json"), new TestContext(3_000));

        assertThat(reported(response)).containsExactly(sequenceNumber(1), sequenceNumber(3));
    }

    @Test
    void theBudgetKeepsAMarginOfTheRemainingTime() {
        assertThat(MessageStreamHandler.budget(new TestContext(30_000))).isEqualTo(Duration.ofSeconds(28));
        assertThat(MessageStreamHandler.budget(new TestContext(3_000))).isEqualTo(Duration.ofMillis(1_500));
        assertThat(MessageStreamHandler.budget(new TestContext(-5))).isEqualTo(Duration.ZERO);
        assertThat(MessageStreamHandler.budget(null)).isEqualTo(MessageStreamHandler.BUDGET_WITHOUT_CONTEXT);
    }

    @Test
    void emptyAndMissingEventsReportNothing() {
        DynamodbEvent noRecords = new DynamodbEvent();
        DynamodbEvent emptyRecords = new DynamodbEvent();
        emptyRecords.setRecords(List.of());
        List<DynamodbStreamRecord> nullRecord = new ArrayList<>();
        nullRecord.add(null);
        DynamodbEvent withNullRecord = new DynamodbEvent();
        withNullRecord.setRecords(nullRecord);

        assertThat(reported(handler.handleRequest(null, TestContext.withSeconds(30)))).isEmpty();
        assertThat(reported(handler.handleRequest(noRecords, TestContext.withSeconds(30)))).isEmpty();
        assertThat(reported(handler.handleRequest(emptyRecords, TestContext.withSeconds(30)))).isEmpty();
        assertThat(reported(handler.handleRequest(withNullRecord, null))).isEmpty();
        assertThat(store.moveAttempts()).isZero();
    }

    private StreamsEventResponse handle(String eventFile) {
        return handle(StreamEvents.load(eventFile));
    }

    private StreamsEventResponse handle(DynamodbEvent event) {
        return handler.handleRequest(event, TestContext.withSeconds(30));
    }

    /** What Lambda delivers again after a partial failure: the batch from the reported record on. */
    private static DynamodbEvent from(DynamodbEvent batch, String sequenceNumber) {
        List<DynamodbStreamRecord> records = batch.getRecords();
        int first = IntStream.range(0, records.size())
                .filter(i -> records.get(i).getDynamodb().getSequenceNumber().equals(sequenceNumber))
                .findFirst().orElseThrow();
        DynamodbEvent retry = new DynamodbEvent();
        retry.setRecords(new ArrayList<>(records.subList(first, records.size())));
        return retry;
    }

    private static List<String> reported(StreamsEventResponse response) {
        return response.getBatchItemFailures().stream().map(BatchItemFailure::getItemIdentifier).toList();
    }

    private static List<InboxEntry> rowsOf(List<InboxEntry> inbox, MessageGroupId group) {
        return inbox.stream().filter(entry -> entry.groupId().equals(group)).toList();
    }

    /** Finds groups as the store has them, but never answers a move. */
    private MessageGroups neverAnswering() {
        conversations.startAAndB();
        MessageGroups real = store.messageGroups();
        return (MessageGroups) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MessageGroups.class},
                (proxy, method, args) -> method.getName().equals("update")
                        ? Mono.never()
                        : method.invoke(real, args));
    }
}
