package com.cruddur.messaging.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.AccessPattern;
import com.cruddur.messaging.adapters.dynamodb.ConsumedCapacityRecorder;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.fake.InMemoryMessageStore;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.IdempotentRequest;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.UserId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/** The embedded-metric-format line each batch writes, read back as CloudWatch reads it. */
class BatchMetricsTest {

    private static final Set<String> UNITS = Set.of("Count", "Milliseconds", "None");

    private final ObjectMapper json = new ObjectMapper();
    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConsumedCapacityRecorder recorder = new ConsumedCapacityRecorder(registry);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void aBatchWritesOneEmbeddedMetricDocumentWithItsMovesAndTheCapacityItConsumed() throws Exception {
        new Conversations(store).startHundredGroups();
        // Capacity counted before the batch is not the batch's.
        recorder.record("GetItem", AccessPattern.A, units(7));
        recorder.record("TransactWriteItems", AccessPattern.B, units(3));
        // The store records what a batch consumes the way the DynamoDB adapter does: reads and transactions.
        MoveGroupsToNewestMessage moves = new MoveGroupsToNewestMessage(new CountingGroups(store.messageGroups(),
                () -> recorder.record("GetItem", AccessPattern.E, units(0.5)),
                () -> recorder.record("TransactWriteItems", AccessPattern.E, units(4))), store.messages());
        MessageStreamHandler handler = new MessageStreamHandler(moves, registry, printStream());

        long before = System.nanoTime();
        handler.handleRequest(StreamEvents.load("hundred-messages.json"), TestContext.withSeconds(30));
        double elapsedMillis = (System.nanoTime() - before) / 1_000_000.0;

        List<String> lines = lines();
        assertThat(lines).hasSize(1);
        JsonNode document = json.readTree(lines.get(0));
        JsonNode aws = document.get("_aws");
        assertThat(aws.get("Timestamp").isIntegralNumber()).isTrue();
        assertThat(aws.get("Timestamp").asLong()).isGreaterThan(1_700_000_000_000L);
        assertThat(aws.get("CloudWatchMetrics")).hasSize(1);
        JsonNode directive = aws.get("CloudWatchMetrics").get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo("CruddurMessaging");
        assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"FunctionName\"]]");
        assertThat(document.get("FunctionName").asText()).isEqualTo("cruddur-messaging-stream");
        assertThat(document.get("awsRequestId").asText()).isEqualTo(TestContext.withSeconds(1).getAwsRequestId());

        List<String> names = new ArrayList<>();
        directive.get("Metrics").forEach(metric -> {
            names.add(metric.get("Name").asText());
            assertThat(metric.get("Unit").asText()).as(metric.toString()).isIn(UNITS);
            JsonNode value = document.get(metric.get("Name").asText());
            assertThat(value != null && value.isNumber()).as("a number for %s", metric).isTrue();
        });
        assertThat(names).contains("Messages", "Moves", "MovesFailed", "RecordsReported",
                "ConsumedReadCapacityUnits", "ConsumedWriteCapacityUnits", "BatchMilliseconds");
        assertThat(document.get("Messages").asInt()).isEqualTo(100);
        assertThat(document.get("Moves").asInt()).isEqualTo(10);
        assertThat(document.get("MovesFailed").asInt()).isZero();
        assertThat(document.get("RecordsReported").asInt()).isZero();
        assertThat(document.get("ConsumedReadCapacityUnits").asDouble()).isEqualTo(5.0);
        assertThat(document.get("ConsumedWriteCapacityUnits").asDouble()).isEqualTo(40.0);
        assertThat(document.get("BatchMilliseconds").asDouble()).as("the batch's own time")
                .isBetween(0.0, elapsedMillis);
    }

    @Test
    void eachMetricCarriesItsUnitTimesInMillisecondsCapacityWithoutUnitEverythingElseCounted() throws Exception {
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("Moves", 3);
        metrics.put("ConsumedReadCapacityUnits", 2.5);
        metrics.put("BatchMilliseconds", 12.25);

        JsonNode directive = json.readTree(BatchMetrics.line(1_795_345_200_000L, "fn", "id", metrics))
                .get("_aws").get("CloudWatchMetrics").get(0);

        assertThat(directive.get("Metrics").toString()).isEqualTo("[{\"Name\":\"Moves\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"ConsumedReadCapacityUnits\",\"Unit\":\"None\"},"
                + "{\"Name\":\"BatchMilliseconds\",\"Unit\":\"Milliseconds\"}]");
    }

    @Test
    void wholeValuesAreWrittenAsWholeNumbersAndFractionsKeepTheirDigits() throws Exception {
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("Moves", 10);
        metrics.put("ConsumedWriteCapacityUnits", 40.0);
        metrics.put("BatchMilliseconds", 1.5);

        String line = BatchMetrics.line(1_795_345_200_000L, "fn", "id", metrics);

        assertThat(line).endsWith(",\"Moves\":10,\"ConsumedWriteCapacityUnits\":40,\"BatchMilliseconds\":1.5}");
    }

    @Test
    void namesAreQuotedAsJsonStrings() throws Exception {
        String line = BatchMetrics.line(1_795_345_200_000L, "fn \"quoted\"\n", null, new LinkedHashMap<>(Map.of("Moves", 3)));

        JsonNode document = json.readTree(line);

        assertThat(document.get("FunctionName").asText()).isEqualTo("fn \"quoted\"\n");
        assertThat(document.get("awsRequestId").isNull()).isTrue();
        assertThat(document.get("Moves").asInt()).isEqualTo(3);
    }

    @Test
    void primingRunsABatchThroughWithoutTouchingTheStoreOrWritingMetrics() {
        new Conversations(store).startHundredGroups();
        MessageStreamHandler handler = new MessageStreamHandler(
                new MoveGroupsToNewestMessage(store.messageGroups(), store.messages()), registry, printStream());

        handler.prime();

        assertThat(store.moveAttempts()).isZero();
        assertThat(out.size()).isZero();
        assertThat(registry.find(ConsumedCapacityRecorder.METRIC).counters()).isEmpty();
    }

    private PrintStream printStream() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
    }

    /** The store, counting capacity for each read and each move as the DynamoDB adapter would. */
    private record CountingGroups(MessageGroups delegate, Runnable onRead, Runnable onMove) implements MessageGroups {

        @Override
        public Mono<MessageGroup> find(MessageGroupId id) {
            return delegate.find(id).doOnSubscribe(subscription -> onRead.run());
        }

        @Override
        public Mono<MessageGroupId> findByPair(ParticipantPair pair) {
            return delegate.findByPair(pair);
        }

        @Override
        public Mono<Void> start(MessageGroup.Conversation conversation, Optional<IdempotentRequest> request) {
            return delegate.start(conversation, request);
        }

        @Override
        public Mono<Void> update(MessageGroup current, MessageGroup next) {
            return delegate.update(current, next).doOnSubscribe(subscription -> onMove.run());
        }

        @Override
        public Mono<Page<InboxEntry>> inbox(UserId owner, int limit, Optional<String> after) {
            return delegate.inbox(owner, limit, after);
        }
    }

    private static ConsumedCapacity units(double units) {
        return ConsumedCapacity.builder().tableName("cruddur-messages").capacityUnits(units).build();
    }
}
