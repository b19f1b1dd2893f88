package com.cruddur.messaging.adapters.dynamodb;

import static com.cruddur.messaging.adapters.dynamodb.TestData.at;
import static com.cruddur.messaging.adapters.dynamodb.TestData.conversation;
import static com.cruddur.messaging.adapters.dynamodb.TestData.message;
import static com.cruddur.messaging.adapters.dynamodb.TestData.partition;
import static com.cruddur.messaging.adapters.dynamodb.TestData.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.application.StoreUnavailableException;
import com.cruddur.messaging.application.port.ConcurrentUpdateException;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** DynamoDB's failures reach the ports as typed errors with a clear message, and leave nothing half-written. */
class FailuresTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TABLE = DynamoDbLocalFixture.freshTable("failures");
    private static final ConsumedCapacityRecorder RECORDER = new ConsumedCapacityRecorder(new SimpleMeterRegistry());

    private final Participant a = person("Bester");
    private final Participant b = person("Byron");

    @Test
    void aMissingTableSaysWhichTableAndHowToCreateIt() {
        String missing = "missing-" + UUID.randomUUID();
        DynamoDbMessageGroups groups = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), missing, RECORDER, 10);
        DynamoDbMessages messages = new DynamoDbMessages(DynamoDbLocalFixture.client(), missing, RECORDER, 10);
        MessageGroup.Conversation started = conversation(a, b, "hello", at(0));
        MessageGroupId id = started.group().id();

        for (ThrowingCallable call : List.<ThrowingCallable>of(
                () -> groups.find(id).block(WAIT),
                () -> groups.findByPair(ParticipantPair.of(a.id(), b.id())).block(WAIT),
                () -> groups.start(started, Optional.of(TestData.request("k"))).block(WAIT),
                () -> groups.update(started.group(), TestData.withLast(started.group(), new LastMessage(at(5), "x"))).block(WAIT),
                () -> groups.inbox(a.id(), 10, Optional.empty()).block(WAIT),
                () -> messages.append(message(id, a, "hi", at(1)), Optional.empty()).block(WAIT),
                () -> messages.append(message(id, a, "hi", at(1)), Optional.of(TestData.request("k"))).block(WAIT),
                () -> messages.newestFirst(id, 10, Optional.empty()).block(WAIT))) {
            assertThatThrownBy(call).isInstanceOfSatisfying(StoreUnavailableException.class, e -> {
                assertThat(e.store()).isEqualTo("messages");
                assertThat(e.getMessage()).contains("'" + missing + "' does not exist")
                        .contains("admin ddb schema-load");
            });
        }
    }

    @Test
    void anEndpointThatIsDownIsReportedQuicklyAndWritesNothing() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI down = URI.create("http://127.0.0.1:" + closedPort);
        MessageGroup.Conversation started = conversation(a, b, "hello", at(0));
        try (DynamoDbAsyncClient client = DynamoDbLocalFixture.newClient(down, Duration.ofSeconds(3))) {
            DynamoDbMessageGroups groups = new DynamoDbMessageGroups(client, TABLE, RECORDER, 10);
            DynamoDbMessages messages = new DynamoDbMessages(client, TABLE, RECORDER, 10);

            for (ThrowingCallable call : List.<ThrowingCallable>of(
                    () -> groups.find(started.group().id()).block(WAIT),
                    () -> groups.start(started, Optional.empty()).block(WAIT),
                    () -> messages.append(message(started.group().id(), a, "hi", at(1)), Optional.empty())
                            .block(WAIT))) {
                long begin = System.nanoTime();
                assertThatThrownBy(call).isInstanceOfSatisfying(StoreUnavailableException.class,
                        e -> assertThat(e.getMessage()).contains("DynamoDB at " + down)
                                .containsAnyOf("cannot be reached", "did not answer in time"));
                assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
            }
        }
        assertThat(partition(TABLE, "CONV#" + started.group().id())).isEmpty();
        assertThat(partition(TABLE, "MSG#" + started.group().id())).isEmpty();
    }

    /**
     * A store that takes the connection and never answers is slow, not unreachable: the SDK reports its attempt
     * timeouts inside a client exception, and the message must say what happened, not that it cannot be reached.
     */
    @Test
    void aStoreThatNeverAnswersIsReportedAsNotAnsweringInTime() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread accepting = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            URI slow = URI.create("http://127.0.0.1:" + silent.getLocalPort());
            try (DynamoDbAsyncClient client = DynamoDbLocalFixture.newClient(slow, Duration.ofSeconds(2))) {
                DynamoDbMessageGroups groups = new DynamoDbMessageGroups(client, TABLE, RECORDER, 10);

                assertThatThrownBy(() -> groups.find(new MessageGroupId(UUID.randomUUID())).block(WAIT))
                        .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.getMessage())
                                .isEqualTo("DynamoDB at " + slow + " did not answer in time"));
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aStartThatFailsOnOneItemWritesNoneOfTheOthers() {
        MessageGroup.Conversation started = conversation(a, b, "hello", at(0));
        // Another conversation's row already holds a's inbox slot at this very instant.
        DynamoDbLocalFixture.client().putItem(PutItemRequest.builder().tableName(TABLE).item(Map.of(
                "pk", AttributeValue.fromS("GRP#" + a.id()), "sk", AttributeValue.fromS(at(0).format()),
                "message_group_uuid", AttributeValue.fromS(UUID.randomUUID().toString()),
                "message", AttributeValue.fromS("other"), "user_uuid", AttributeValue.fromS(UUID.randomUUID().toString()),
                "user_display_name", AttributeValue.fromS("Other"), "user_handle", AttributeValue.fromS("other")))
                .build()).join();
        DynamoDbMessageGroups groups = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), TABLE, RECORDER, 10);

        assertThatThrownBy(() -> groups.start(started, Optional.of(TestData.request("half"))).block(WAIT))
                .isInstanceOf(ConcurrentUpdateException.class);

        assertThat(partition(TABLE, "CONV#" + started.group().id())).isEmpty();
        assertThat(partition(TABLE, "PAIR#" + ParticipantPair.of(a.id(), b.id()).key())).isEmpty();
        assertThat(partition(TABLE, "GRP#" + b.id())).isEmpty();
        assertThat(partition(TABLE, "MSG#" + started.group().id())).isEmpty();
        assertThat(partition(TABLE, "IDEM#" + a.id() + "#half")).isEmpty();
        assertThat(partition(TABLE, "GRP#" + a.id())).extracting(item -> item.get("message").s())
                .containsExactly("other");
    }

    @Test
    void throttlingIsAnUnavailableStoreThatMayBeRetried() {
        DynamoDbErrors errors = new DynamoDbErrors(DynamoDbLocalFixture.client(), "cruddur-messages");

        Throwable throttled = errors.translate(ProvisionedThroughputExceededException.builder()
                .message("Rate exceeded").build());
        Throwable throttledRequest = errors.translate(DynamoDbException.builder().message("Throttled")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build());
        Throwable throttledTransaction = errors.translate(TransactionCanceledException.builder()
                .cancellationReasons(CancellationReason.builder().code("None").build(),
                        CancellationReason.builder().code("ThrottlingError").build())
                .build());

        for (Throwable translated : List.of(throttled, throttledRequest, throttledTransaction)) {
            assertThat(translated).isInstanceOfSatisfying(StoreUnavailableException.class,
                    e -> assertThat(e.getMessage()).contains("throttling").contains("'cruddur-messages'"));
        }
    }

    @Test
    void conditionFailuresAreLeftToTheAdapters() {
        DynamoDbErrors errors = new DynamoDbErrors(DynamoDbLocalFixture.client(), "cruddur-messages");
        TransactionCanceledException conflict = TransactionCanceledException.builder()
                .cancellationReasons(CancellationReason.builder().code("ConditionalCheckFailed").build()).build();

        assertThat(errors.translate(conflict)).isSameAs(conflict);
    }
}
