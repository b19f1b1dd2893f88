package com.cruddur.messaging.adapters.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The items of one TransactWriteItems call, each added under the name of what it is, and a cancelled call read back
 * by those names. DynamoDB gives each item's cancellation reason at the item's position; a position written down as
 * a number ({@code items.get(5)}) silently points at another item once someone reorders the additions, and a
 * repeated request then reads as a lost race.
 */
final class Transaction {

    /** What an item of a transaction is. */
    enum Part { CONVERSATION, PAIR_CLAIM, GROUP_ROW, MESSAGE, IDEMPOTENCY_RECORD, BLOCK }

    private final List<Part> parts = new ArrayList<>();
    private final List<TransactWriteItem> items = new ArrayList<>();

    Transaction add(Part part, TransactWriteItem item) {
        parts.add(part);
        items.add(item);
        return this;
    }

    List<TransactWriteItem> items() {
        return List.copyOf(items);
    }

    /** Why DynamoDB cancelled this transaction, read by part. */
    Cancellation cancellation(TransactionCanceledException cancelled) {
        return new Cancellation(List.copyOf(parts), cancelled);
    }

    /** A cancelled transaction, its reasons matched to the parts in the order they were added. */
    record Cancellation(List<Part> parts, TransactionCanceledException exception) {

        /** Whether an item of {@code part} failed its condition. */
        boolean failedCondition(Part part) {
            return failed(part).findAny().isPresent();
        }

        /** The stored item that failed the condition of an item of {@code part}, when DynamoDB returned it. */
        Optional<Map<String, AttributeValue>> itemIn(Part part) {
            return failed(part).filter(reason -> reason.hasItem() && !reason.item().isEmpty())
                    .map(CancellationReason::item)
                    .findFirst();
        }

        List<String> codes() {
            return Writes.codes(exception);
        }

        private Stream<CancellationReason> failed(Part part) {
            List<CancellationReason> reasons = exception.hasCancellationReasons()
                    ? exception.cancellationReasons() : List.of();
            return IntStream.range(0, Math.min(parts.size(), reasons.size()))
                    .filter(index -> parts.get(index) == part)
                    .mapToObj(reasons::get)
                    .filter(reason -> Writes.CONDITION_FAILED.equals(reason.code()));
        }
    }
}
