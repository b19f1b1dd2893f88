package com.cruddur.messaging.adapters.dynamodb.stream;

import com.cruddur.messaging.application.MoveGroupsToNewestMessage.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one batch of stream records came to: how many messages it held and the records to deliver again, lowest
 * sequence number first. The Lambda returns them as batch item failures; the pump reads its shard again from the
 * first one. {@code outcomes} counts the conversations of the batch by what became of their move (the function
 * publishes them as metrics).
 */
public record BatchReport(int messages, List<FailedRecord> failures, Map<Outcome, Integer> outcomes) {

    public BatchReport {
        failures = List.copyOf(failures);
        outcomes = Map.copyOf(outcomes);
    }

    public BatchReport(int messages, List<FailedRecord> failures) {
        this(messages, failures, Map.of());
    }

    /** Conversations of the batch whose move ended as {@code outcome}. */
    public int count(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    /** Nothing to deliver again. */
    public boolean complete() {
        return failures.isEmpty();
    }

    /** Where a retry starts: the lowest reported sequence number. */
    public Optional<String> retryFrom() {
        return failures.stream().findFirst().map(FailedRecord::sequenceNumber);
    }

    public List<String> sequenceNumbers() {
        return failures.stream().map(FailedRecord::sequenceNumber).toList();
    }

    /** A record to deliver again, and why. */
    public record FailedRecord(String sequenceNumber, String reason) {

        public FailedRecord {
            Objects.requireNonNull(sequenceNumber, "sequence number");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
