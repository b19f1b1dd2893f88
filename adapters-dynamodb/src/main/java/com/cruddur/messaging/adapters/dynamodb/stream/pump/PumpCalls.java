package com.cruddur.messaging.adapters.dynamodb.stream.pump;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** The pump's SDK calls: lazily started, bounded in time, their results published on the pump's own thread. */
final class PumpCalls {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Scheduler scheduler;

    PumpCalls(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    <T> Mono<T> call(Supplier<CompletableFuture<T>> call) {
        return Mono.fromFuture(call)
                .publishOn(scheduler)
                .timeout(CALL_TIMEOUT, scheduler);
    }

    /** The SDK's failure itself, out of the future's wrapping. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static String describe(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "no answer in time";
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
