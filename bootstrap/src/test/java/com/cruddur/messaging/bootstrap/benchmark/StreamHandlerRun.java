package com.cruddur.messaging.bootstrap.benchmark;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessageGroups;
import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessages;
import com.cruddur.messaging.adapters.lambda.MessageStreamHandler;
import com.cruddur.messaging.adapters.lambda.wiring.LambdaWiring;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Pattern E through the deployed handler ({@link MessageStreamHandler} over the real adapter and SDK client) on
 * the recorded batch of 100 messages in 10 conversations, replayed with later times: records per second, and the
 * calls and items each batch writes, counted by an SDK interceptor. {@link #main} is the cold start: a fresh JVM
 * that builds the function's graph as Lambda does ({@link LambdaWiring}) and handles its first batch.
 */
final class StreamHandlerRun {

    record Result(double recordsPerSecond, Map<String, Double> callsPerBatch, double writtenItemsPerBatch,
                  double unitsPerBatch, int failures) {
    }

    private StreamHandlerRun() {
    }

    /** Creates the batch's conversations in {@code store} (a table without a stream), before their messages. */
    static void createConversations(Store store, RecordedBatches batches) {
        Instant before = batches.earliest().minusSeconds(3600);
        List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items = new ArrayList<>();
        long[] offset = {0};
        batches.sendersByGroup().forEach((group, senders) -> {
            DataSet.User first = new DataSet.User(-1, UUID.fromString(senders.get(0)), "first", "First", "none");
            DataSet.User second = new DataSet.User(-1, senders.size() > 1 ? UUID.fromString(senders.get(1))
                    : UUID.randomUUID(), "second", "Second", "none");
            // Each its own instant: the same two users own the inbox rows of every conversation of the batch.
            String at = RawItems.at(before.plusSeconds(offset[0]++));
            items.add(RawItems.conversation(group, first, second, at, "start"));
            items.add(RawItems.groupRow(first.uuid(), at, group, second, "start"));
            items.add(RawItems.groupRow(second.uuid(), at, group, first, "start"));
        });
        store.bulkPut(items);
    }

    static Result measure(URI endpoint, String region, String table, RecordedBatches batches, Duration duration) {
        Counting counting = new Counting();
        try (DynamoDbAsyncClient client = DynamoDbAsyncClient.builder().endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(counting)).build()) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            MessageStreamHandler handler = new MessageStreamHandler(
                    new MoveGroupsToNewestMessage(new DynamoDbMessageGroups(client, table, registry),
                            new DynamoDbMessages(client, table, registry)));
            long shift = 3600;
            // Warm-up: the JIT compiles the handler's path before it is measured.
            for (long end = System.nanoTime() + Duration.ofSeconds(3).toNanos(); System.nanoTime() < end; ) {
                handler.handleRequest(batches.shifted(shift += 3600), null);
            }
            counting.reset();
            double unitsBefore = units(registry);
            int failures = 0;
            int handled = 0;
            long busy = 0;
            for (long end = System.nanoTime() + duration.toNanos(); System.nanoTime() < end; handled++) {
                DynamodbEvent event = batches.shifted(shift += 3600);
                long start = System.nanoTime();
                StreamsEventResponse response = handler.handleRequest(event, null);
                busy += System.nanoTime() - start;
                failures += response.getBatchItemFailures().size();
            }
            Map<String, Double> perBatch = new TreeMap<>();
            int batchesHandled = handled;
            counting.calls.forEach((operation, count) -> perBatch.put(operation, count.get() / (double) batchesHandled));
            return new Result(batches.size() * handled / (busy / 1e9), perBatch,
                    counting.transactItems.get() / (double) handled, (units(registry) - unitsBefore) / handled,
                    failures);
        }
    }

    private static double units(SimpleMeterRegistry registry) {
        return registry.find("cruddur.dynamodb.consumed.capacity").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    /** Counts the calls the handler makes, by operation, and the items of its transactions. */
    private static final class Counting implements ExecutionInterceptor {
        final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
        final AtomicLong transactItems = new AtomicLong();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            String operation = context.request().getClass().getSimpleName().replace("Request", "");
            calls.computeIfAbsent(operation, o -> new AtomicLong()).incrementAndGet();
            if (context.request() instanceof TransactWriteItemsRequest transaction) {
                transactItems.addAndGet(transaction.transactItems().size());
            }
        }

        void reset() {
            calls.clear();
            transactItems.set(0);
        }
    }

    /** The cold start, in a fresh JVM: {@code endpoint region table fixture}; prints the milliseconds. */
    public static void main(String[] args) {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        Quiet.logging();
        RecordedBatches batches = RecordedBatches.load(Path.of(args[3]));
        DynamodbEvent event = batches.shifted(Long.parseLong(args[4]));
        long start = System.nanoTime();
        LambdaWiring wiring = LambdaWiring.from(Map.of("AWS_REGION", args[1], "AWS_ENDPOINT_URL_DYNAMODB", args[0],
                "TABLE_NAME", args[2]));
        MessageStreamHandler handler = new MessageStreamHandler(wiring.moveGroupsToNewestMessage());
        StreamsEventResponse response = handler.handleRequest(event, null);
        double millis = (System.nanoTime() - start) / 1e6;
        System.out.printf(java.util.Locale.ROOT, "COLD %.1f %.1f %d%n", millis,
                (double) (System.currentTimeMillis() - jvmStart), response.getBatchItemFailures().size());
        System.exit(0);
    }
}
