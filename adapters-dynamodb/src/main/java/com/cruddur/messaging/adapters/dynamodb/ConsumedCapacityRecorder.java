package com.cruddur.messaging.adapters.dynamodb;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * Counts the capacity units DynamoDB reports for each call (every call asks for {@code ReturnConsumedCapacity
 * TOTAL}), as counter {@value #METRIC} tagged with the DynamoDB operation, the access pattern and the table, so the
 * RCU/WCU cost of each pattern can be read off the registry.
 */
public final class ConsumedCapacityRecorder {

    public static final String METRIC = "cruddur.dynamodb.consumed.capacity";

    private final MeterRegistry registry;

    public ConsumedCapacityRecorder(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public void record(String operation, AccessPattern pattern, ConsumedCapacity consumed) {
        if (consumed == null || consumed.capacityUnits() == null) {
            return;
        }
        Counter.builder(METRIC)
                .description("DynamoDB capacity units consumed (RCU for reads, WCU for writes)")
                .baseUnit("capacity-units")
                .tag("operation", operation)
                .tag("pattern", pattern.name())
                .tag("table", consumed.tableName() == null ? "unknown" : consumed.tableName())
                .register(registry)
                .increment(consumed.capacityUnits());
    }

    public void record(String operation, AccessPattern pattern, Collection<ConsumedCapacity> consumed) {
        if (consumed != null) {
            consumed.forEach(each -> record(operation, pattern, each));
        }
    }

    /** Units counted so far for one operation and pattern on a table (for reports and tests). */
    public double total(String operation, AccessPattern pattern, String table) {
        Counter counter = registry.find(METRIC)
                .tags("operation", operation, "pattern", pattern.name(), "table", table).counter();
        return counter == null ? 0 : counter.count();
    }
}
