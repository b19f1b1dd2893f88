package com.cruddur.messaging.adapters.dynamodb.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessageGroups;
import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessages;
import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import com.cruddur.messaging.adapters.dynamodb.local.LocalDynamoDb;
import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/** The pump against DynamoDB Local's stream, feeding pattern E's use case as bootstrap wires it. */
class StreamPumpTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final DynamoDbStreamsAsyncClient STREAMS =
            streamsClient(DynamoDbLocalFixture.endpoint(), Duration.ofSeconds(30));

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void aMessageSentShowsAsItsGroupsLastMessageInBothInboxesWithinOneSecond() {
        Store store = new Store(DynamoDbLocalFixture.client(), DynamoDbLocalFixture.freshTable("pump-inbox"));
        Participant sender = person("Jeffrey Sinclair");
        Participant recipient = person("Catherine Sakai");
        MessageGroup.Conversation conversation = store.start(sender, recipient);
        StreamPump pump = store.pump(STREAMS);
        Eventually.within(WAIT, "the pump's first poll", () -> pump.stats().polls() >= 1);

        List<Duration> latencies = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Message sent = store.send(conversation, i % 2 == 0 ? recipient : sender, "message " + i);

            // A generous bound for each message (the build shares two cores); the promise is the typical case.
            latencies.add(Eventually.within(Duration.ofSeconds(5), "message " + i + " in both inboxes",
                    () -> store.inboxShows(sender, sent) && store.inboxShows(recipient, sent)));
        }
        assertThat(latencies.stream().sorted().toList().get(latencies.size() / 2))
                .as("median time until both inboxes show the message, of %s", latencies)
                .isLessThan(Duration.ofSeconds(1));
        assertThat(store.groupRows(sender)).hasSize(1);
        assertThat(store.groupRows(recipient)).hasSize(1);
    }

    @Test
    void twoSendersRacingWhileThePumpRunsAndASecondPumpReplaysLeaveOneRowEachAtTheNewestMessage() {
        Store store = new Store(DynamoDbLocalFixture.client(), DynamoDbLocalFixture.freshTable("pump-race"));
        Participant a = person("Michael Garibaldi");
        Participant b = person("Stephen Franklin");
        MessageGroup.Conversation conversation = store.start(a, b);
        StreamPump running = store.pump(STREAMS);
        List<Message> sent = new ArrayList<>();
        sent.add(conversation.firstMessage());

        sent.addAll(store.race(conversation, a, b, "first round", 20));
        StreamPump replaying = store.pump(STREAMS);
        sent.addAll(store.race(conversation, a, b, "second round", 20));

        Eventually.within(WAIT, "both pumps through every message",
                () -> running.stats().messagesPassedOn() >= sent.size()
                        && replaying.stats().messagesPassedOn() >= sent.size());
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
        assertThat(running.stats().messagesPassedOn()).isEqualTo(sent.size());
        assertThat(replaying.stats().messagesPassedOn()).isEqualTo(sent.size());
    }

    @Test
    void aMessageItemThatCannotBeReadIsSkippedAndLaterMessagesStillMove() {
        Store store = new Store(DynamoDbLocalFixture.client(), DynamoDbLocalFixture.freshTable("pump-malformed"));
        Participant sender = person("Marcus Cole");
        Participant recipient = person("Lyta Alexander");
        MessageGroup.Conversation conversation = store.start(sender, recipient);
        StreamPump pump = store.pump(STREAMS);
        DynamoDbLocalFixture.client().putItem(PutItemRequest.builder().tableName(store.table).item(Map.of(
                "pk", AttributeValue.fromS("MSG#" + conversation.group().id()),
                "sk", AttributeValue.fromS(Timestamp.of(Instant.now()).format()),
                "message", AttributeValue.fromS("written by hand, no message_uuid"))).build()).join();

        Message sent = store.send(conversation, sender, "after the unreadable one");

        Eventually.within(Duration.ofSeconds(5), "the later message in the inbox",
                () -> store.inboxShows(recipient, sent));
        assertThat(pump.stats().recordsSkipped()).isEqualTo(1);
        assertThat(pump.isRunning()).isTrue();
    }

    @Test
    void aPumpStartedBeforeItsTableExistsWaitsForIt() {
        String table = "pump-later-" + UUID.randomUUID().toString().substring(0, 8);
        Store store = new Store(DynamoDbLocalFixture.client(), table);
        StreamPump pump = store.pump(STREAMS);
        Eventually.within(WAIT, "a poll that finds no table", () -> pump.stats().pollsFailed() >= 1);

        MessagesTable.named(table).create(DynamoDbLocalFixture.client()).block(WAIT);
        Participant sender = person("Zack Allan");
        Participant recipient = person("Elizabeth Lochley");
        MessageGroup.Conversation conversation = store.start(sender, recipient);
        Message sent = store.send(conversation, sender, "is anyone there");

        Eventually.within(Duration.ofSeconds(10), "the message in the inbox", () -> store.inboxShows(recipient, sent));
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
        StreamPump pump = store.pump(streams);
        Message before = store.send(conversation, sender, "before the restart");
        Eventually.within(Duration.ofSeconds(5), "the first message moved", () -> store.inboxShows(recipient, before));

        first.close();
        long failedBefore = pump.stats().pollsFailed();
        Eventually.within(WAIT, "polls failing while DynamoDB Local is down",
                () -> pump.stats().pollsFailed() >= failedBefore + 2);
        LocalDynamoDb second = LocalDynamoDb.start(port, Optional.of(data));
        toClose.add(second);
        Message after = store.send(conversation, recipient, "after the restart");

        Eventually.within(Duration.ofSeconds(15), "the message after the restart moved",
                () -> store.inboxShows(sender, after) && store.inboxShows(recipient, after));
        assertThat(pump.isRunning()).isTrue();
        assertThat(store.groupRows(sender)).hasSize(1);
        assertThat(store.groupRows(recipient)).hasSize(1);
    }

    @Test
    void closeStopsPollingAndLeavesNoPumpThread() throws InterruptedException {
        Store store = new Store(DynamoDbLocalFixture.client(), DynamoDbLocalFixture.freshTable("pump-close"));
        StreamPump pump = new StreamPump(STREAMS, DynamoDbLocalFixture.client(), store.table, batch -> {
            throw new AssertionError("no messages were sent");
        }, Duration.ofMillis(20));
        long beforeStart = System.nanoTime();
        pump.start();
        assertThat(Duration.ofNanos(System.nanoTime() - beforeStart)).as("start returns without waiting for a poll")
                .isLessThan(Duration.ofSeconds(2));
        Eventually.within(WAIT, "a few polls", () -> pump.stats().polls() >= 3);
        assertThat(pumpThreads(pump)).hasSize(1);

        pump.close();

        assertThat(pumpThreads(pump)).isEmpty();
        assertThat(pump.isRunning()).isFalse();
        long polls = pump.stats().polls();
        Thread.sleep(200);
        assertThat(pump.stats().polls()).isEqualTo(polls);
        pump.close();
        assertThatThrownBy(pump::start).isInstanceOf(IllegalStateException.class);
    }

    private static List<Thread> pumpThreads(StreamPump pump) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(pump.threadName()) && thread.isAlive())
                .toList();
    }

    /** The adapters, the use case and pumps over one table; every pump is closed after the test. */
    private final class Store {

        final DynamoDbAsyncClient client;
        final String table;
        final DynamoDbMessageGroups groups;
        final DynamoDbMessages messages;
        final MoveGroupsToNewestMessage move;

        Store(DynamoDbAsyncClient client, String table) {
            this.client = client;
            this.table = table;
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            this.groups = new DynamoDbMessageGroups(client, table, registry);
            this.messages = new DynamoDbMessages(client, table, registry);
            this.move = new MoveGroupsToNewestMessage(groups);
        }

        StreamPump pump(DynamoDbStreamsAsyncClient streams) {
            StreamPump pump = new StreamPump(streams, client, table, move::apply);
            toClose.add(pump);
            pump.start();
            return pump;
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

    static DynamoDbStreamsAsyncClient streamsClient(URI endpoint, Duration callTimeout) {
        return DynamoDbStreamsAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)))
                .overrideConfiguration(config -> config.apiCallTimeout(callTimeout))
                .build();
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
