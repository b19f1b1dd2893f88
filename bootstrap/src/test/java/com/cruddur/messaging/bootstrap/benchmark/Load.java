package com.cruddur.messaging.bootstrap.benchmark;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * A closed-loop load at a fixed concurrency, as wrk makes it: {@code concurrency} workers, each issuing its next
 * request when the previous one completes, for a fixed time. Used for the store's ceiling.
 */
final class Load {

    /** Requests/s, latency (ms) and failed requests of one run. */
    record Result(long requests, double seconds, double p50, double p99, long errors) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private Load() {
    }

    /** {@code request} gets the worker's number and returns the future of one whole request (all its calls). */
    static Result run(int concurrency, Duration duration, IntFunction<CompletableFuture<?>> request) {
        ConcurrentHistogram latencies = new ConcurrentHistogram(3);
        AtomicLong errors = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(concurrency);
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        for (int worker = 0; worker < concurrency; worker++) {
            next(worker, request, deadline, latencies, errors, finished);
        }
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(latencies.getTotalCount() + errors.get(), seconds,
                latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(99) / 1e6, errors.get());
    }

    private static void next(int worker, IntFunction<CompletableFuture<?>> request, long deadline,
                             ConcurrentHistogram latencies, AtomicLong errors, CountDownLatch finished) {
        long start = System.nanoTime();
        if (start >= deadline) {
            finished.countDown();
            return;
        }
        CompletableFuture<?> call;
        try {
            call = request.apply(worker);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        // A request that completed at once would recurse on this stack; the others complete on an I/O thread.
        boolean completedAtOnce = call.isDone();
        call.whenComplete((done, failure) -> {
            if (failure == null) {
                latencies.recordValue(System.nanoTime() - start);
            } else {
                errors.incrementAndGet();
            }
            if (completedAtOnce) {
                CompletableFuture.runAsync(() -> next(worker, request, deadline, latencies, errors, finished));
            } else {
                next(worker, request, deadline, latencies, errors, finished);
            }
        });
    }
}
