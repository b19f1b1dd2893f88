package com.cruddur.messaging.adapters.dynamodb.stream.pump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessageGroups;
import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessages;
import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import com.cruddur.messaging.adapters.dynamodb.local.LocalDynamoDb;
import com.cruddur.messaging.adapters.dynamodb.stream.LocalStreams;
import com.cruddur.messaging.adapters.dynamodb.stream.StreamBatchProcessor;
import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.application.DeleteMessage;
import com.cruddur.messaging.application.EditMessage;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.fake.FailingMoves;
import com.cruddur.messaging.domain.EditWindow;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.MessageText;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/** The pump against DynamoDB Local's stream, feeding pattern E's pipeline as bootstrap wires it. */
class StreamPumpTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final DynamoDbStreamsAsyncClient STREAMS =
            streamsClient(DynamoDbLocalFixture.endpoint(), Duration.ofSeconds(30));
    private static final int ATTEMPTS = 3;
    private static final PumpSettings SETTINGS = PumpSettings.DEFAULTS.withPollInterval(Duration.ofMillis(50))
            .withBatchAttempts(ATTEMPTS);

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void eachMessageSentShowsAsItsGroupsLastMessageInBothInboxes() {
        Store store = new Store(DynamoDbLocalFixture.client(), DynamoDbLocalFixture.freshTable("pump-inbox"));
        Participant sender = person("Jeffrey Sinclair");
        Participant recipient = person("Catherine Sakai");
        MessageGroup.Conversation conversation = store.start(sender, recipient);
        Pump pump = store.pump(STREAMS);
        await().atMost(WAIT).until(() -> pump.count(PumpMetrics.POLLS, "result", "succeeded") >= 1);

        for (int i = 1; i <= 5; i++) {
            Message sent = store.send(conversation, i % 2 == 0 ? recipient : sender, "message " + i);

            await("message " + i + " in both inboxes").atMost(WAIT)
                    .until(() -> store.inboxShows(sender, sent) && store.inboxShows(recipient, sent));
        }
        assertThat(store.groupRows(sender)).hasSize(1);
        assertThat(store.groupRows(recipient)).hasSize(1);
    }

    @Test
    void editsAndDeletesAreModifyRecordsThatPatternEIgnoresAndTheRowsKeepTheChangedText() {
        Store store = new Store(DynamoDbLocalFixture.client(), DynamoDbLocalFixture.freshTable("pump-edits"));
        Participant sender = person("Susan Ivanova");
        Participant recipient = person("Marcus Cole");
        MessageGroup.Conversation conversation = store.start(sender, recipient);
        Pump pump = store.pump(STREAMS);
        Message sent = store.send(conversation, sender, "helo");
        await().atMost(WAIT).until(() -> store.inboxShows(recipient, sent));
        await().atMost(WAIT).until(() -> pump.count(PumpMetrics.MESSAGES) == 2);

        Message edited = new EditMessage(store.groups, store.messages, Clock.systemUTC(),
                new EditWindow(EditWindow.DEFAULT)).edit(new EditMessage.Command(sender, sent.groupId(), sent.id(),
                new MessageText("hello"))).block(WAIT);
        Message tombstone = new DeleteMessage(store.groups, store.messages, Clock.systemUTC())
                .delete(new DeleteMessage.Command(sender, sent.groupId(), sent.id())).block(WAIT);
        Message later = store.send(conversation, recipient, "later");

        await().atMost(WAIT).until(() -> store.inboxShows(sender, later) && store.inboxShows(recipient, later));
        await().atMost(WAIT).until(() -> pump.count(PumpMetrics.MESSAGES) >= 3);
        assertThat(pump.count(PumpMetrics.MESSAGES)).as("the two MODIFY records are no messages to move to")
                .isEqualTo(3);
        assertThat(edited.text()).isEqualTo("hello");
        assertThat(store.messages.findById(sent.groupId(), sent.id(), Optional.empty()).block(WAIT))
                .isEqualTo(tombstone);
        assertThat(store.groupRows(sender)).hasSize(1);
    }

    @Test
    void aMoveThatFailsTwiceIsAppliedAndOneThatAlwaysFailsIsGivenUpWhileTheMessagesAfterItMove() {
        Store store = new Store(DynamoDbLocalFixture.client(), DynamoDbLocalFixture.freshTable("pump-give-up"));
        Participant a = person("Talia Winters");
        Participant b = person("Alfred Bester");
        MessageGroup.Conversation flaky = store.start(a, b);
        MessageGroup.Conversation poison = store.start(b, person("Lyta Alexander"));
        MessageGroup.Conversation after = store.start(a, person("Byron Gordon"));
        store.moves.failMovesOf(flaky.group().id(), 2).failMovesOf(poison.group().id());
        // Written before the pump starts, the three are one batch: every one of them has the same attempts.
        Message toFlaky = store.send(flaky, a, "twice refused, then moved");
        Message toPoison = store.send(poison, b, "never moved");
        Message toAfter = store.send(after, a, "after the poison");

        Pump pump = store.pump(STREAMS);
        await().atMost(WAIT).until(() -> pump.count(PumpMetrics.RECORDS_GIVEN_UP) >= 1);
        Message later = store.send(after, a, "once the poison was given up");

        await().atMost(WAIT).until(() -> store.inboxShows(a, later));
        assertThat(store.inboxShows(a, toFlaky) && store.inboxShows(b, toFlaky)).isTrue();
        assertThat(store.moves.attemptsOf(flaky.group().id())).isEqualTo(3);
        assertThat(store.moves.movesPassedOn()).as("moved in the poison's batch, at the first attempt")
                .startsWith(new FailingMoves.Move(after.group().id(), LastMessage.of(toAfter)));
        assertThat(store.moves.attemptsOf(poison.group().id())).isEqualTo(ATTEMPTS);
        assertThat(pump.count(PumpMetrics.RECORDS_GIVEN_UP)).isEqualTo(1);
        assertThat(store.inboxShows(b, poison.firstMessage())).as("the poison's inbox row stays where it was").isTrue();
        assertThat(store.inboxShows(b, toPoison)).isFalse();
    }

    @Test
    void twoSendersRacingWhileThePumpRunsAndASecondPumpReplaysLeaveOneRowEachAtTheNewestMessage() {
        Store store = new Store(DynamoDbLocalFixture.client(), DynamoDbLocalFixture.freshTable("pump-race"));
        Participant a = person("Michael Garibaldi");
        Participant b = person("Stephen Franklin");
        MessageGroup.Conversation conversation = store.start(a, b);
        Pump running = store.pump(STREAMS);
        List<Message> sent = new ArrayList<>();
        sent.add(conversation.firstMessage());

        sent.addAll(store.race(conversation, a, b, "first round", 20));
        Pump replaying = store.pump(STREAMS);
        sent.addAll(store.race(conversation, a, b, "second round", 20));

        await("both pumps through every message").atMost(WAIT)
                .until(() -> running.count(PumpMetrics.MESSAGES) >= sent.size()
                        && replaying.count(PumpMetrics.MESSAGES) >= sent.size());
        Message newest = sent.stream().reduce((x, y) -> y.isNewerThan(x) ? y : x).orElseThrow();
        for (Participant owner : List.of(a, b)) {
            List<Map<String, AttributeValue>> rows = store.groupRows(owner);
            assertThat(rows).as("%s's rows", owner.displayName()).hasSize(1);
            assertThat(rows.get(0).get("message_group_uuid").s()).isEqualTo(conversation.group().id().toString());
            assertThat(rows.get(0).get("sk").s()).isEqualTo(newest.createdAt().format());
            assertThat(rows.get(0).get("message").s()).isEqualTo(newest.text());
        }
        assertThat(store.groups.find(conversation.group().id()).block(WAIT).lastMessage())
                .isEqualTo(LastMessage.of(newest));
        assertThat(running.count(PumpMetrics.MESSAGES)).isEqualTo(sent.size());
        assertThat(replaying.count(PumpMetrics.MESSAGES)).isEqualTo(sent.size());
    }

    @Test
    void aMessageItemThatCannotBeReadIsGivenUpAndLaterMessagesStillMove() {
        Store store = new Store(DynamoDbLocalFixture.client(), DynamoDbLocalFixture.freshTable("pump-malformed"));
        Participant sender = person("Marcus Cole");
        Participant recipient = person("Lyta Alexander");
        MessageGroup.Conversation conversation = store.start(sender, recipient);
        Pump pump = store.pump(STREAMS);
        DynamoDbLocalFixture.client().putItem(PutItemRequest.builder().tableName(store.table).item(Map.of(
                "pk", AttributeValue.fromS("MSG#" + conversation.group().id()),
                "sk", AttributeValue.fromS(Timestamp.of(Instant.now()).format()),
                "message", AttributeValue.fromS("written by hand, no message_uuid"))).build()).join();

        Message sent = store.send(conversation, sender, "after the unreadable one");

        await("the later message in the inbox").atMost(WAIT).until(() -> store.inboxShows(recipient, sent));
        await("the unreadable record given up").atMost(WAIT)
                .until(() -> pump.count(PumpMetrics.RECORDS_GIVEN_UP) >= 1);
        assertThat(pump.count(PumpMetrics.RECORDS_GIVEN_UP)).isEqualTo(1);
        assertThat(pump.pump.isRunning()).isTrue();
    }

    @Test
    void aPumpStartedBeforeItsTableExistsWaitsForIt() {
        String table = "pump-later-" + UUID.randomUUID().toString().substring(0, 8);
        Store store = new Store(DynamoDbLocalFixture.client(), table);
        Pump pump = store.pump(STREAMS);
        await("a poll that finds no table").atMost(WAIT)
                .until(() -> pump.count(PumpMetrics.POLLS, "result", "failed") >= 1);

        MessagesTable.named(table).create(DynamoDbLocalFixture.client()).block(WAIT);
        Participant sender = person("Zack Allan");
        Participant recipient = person("Elizabeth Lochley");
        MessageGroup.Conversation conversation = store.start(sender, recipient);
        Message sent = store.send(conversation, sender, "is anyone there");

        await("the message in the inbox").atMost(WAIT).until(() -> store.inboxShows(recipient, sent));
    }

    @Test
    void thePumpSurvivesADynamoDbLocalRestartOnTheSamePort() throws IOException {
        Path data = Path.of("target", "stream-pump-restart-" + UUID.randomUUID());
        toClose.add(() -> deleteRecursively(data));
        LocalDynamoDb first = LocalDynamoDb.start(0, Optional.of(data));
        int port = first.port();
        URI endpoint = first.endpoint();
        toClose.add(first);
        DynamoDbAsyncClient client = DynamoDbLocalFixture.newClient(endpoint, Duration.ofSeconds(5));
        DynamoDbStreamsAsyncClient streams = streamsClient(endpoint, Duration.ofSeconds(5));
        toClose.add(client);
        toClose.add(streams);
        Store store = new Store(client, "pump-restart");
        MessagesTable.named(store.table).create(client).block(WAIT);
        Participant sender = person("Vir Cotto");
        Participant recipient = person("Londo Mollari");
        MessageGroup.Conversation conversation = store.start(sender, recipient);
        Pump pump = store.pump(streams);
        Message before = store.send(conversation, sender, "before the restart");
        await("the first message moved").atMost(WAIT).until(() -> store.inboxShows(recipient, before));

        first.close();
        double failedBefore = pump.count(PumpMetrics.POLLS, "result", "failed");
        await("polls failing while DynamoDB Local is down").atMost(WAIT)
                .until(() -> pump.count(PumpMetrics.POLLS, "result", "failed") >= failedBefore + 2);
        LocalDynamoDb second = LocalDynamoDb.start(port, Optional.of(data));
        toClose.add(second);
        Message after = store.send(conversation, recipient, "after the restart");

        await("the message after the restart moved").atMost(WAIT)
                .until(() -> store.inboxShows(sender, after) && store.inboxShows(recipient, after));
        assertThat(pump.pump.isRunning()).isTrue();
        assertThat(store.groupRows(sender)).hasSize(1);
        assertThat(store.groupRows(recipient)).hasSize(1);
    }

    @Test
    void closeStopsPollingAndLeavesNoPumpThread() {
        Store store = new Store(DynamoDbLocalFixture.client(), DynamoDbLocalFixture.freshTable("pump-close"));
        Pump pump = store.pump(STREAMS);
        await("a few polls").atMost(WAIT).until(() -> pump.count(PumpMetrics.POLLS, "result", "succeeded") >= 3);
        assertThat(pumpThreads(pump.pump)).hasSize(1);

        pump.pump.close();

        assertThat(pumpThreads(pump.pump)).as("the thread has ended when close returns").isEmpty();
        assertThat(pump.pump.isRunning()).isFalse();
        pump.pump.close();
        assertThatThrownBy(pump.pump::start).isInstanceOf(IllegalStateException.class);
    }

    private static List<Thread> pumpThreads(StreamPump pump) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(pump.threadName()) && thread.isAlive())
                .toList();
    }

    /** A running pump and what it counted. */
    private record Pump(StreamPump pump, SimpleMeterRegistry registry) {

        double count(String counter, String... tags) {
            return registry.get(counter).tags(tags).counter().count();
        }
    }

    /** The adapters, the use case and pumps over one table; every pump is closed after the test. */
    private final class Store {

        final DynamoDbAsyncClient client;
        final String table;
        final DynamoDbMessageGroups groups;
        final DynamoDbMessages messages;
        /** The table's message groups as pattern E sees them: moves of chosen groups can be made to fail. */
        final FailingMoves moves;

        Store(DynamoDbAsyncClient client, String table) {
            this.client = client;
            this.table = table;
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            this.groups = new DynamoDbMessageGroups(client, table, registry);
            this.messages = new DynamoDbMessages(client, table, registry);
            this.moves = new FailingMoves(groups);
        }

        Pump pump(DynamoDbStreamsAsyncClient streams) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            StreamPump pump = new StreamPump(streams, client, table,
                    new StreamBatchProcessor(new MoveGroupsToNewestMessage(moves, messages)), registry, SETTINGS);
            toClose.add(pump);
            pump.start();
            return new Pump(pump, registry);
        }

        MessageGroup.Conversation start(Participant sender, Participant recipient) {
            MessageGroup.Conversation conversation = MessageGroup.start(new MessageGroupId(UUID.randomUUID()),
                    new MessageId(UUID.randomUUID()), sender, recipient, new MessageText("hello"), now());
            groups.start(conversation, Optional.empty()).block(WAIT);
            return conversation;
        }

        Message send(MessageGroup.Conversation conversation, Participant sender, String text) {
            return messages.append(message(conversation, sender, text), Optional.empty()).block(WAIT);
        }

        /** {@code count} messages sent at once, alternately by {@code a} and {@code b}; as stored. */
        List<Message> race(MessageGroup.Conversation conversation, Participant a, Participant b, String text,
                           int count) {
            return Flux.range(1, count)
                    .flatMap(i -> messages.append(message(conversation, i % 2 == 0 ? a : b, text + " " + i),
                            Optional.empty()), count)
                    .collectList().block(WAIT);
        }

        boolean inboxShows(Participant owner, Message message) {
            List<InboxEntry> entries = groups.inbox(owner.id(), 50, Optional.empty()).block(WAIT).items().stream()
                    .filter(entry -> entry.groupId().equals(message.groupId()))
                    .toList();
            return entries.size() == 1 && entries.get(0).lastMessage().equals(LastMessage.of(message));
        }

        List<Map<String, AttributeValue>> groupRows(Participant owner) {
            return client.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("GRP#" + owner.id())))
                    .build()).join().items();
        }
    }

    private static Message message(MessageGroup.Conversation conversation, Participant sender, String text) {
        return Message.compose(new MessageId(UUID.randomUUID()), conversation.group().id(), sender,
                new MessageText(text), now());
    }

    private static Timestamp now() {
        return Timestamp.of(Instant.now());
    }

    private static Participant person(String name) {
        return new Participant(new UserId(UUID.randomUUID()), name,
                new Handle(name.toLowerCase().replace(' ', '_') + UUID.randomUUID().toString().substring(0, 6)));
    }

    private static DynamoDbStreamsAsyncClient streamsClient(URI endpoint, Duration callTimeout) {
        return LocalStreams.client(endpoint, callTimeout);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
