package com.cruddur.messaging.adapters.dynamodb.stream;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one batch of stream records came to: how many messages it held and the records to deliver again, lowest
 * sequence number first. The Lambda returns them as batch item failures; the pump reads its shard again from the
 * first one.
 */
public record BatchReport(int messages, List<FailedRecord> failures) {

    public BatchReport {
        failures = List.copyOf(failures);
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
