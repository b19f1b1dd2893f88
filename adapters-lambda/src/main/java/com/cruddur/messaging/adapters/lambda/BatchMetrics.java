package com.cruddur.messaging.adapters.lambda;

import com.cruddur.messaging.adapters.dynamodb.ConsumedCapacityRecorder;
import com.cruddur.messaging.adapters.dynamodb.stream.BatchReport;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Publishes what each batch did as CloudWatch metrics through the embedded metric format: one JSON line on standard
 * output with an {@code _aws} block naming the metrics, which CloudWatch Logs turns into metrics of namespace
 * {@value #NAMESPACE} by function name. No call is made; the line is the publication.
 *
 * <p>Consumed capacity is what the adapter counted ({@link ConsumedCapacityRecorder}) during the batch: Lambda runs
 * one invocation at a time per container, so the difference of the counters before and after is the batch's.
 */
final class BatchMetrics {

    static final String NAMESPACE = "CruddurMessaging";
    static final String DIMENSION = "FunctionName";
    private static final Set<String> READS = Set.of("GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems");

    private final MeterRegistry registry;
    private final PrintStream out;
    private final Clock clock;

    BatchMetrics(MeterRegistry registry, PrintStream out, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Where a batch starts: the capacity counted so far and the time. */
    Start start() {
        return new Start(units(true), units(false), System.nanoTime());
    }

    /** Writes the batch's line. */
    void publish(Start start, BatchReport report, String functionName, String requestId) {
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("Messages", report.messages());
        metrics.put("Moves", report.count(Outcome.MOVED));
        metrics.put("MovesAlreadyCurrent", report.count(Outcome.ALREADY_CURRENT));
        metrics.put("UnknownConversations", report.count(Outcome.UNKNOWN_GROUP));
        metrics.put("MovesFailed", report.count(Outcome.FAILED));
        metrics.put("RecordsReported", report.failures().size());
        metrics.put("ConsumedReadCapacityUnits", units(true) - start.readUnits());
        metrics.put("ConsumedWriteCapacityUnits", units(false) - start.writeUnits());
        metrics.put("BatchMilliseconds", (System.nanoTime() - start.nanos()) / 1_000_000.0);
        out.println(line(clock.millis(), functionName, requestId, metrics));
    }

    /**
     * One embedded-metric-format document: the {@code _aws} block (time, namespace, dimension set, each metric's
     * name and unit), the dimension's value, each metric's value, and the request id as a property to search by.
     */
    static String line(long timestampMillis, String functionName, String requestId, Map<String, Number> metrics) {
        StringBuilder json = new StringBuilder(512)
                .append("{\"_aws\":{\"Timestamp\":").append(timestampMillis)
                .append(",\"CloudWatchMetrics\":[{\"Namespace\":\"").append(NAMESPACE)
                .append("\",\"Dimensions\":[[\"").append(DIMENSION).append("\"]],\"Metrics\":[");
        String separator = "";
        for (String name : metrics.keySet()) {
            json.append(separator).append("{\"Name\":\"").append(name).append("\",\"Unit\":\"").append(unit(name))
                    .append("\"}");
            separator = ",";
        }
        json.append("]}]},\"").append(DIMENSION).append("\":").append(string(functionName))
                .append(",\"awsRequestId\":").append(string(requestId));
        metrics.forEach((name, value) -> json.append(",\"").append(name).append("\":").append(number(value)));
        return json.append('}').toString();
    }

    private static String unit(String metric) {
        return metric.endsWith("Milliseconds") ? "Milliseconds" : metric.endsWith("CapacityUnits") ? "None" : "Count";
    }

    private static String number(Number value) {
        double asDouble = value.doubleValue();
        return asDouble == Math.rint(asDouble) && !Double.isInfinite(asDouble)
                ? Long.toString((long) asDouble) : Double.toString(asDouble);
    }

    private static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private double units(boolean reads) {
        return registry.find(ConsumedCapacityRecorder.METRIC).counters().stream()
                .filter(counter -> READS.contains(counter.getId().getTag("operation")) == reads)
                .mapToDouble(Counter::count)
                .sum();
    }

    record Start(double readUnits, double writeUnits, long nanos) {
    }
}
