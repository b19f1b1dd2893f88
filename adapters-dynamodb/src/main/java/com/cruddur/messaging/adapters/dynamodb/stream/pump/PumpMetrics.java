package com.cruddur.messaging.adapters.dynamodb.stream.pump;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the pump has done, as counters tagged with the table: polls that succeeded or failed, messages handed to
 * pattern E in reads that settled, reads delivered again, records given up (what Lambda would send to its failure
 * queue) and shards read to their end.
 */
final class PumpMetrics {

    static final String POLLS = "cruddur.stream.pump.polls";
    static final String MESSAGES = "cruddur.stream.pump.messages";
    static final String REDELIVERIES = "cruddur.stream.pump.redeliveries";
    static final String RECORDS_GIVEN_UP = "cruddur.stream.pump.records.given.up";
    static final String SHARDS_FINISHED = "cruddur.stream.pump.shards.finished";

    private final Counter pollsSucceeded;
    private final Counter pollsFailed;
    private final Counter messages;
    private final Counter redeliveries;
    private final Counter recordsGivenUp;
    private final Counter shardsFinished;

    PumpMetrics(MeterRegistry registry, String table) {
        pollsSucceeded = counter(registry, POLLS, table, "polls of the stream", "result", "succeeded");
        pollsFailed = counter(registry, POLLS, table, "polls of the stream", "result", "failed");
        messages = counter(registry, MESSAGES, table, "messages handed to pattern E in reads that settled");
        redeliveries = counter(registry, REDELIVERIES, table, "reads handed to pattern E again from a reported record");
        recordsGivenUp = counter(registry, RECORDS_GIVEN_UP, table, "records still reported after the last attempt");
        shardsFinished = counter(registry, SHARDS_FINISHED, table, "shards read to their end");
    }

    void pollSucceeded() {
        pollsSucceeded.increment();
    }

    void pollFailed() {
        pollsFailed.increment();
    }

    void messages(int count) {
        messages.increment(count);
    }

    void redelivered() {
        redeliveries.increment();
    }

    void recordsGivenUp(int count) {
        recordsGivenUp.increment(count);
    }

    void shardFinished() {
        shardsFinished.increment();
    }

    private static Counter counter(MeterRegistry registry, String name, String table, String description,
                                   String... tags) {
        return Counter.builder(name).description(description).tag("table", table).tags(tags).register(registry);
    }
}
