package com.cruddur.messaging.bootstrap.startup;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Waits, at start-up, until every store is prepared, retrying with backoff while one is slow or not up yet. It runs
 * first among the application runners, once the web server listens: meanwhile liveness is UP and readiness is DOWN
 * (Spring Boot accepts traffic only after the runners), so a slow store delays the start instead of ending it. A
 * failure no retry can fix, or a store still not ready after {@code patience}, ends the start with one line
 * ({@link CannotStart}).
 */
public final class StoresAtStartup implements ApplicationRunner, Ordered {

    /** The runners that need the stores (stream pump, demo data) come after this one. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private static final Logger log = LoggerFactory.getLogger(StoresAtStartup.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);

    private final List<StorePreparation> stores;
    private final Duration patience;

    public StoresAtStartup(List<StorePreparation> stores, Duration patience) {
        this.stores = List.copyOf(stores);
        this.patience = patience;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Start-up, not a request path: the runner is meant to hold the start until the stores are ready.
        Flux.fromIterable(stores).flatMap(this::prepared).then().block();
    }

    private Mono<Void> prepared(StorePreparation store) {
        AtomicReference<Throwable> lastFailure = new AtomicReference<>();
        return Mono.defer(store.attempt())
                .then()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF)
                        .maxBackoff(MAX_BACKOFF)
                        .filter(failure -> !store.permanent().test(failure))
                        .doBeforeRetry(signal -> {
                            lastFailure.set(signal.failure());
                            log.warn("{} is not ready yet ({}); trying again", store.store(), describe(signal.failure()));
                        }))
                .timeout(patience)
                .onErrorMap(failure -> !(failure instanceof CannotStart), failure -> failure instanceof TimeoutException
                        ? new CannotStart(store.store() + " was not ready within " + patience.toSeconds() + " s (last: "
                                + describe(lastFailure.get()) + "); the wait is cruddur.startup.store-wait", failure)
                        : new CannotStart(store.store() + " cannot be used: " + describe(failure), failure))
                .doOnSuccess(ready -> log.info("{} is ready", store.store()));
    }

    /** The failure's own first line; wrappers without a message of their own are looked through. */
    static String describe(Throwable failure) {
        if (failure == null) {
            return "no answer";
        }
        Throwable shown = failure;
        while ((shown instanceof CompletionException || shown.getMessage() == null) && shown.getCause() != null
                && shown.getCause() != shown) {
            shown = shown.getCause();
        }
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
