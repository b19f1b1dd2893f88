package com.cruddur.messaging.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.cruddur.messaging.adapters.lambda.wiring.LambdaWiring;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.fake.InMemoryMessageStore;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The handler's cold initialization, measured locally: each sample is a fresh JVM that constructs the handler and
 * handles its first batch (hundred-messages.json: 100 messages, 10 moves) against the in-memory store, then a
 * second batch in the same JVM for comparison. A second table times building the real graph
 * ({@link LambdaWiring}: the async DynamoDB client and the adapter; nothing is called).
 *
 * <pre>
 * ./mvnw -o -q -pl adapters-lambda test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp adapters-lambda/target/test-classes:adapters-lambda/target/classes:$(cat adapters-lambda/target/test.classpath) \
 *     com.cruddur.messaging.adapters.lambda.ColdStartBenchmark [samples]
 * </pre>
 *
 * Times are wall-clock milliseconds on this machine; Lambda's CPU share depends on the memory setting.
 */
public final class ColdStartBenchmark {

    private static final String EVENT = "hundred-messages.json";

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--sample-fake")) {
            sampleWithFake();
            return;
        }
        if (args.length > 0 && args[0].equals("--sample-primed")) {
            samplePrimed();
            return;
        }
        if (args.length > 0 && args[0].equals("--sample-wiring")) {
            sampleWiring();
            return;
        }
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<double[]> fake = new ArrayList<>();
        List<double[]> primed = new ArrayList<>();
        List<double[]> wiring = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            fake.add(child("--sample-fake"));
            primed.add(child("--sample-primed"));
            wiring.add(child("--sample-wiring"));
        }
        System.out.printf("Cold start of MessageStreamHandler, %d fresh JVMs each (java %s, %d cpus), ms%n",
                samples, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        table(new String[] {"JVM to main", "construct", "first batch", "construct + first batch", "second batch"}, fake);
        System.out.println();
        System.out.println("Primed as before SnapStart's snapshot (prime() is what beforeCheckpoint runs)");
        table(new String[] {"JVM to main", "construct", "prime (before the snapshot)", "first batch after priming",
            "construct + first batch, priming excluded"}, primed);
        System.out.println();
        table(new String[] {"JVM to main", "LambdaWiring.from (SDK client, adapter)", "handler"}, wiring);
    }

    /** Prints JVM-to-main, construct, first batch, construct + first, second batch (ms) on one line. */
    private static void sampleWithFake() {
        double jvmToMain = sinceJvmStart();
        DynamodbEvent event = StreamEvents.load(EVENT);
        InMemoryMessageStore store = new InMemoryMessageStore();
        new Conversations(store).startHundredGroups();

        long t0 = System.nanoTime();
        MessageStreamHandler handler = new MessageStreamHandler(new MoveGroupsToNewestMessage(store.messageGroups(), store.messages()));
        long t1 = System.nanoTime();
        StreamsEventResponse first = handler.handleRequest(event, TestContext.withSeconds(30));
        long t2 = System.nanoTime();
        StreamsEventResponse second = handler.handleRequest(StreamEvents.load(EVENT), TestContext.withSeconds(30));
        long t3 = System.nanoTime();
        if (!first.getBatchItemFailures().isEmpty() || !second.getBatchItemFailures().isEmpty() || store.moveAttempts() != 10) {
            throw new IllegalStateException("the batch did not make its 10 moves");
        }
        print(jvmToMain, ms(t1 - t0), ms(t2 - t1), ms(t2 - t0), ms(t3 - t2));
    }

    /**
     * Prints JVM-to-main, construct, prime, first batch, construct + first batch (ms): with SnapStart, construct and
     * prime happen before the snapshot, so a restored container starts at the first batch.
     */
    private static void samplePrimed() {
        double jvmToMain = sinceJvmStart();
        DynamodbEvent event = StreamEvents.load(EVENT);
        InMemoryMessageStore store = new InMemoryMessageStore();
        new Conversations(store).startHundredGroups();

        long t0 = System.nanoTime();
        MessageStreamHandler handler = new MessageStreamHandler(new MoveGroupsToNewestMessage(store.messageGroups(), store.messages()));
        long t1 = System.nanoTime();
        handler.prime();
        long t2 = System.nanoTime();
        StreamsEventResponse first = handler.handleRequest(event, TestContext.withSeconds(30));
        long t3 = System.nanoTime();
        if (!first.getBatchItemFailures().isEmpty() || store.moveAttempts() != 10) {
            throw new IllegalStateException("the batch did not make its 10 moves");
        }
        print(jvmToMain, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t1 - t0) + ms(t3 - t2));
    }

    /** Prints JVM-to-main, building the graph, constructing the handler on it (ms). */
    private static void sampleWiring() {
        double jvmToMain = sinceJvmStart();
        long t0 = System.nanoTime();
        try (LambdaWiring wiring = LambdaWiring.from(Map.of(
                "AWS_REGION", "ca-central-1", "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:1"))) {
            long t1 = System.nanoTime();
            new MessageStreamHandler(wiring.moveGroupsToNewestMessage());
            long t2 = System.nanoTime();
            print(jvmToMain, ms(t1 - t0), ms(t2 - t1));
        }
    }

    private static double[] child(String mode) throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=cruddur-lambda-logback.xml", "-DLOG_LEVEL=WARN",
                "-cp", System.getProperty("java.class.path"), ColdStartBenchmark.class.getName(), mode)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
            }
        }
        if (process.waitFor() != 0 || last == null) {
            throw new IllegalStateException("sample " + mode + " failed");
        }
        return Arrays.stream(last.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    private static void table(String[] columns, List<double[]> samples) {
        System.out.printf("%-42s %8s %8s %8s%n", "", "min", "median", "max");
        for (int c = 0; c < columns.length; c++) {
            int column = c;
            double[] values = samples.stream().mapToDouble(sample -> sample[column]).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-42s %8.1f %8.1f %8.1f%n", columns[c], values[0], values[values.length / 2],
                    values[values.length - 1]);
        }
    }

    private static double sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static void print(double... values) {
        StringBuilder line = new StringBuilder();
        for (double value : values) {
            line.append(String.format(Locale.ROOT, "%.2f ", value));
        }
        System.out.println(line.toString().trim());
    }
}
