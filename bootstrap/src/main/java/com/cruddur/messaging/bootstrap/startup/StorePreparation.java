package com.cruddur.messaging.bootstrap.startup;

import java.util.function.Predicate;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * What one store needs before the service takes traffic (its table exists and is active, its migrations are in),
 * as one attempt that may be retried, and which of its failures no retry can fix.
 *
 * @param store     how the store is named in the log and in a refusal, e.g. "the DynamoDB table 'cruddur-messages'"
 * @param attempt   one try; lazy, each subscription tries again
 * @param permanent failures that end the start (a missing table that should exist, refused credentials)
 */
public record StorePreparation(String store, Supplier<Mono<?>> attempt, Predicate<Throwable> permanent) {
}
