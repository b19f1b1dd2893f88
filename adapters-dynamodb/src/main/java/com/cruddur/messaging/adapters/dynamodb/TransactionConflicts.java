package com.cruddur.messaging.adapters.dynamodb;

import java.time.Duration;
import reactor.util.retry.Retry;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The one retry policy for transactions that collided with another transaction on the same items
 * ({@code TransactionConflict}): DynamoDB cancels them and does not try again itself, and trying again a moment later
 * can succeed. A cancellation with a failed condition is not retried: the condition would fail again, and what it
 * means (a repeated request, a lost race, a taken instant) is for the caller to read. Once the attempts are spent the
 * last cancellation is passed on as it came.
 */
final class TransactionConflicts {

    /** Attempts in all, the first included. */
    static final int ATTEMPTS = 5;

    /** 5, 10, 20, 40 ms between attempts, each up to half shorter or longer, so colliding writers spread out. */
    static final Retry RETRY = Retry.backoff(ATTEMPTS - 1, Duration.ofMillis(5))
            .maxBackoff(Duration.ofMillis(100))
            .jitter(0.5)
            .filter(TransactionConflicts::onlyConflicts)
            .onRetryExhaustedThrow((spec, signal) -> signal.failure());

    private TransactionConflicts() {
    }

    static boolean onlyConflicts(Throwable failure) {
        return failure instanceof TransactionCanceledException cancelled && Writes.conflicted(cancelled)
                && cancelled.cancellationReasons().stream().map(CancellationReason::code)
                        .noneMatch(Writes.CONDITION_FAILED::equals);
    }
}
