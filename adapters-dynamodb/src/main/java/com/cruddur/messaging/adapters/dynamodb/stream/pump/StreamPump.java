package com.cruddur.messaging.adapters.dynamodb.stream.pump;

import com.cruddur.messaging.adapters.dynamodb.stream.StreamBatchProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/**
 * Pattern E where no Lambda runs (the embedded default, a standalone DynamoDB Local, tests): polls the messages
 * table's stream and hands each read to the same pipeline as the deployed function ({@link StreamBatchProcessor}),
 * so the inbox rows follow new messages as they do in AWS.
 *
 * <p>Written here rather than taken from the Kinesis Client Library (with the DynamoDB Streams adapter), which does
 * this with leases: it needs a lease table, a worker identity and a few threads of its own, too much for one
 * in-process reader of a local table.
 *
 * <p>A poll describes the stream when due ({@link Shards}) and reads each readable shard ({@link ShardReader}). A
 * poll cut short by the table, the stream or the endpoint (DynamoDB Local restarted, the table not created yet or
 * recreated) is retried with backoff ({@link PumpSettings#pollRetry}); the stream is then described again and
 * reading resumes where it was, or from the oldest record of a new stream.
 *
 * <p>{@link #start()} returns at once. The pump's state lives on one daemon thread of its own
 * ({@value #THREAD_NAME_PREFIX}{table}); the SDK calls are asynchronous and nothing blocks a caller's thread.
 * {@link #close()} stops polling, cancels what is in flight and waits for that thread to end.
 */
public final class StreamPump implements AutoCloseable {

    public static final String THREAD_NAME_PREFIX = "dynamodb-stream-pump-";

    static final Duration DESCRIBE_EVERY = Duration.ofSeconds(10);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(StreamPump.class);

    private final String table;
    private final PumpSettings settings;
    private final PumpMetrics metrics;
    private final ScheduledExecutorService executor;
    private final Scheduler scheduler;
    private final Shards shards = new Shards(DESCRIBE_EVERY);
    private final StreamDescriber describer;
    private final ShardReader reader;

    private final Object lifecycle = new Object();
    private Lifecycle state = Lifecycle.NEW;
    private Disposable loop;
    private volatile Thread thread;
    private int failedPollsInARow; // the pump's thread only

    /**
     * @param streams  reads the stream (the same endpoint, region and credentials as {@code dynamoDb})
     * @param dynamoDb finds the table's latest stream (DescribeTable)
     * @param table    the messages table's name
     * @param batches  pattern E over each read
     * @param registry where the pump counts what it did ({@code cruddur.stream.pump.*})
     */
    public StreamPump(DynamoDbStreamsAsyncClient streams, DynamoDbAsyncClient dynamoDb, String table,
                      StreamBatchProcessor batches, MeterRegistry registry, PumpSettings settings) {
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(dynamoDb, "dynamoDb");
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("the table name must not be blank");
        }
        this.table = table;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = new PumpMetrics(Objects.requireNonNull(registry, "registry"), table);
        // The executor starts its thread with the first task, in start().
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread created = new Thread(task, threadName());
            created.setDaemon(true);
            thread = created;
            return created;
        });
        this.scheduler = Schedulers.fromExecutorService(executor, threadName());
        PumpCalls calls = new PumpCalls(scheduler);
        this.describer = new StreamDescriber(dynamoDb, streams, table, calls);
        this.reader = new ShardReader(streams, Objects.requireNonNull(batches, "batches"), shards, calls, settings,
                metrics, table);
    }

    /** Starts polling on the pump's own thread and returns at once. A pump starts once. */
    public void start() {
        synchronized (lifecycle) {
            if (state != Lifecycle.NEW) {
                throw new IllegalStateException("the stream pump of " + table + " was started or closed already");
            }
            state = Lifecycle.RUNNING;
            Retry pollAgain = settings.pollRetry().scheduler(scheduler).doBeforeRetry(signal ->
                    pollFailed(PumpCalls.unwrap(signal.failure())));
            loop = Mono.defer(this::pollOnce)
                    .then(Mono.delay(settings.pollInterval(), scheduler))
                    .repeat()
                    .retryWhen(pollAgain)
                    .subscribeOn(scheduler)
                    .subscribe(ignored -> { }, failure -> log.error("The stream pump of {} stopped", table, failure));
            log.info("Stream pump of table {} started (every {} ms)", table, settings.pollInterval().toMillis());
        }
    }

    /** Stops polling, cancels the calls in flight and waits for the pump's thread to end. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (state == Lifecycle.CLOSED) {
                return;
            }
            if (loop != null) {
                loop.dispose();
            }
            state = Lifecycle.CLOSED;
            scheduler.dispose();
            executor.shutdownNow();
        }
        Thread pumpThread = thread;
        if (pumpThread == null || pumpThread == Thread.currentThread()) {
            return; // never started, or closed from the pump's own thread: it ends once this task returns
        }
        try {
            // The executor terminates a moment before its thread has finished: wait for the thread itself.
            pumpThread.join(CLOSE_WAIT.toMillis());
            if (pumpThread.isAlive()) {
                log.warn("The stream pump of {} did not stop within {} s", table, CLOSE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Stream pump of table {} stopped", table);
    }

    /** True between {@link #start()} and {@link #close()}. */
    public boolean isRunning() {
        synchronized (lifecycle) {
            return state == Lifecycle.RUNNING;
        }
    }

    String threadName() {
        return THREAD_NAME_PREFIX + table;
    }

    /** One poll: describe the stream when due, then read every shard whose parent is done. */
    private Mono<Void> pollOnce() {
        return describer.describeIfDue(shards)
                .then(Mono.defer(() -> Flux.fromIterable(shards.readable()).concatMap(reader::drain).then()))
                .doOnSuccess(ignored -> pollSucceeded());
    }

    private void pollSucceeded() {
        metrics.pollSucceeded();
        if (failedPollsInARow > 0) {
            log.info("Stream pump of {} resumed after {} failed polls", table, failedPollsInARow);
            failedPollsInARow = 0;
        }
    }

    private void pollFailed(Throwable cause) {
        metrics.pollFailed();
        shards.describeAgain();
        if (failedPollsInARow++ > 0) {
            log.debug("Stream pump of {}: poll {} in a row failed", table, failedPollsInARow, cause);
        } else if (cause instanceof ResourceNotFoundException) {
            log.warn("Stream pump of {}: the table or its stream is not there ({}); waiting for it", table,
                    cause.getMessage());
        } else {
            log.warn("Stream pump of {}: poll failed ({}); retrying", table, PumpCalls.describe(cause));
        }
    }

    @Override
    public String toString() {
        return "stream pump of table " + table;
    }

    private enum Lifecycle { NEW, RUNNING, CLOSED }
}
