package com.cruddur.messaging.adapters.dynamodb.stream;

import com.cruddur.messaging.adapters.dynamodb.stream.StreamRecordDecoder.Decoded;
import com.cruddur.messaging.adapters.dynamodb.stream.StreamRecordDecoder.Malformed;
import com.cruddur.messaging.adapters.dynamodb.stream.StreamRecordDecoder.NewMessage;
import com.cruddur.messaging.domain.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/**
 * Pattern E where no Lambda runs (the embedded default, a standalone DynamoDB Local, tests): polls the messages
 * table's stream and hands the messages inserted into it to a function, batch by batch (bootstrap passes
 * {@code MoveGroupsToNewestMessage::apply}), so the inbox rows follow new messages as the deployed handler makes
 * them follow in AWS.
 *
 * <h2>What it reads</h2>
 * The table's latest stream (DescribeTable), every shard of it (DescribeStream, paged). A shard seen for the first
 * time is read from TRIM_HORIZON, so nothing written before the pump started is missed: moves are idempotent and
 * only go forward, a replay changes nothing. A child shard is read once its parent is drained; a shard whose
 * iterator chain ends (its {@code NextShardIterator} is null) is finished and the stream is described again for its
 * children. Each GetRecords result is one batch; only INSERTs of message items ({@code MSG#}) are passed on.
 *
 * <h2>When things go wrong</h2>
 * <ul>
 * <li>An expired or invalid iterator is replaced by one after the last record passed on (AFTER_SEQUENCE_NUMBER),
 *     or from TRIM_HORIZON when that point was trimmed away.</li>
 * <li>The table or stream unreachable, gone or replaced (DynamoDB Local restarted, the table recreated): the poll
 *     fails, the pump waits (backing off up to {@value #MAX_BACKOFF_MILLIS} ms), describes the table and stream
 *     again and resumes where it was, or from TRIM_HORIZON of a new stream.</li>
 * <li>A message record that cannot be read is logged and skipped.</li>
 * <li>A batch whose function fails (or takes longer than {@link #BATCH_TIMEOUT}) is offered again at the next poll,
 *     {@value #BATCH_ATTEMPTS} times in all; then it is logged with its sequence numbers and skipped, so one bad
 *     batch never blocks its shard.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * {@link #start()} returns at once. The pump's state lives on one daemon thread of its own
 * ({@value #THREAD_NAME_PREFIX}{table}); the SDK calls are asynchronous and nothing blocks a caller's thread.
 * {@link #close()} stops polling, cancels what is in flight and waits for that thread to end.
 */
public final class StreamPump implements AutoCloseable {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);
    public static final String THREAD_NAME_PREFIX = "dynamodb-stream-pump-";

    static final int RECORDS_PER_CALL = 1000;
    static final int CALLS_PER_SHARD_PER_POLL = 10;
    static final int BATCH_ATTEMPTS = 5;
    static final long MAX_BACKOFF_MILLIS = 2000;
    static final Duration BATCH_TIMEOUT = Duration.ofSeconds(60);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DESCRIBE_EVERY = Duration.ofSeconds(10);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(StreamPump.class);

    private final DynamoDbStreamsAsyncClient streams;
    private final DynamoDbAsyncClient dynamoDb;
    private final String table;
    private final Function<List<Message>, Mono<?>> onMessages;
    private final Duration pollInterval;

    private final Object lifecycle = new Object();
    private Lifecycle lifecycleState = Lifecycle.NEW;
    private ScheduledExecutorService executor;
    private Scheduler scheduler;
    private Disposable loop;

    // Only the pump's thread reads and writes these (every asynchronous result is published on it).
    private String streamArn;
    private final Map<String, ShardCursor> shards = new LinkedHashMap<>();
    private final Set<String> finishedShards = new HashSet<>();
    private boolean describeNeeded = true;
    private long nextDescribeAt;
    private int failedPolls;

    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong pollsFailed = new AtomicLong();
    private final AtomicLong messagesPassedOn = new AtomicLong();
    private final AtomicLong recordsSkipped = new AtomicLong();
    private final AtomicLong batchesDropped = new AtomicLong();
    private final AtomicLong shardsFinished = new AtomicLong();

    public StreamPump(DynamoDbStreamsAsyncClient streams, DynamoDbAsyncClient dynamoDb, String table,
                      Function<List<Message>, Mono<?>> onMessages) {
        this(streams, dynamoDb, table, onMessages, DEFAULT_POLL_INTERVAL);
    }

    /**
     * @param streams      reads the stream (the same endpoint, region and credentials as {@code dynamoDb})
     * @param dynamoDb     finds the table's latest stream (DescribeTable)
     * @param table        the messages table's name
     * @param onMessages   receives each batch of new messages, oldest first; an error or an empty result is fine,
     *                     an error means "offer this batch again"
     * @param pollInterval the pause between polls while the pump is healthy
     */
    public StreamPump(DynamoDbStreamsAsyncClient streams, DynamoDbAsyncClient dynamoDb, String table,
                      Function<List<Message>, Mono<?>> onMessages, Duration pollInterval) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("the table name must not be blank");
        }
        this.table = table;
        this.onMessages = Objects.requireNonNull(onMessages, "onMessages");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive, was " + pollInterval);
        }
        this.pollInterval = pollInterval;
    }

    /** Starts polling on the pump's own thread and returns at once. A pump starts once. */
    public void start() {
        synchronized (lifecycle) {
            if (lifecycleState != Lifecycle.NEW) {
                throw new IllegalStateException("the stream pump of " + table + " was started or closed already");
            }
            lifecycleState = Lifecycle.RUNNING;
            executor = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, threadName());
                thread.setDaemon(true);
                return thread;
            });
            scheduler = Schedulers.fromExecutorService(executor, threadName());
            loop = Mono.defer(this::pollOnce)
                    .flatMap(pause -> Mono.delay(pause, scheduler))
                    .repeat()
                    .subscribeOn(scheduler)
                    .subscribe(ignored -> { }, failure -> log.error("The stream pump of {} stopped", table, failure));
            log.info("Stream pump of table {} started (every {} ms)", table, pollInterval.toMillis());
        }
    }

    /** Stops polling, cancels the calls in flight and waits for the pump's thread to end. */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (lifecycle) {
            if (lifecycleState == Lifecycle.CLOSED) {
                return;
            }
            boolean wasRunning = lifecycleState == Lifecycle.RUNNING;
            lifecycleState = Lifecycle.CLOSED;
            if (!wasRunning) {
                return;
            }
            loop.dispose();
            scheduler.dispose();
            stopping = executor;
            stopping.shutdownNow();
        }
        if (Thread.currentThread().getName().equals(threadName())) {
            return; // closed from a batch function: the thread ends as soon as this task returns
        }
        try {
            if (!stopping.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
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
            return lifecycleState == Lifecycle.RUNNING;
        }
    }

    /** What the pump has done so far. */
    public Stats stats() {
        return new Stats(polls.get(), pollsFailed.get(), messagesPassedOn.get(), recordsSkipped.get(), batchesDropped.get(),
                shardsFinished.get());
    }

    /**
     * @param polls            polls completed without a failure
     * @param pollsFailed      polls cut short by a failure of the table, the stream or the endpoint
     * @param messagesPassedOn messages handed to the function in batches that it accepted
     * @param recordsSkipped   message records that could not be read
     * @param batchesDropped   batches given up after {@value StreamPump#BATCH_ATTEMPTS} failed attempts
     * @param shardsFinished   shards read to their end
     */
    public record Stats(long polls, long pollsFailed, long messagesPassedOn, long recordsSkipped, long batchesDropped,
                        long shardsFinished) {
    }

    String threadName() {
        return THREAD_NAME_PREFIX + table;
    }

    // ---- one poll: describe when due, then read every shard whose parent is done ----

    /** One poll; completes with the pause before the next one. */
    private Mono<Duration> pollOnce() {
        return describeIfDue()
                .then(Mono.defer(() -> Flux.fromIterable(List.copyOf(readableShards()))
                        .concatMap(shard -> drain(shard, CALLS_PER_SHARD_PER_POLL))
                        .then()))
                .then(Mono.fromCallable(this::succeeded))
                .onErrorResume(failure -> Mono.fromCallable(() -> failed(failure)));
    }

    private Duration succeeded() {
        polls.incrementAndGet();
        if (failedPolls > 0) {
            log.info("Stream pump of {} resumed after {} failed polls", table, failedPolls);
            failedPolls = 0;
        }
        return pollInterval;
    }

    private Duration failed(Throwable failure) {
        Throwable cause = unwrap(failure);
        pollsFailed.incrementAndGet();
        failedPolls++;
        describeNeeded = true;
        if (failedPolls == 1) {
            if (cause instanceof ResourceNotFoundException) {
                log.warn("Stream pump of {}: the table or its stream is not there ({}); waiting for it", table,
                        cause.getMessage());
            } else {
                log.warn("Stream pump of {}: poll failed ({}); retrying", table, describe(cause));
            }
        } else {
            log.debug("Stream pump of {}: poll {} in a row failed", table, failedPolls, cause);
        }
        long backoff = pollInterval.toMillis() << Math.min(failedPolls - 1, 4);
        return Duration.ofMillis(Math.min(Math.max(backoff, pollInterval.toMillis()),
                Math.max(MAX_BACKOFF_MILLIS, pollInterval.toMillis())));
    }

    private Mono<Void> describeIfDue() {
        if (!describeNeeded && streamArn != null && System.nanoTime() - nextDescribeAt < 0) {
            return Mono.empty();
        }
        return call(() -> dynamoDb.describeTable(DescribeTableRequest.builder().tableName(table).build()))
                .flatMap(described -> {
                    String arn = described.table().latestStreamArn();
                    if (arn == null) {
                        return Mono.error(ResourceNotFoundException.builder()
                                .message("table " + table + " has no stream (it needs StreamViewType NEW_IMAGE)")
                                .build());
                    }
                    if (!arn.equals(streamArn)) {
                        if (streamArn != null) {
                            log.info("Stream pump of {}: the table has a new stream {}; reading it from the start",
                                    table, arn);
                        }
                        streamArn = arn;
                        shards.clear();
                        finishedShards.clear();
                    }
                    return describeShards(arn);
                })
                .doOnNext(this::follow)
                .then();
    }

    private Mono<List<Shard>> describeShards(String arn) {
        return describeStream(arn, null)
                .expand(page -> page.lastEvaluatedShardId() == null ? Mono.empty()
                        : describeStream(arn, page.lastEvaluatedShardId()))
                .concatMapIterable(StreamDescription::shards)
                .collectList();
    }

    private Mono<StreamDescription> describeStream(String arn, String startAfter) {
        return call(() -> streams.describeStream(DescribeStreamRequest.builder()
                        .streamArn(arn).exclusiveStartShardId(startAfter).build()))
                .map(response -> response.streamDescription());
    }

    /** Takes in the shards as described: new ones start at TRIM_HORIZON, trimmed ones are forgotten. */
    private void follow(List<Shard> described) {
        Set<String> present = new HashSet<>();
        for (Shard shard : described) {
            present.add(shard.shardId());
        }
        shards.keySet().retainAll(present);
        finishedShards.retainAll(present);
        for (Shard shard : described) {
            if (!shards.containsKey(shard.shardId()) && !finishedShards.contains(shard.shardId())) {
                shards.put(shard.shardId(), new ShardCursor(shard.shardId(), shard.parentShardId()));
                log.debug("Stream pump of {}: following shard {} (parent {})", table, shard.shardId(),
                        shard.parentShardId());
            }
        }
        describeNeeded = false;
        nextDescribeAt = System.nanoTime() + DESCRIBE_EVERY.toNanos();
    }

    /** Shards whose parent is finished or gone: a child is read after its parent, as the stream orders them. */
    private List<ShardCursor> readableShards() {
        List<ShardCursor> readable = new ArrayList<>();
        for (ShardCursor shard : shards.values()) {
            if (shard.parentId == null || !shards.containsKey(shard.parentId)) {
                readable.add(shard);
            }
        }
        return readable;
    }

    // ---- one shard ----

    private Mono<Void> drain(ShardCursor shard, int callsLeft) {
        return iterator(shard)
                .flatMap(iterator -> call(() -> streams.getRecords(GetRecordsRequest.builder()
                        .shardIterator(iterator).limit(RECORDS_PER_CALL).build())))
                .flatMap(response -> take(shard, response))
                .flatMap(readMore -> readMore && callsLeft > 1 ? drain(shard, callsLeft - 1) : Mono.<Void>empty())
                .onErrorResume(failure -> shardFailed(shard, unwrap(failure)));
    }

    private Mono<String> iterator(ShardCursor shard) {
        if (shard.iterator != null) {
            return Mono.just(shard.iterator);
        }
        GetShardIteratorRequest.Builder request = GetShardIteratorRequest.builder()
                .streamArn(streamArn).shardId(shard.id);
        if (shard.lastSequenceNumber != null) {
            request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                    .sequenceNumber(shard.lastSequenceNumber);
        } else {
            request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
        }
        return call(() -> streams.getShardIterator(request.build()))
                .mapNotNull(response -> {
                    shard.iterator = response.shardIterator();
                    if (shard.iterator == null) {
                        finish(shard);
                    }
                    return shard.iterator;
                });
    }

    /** Passes one GetRecords result on; true when the shard may hold more right away. */
    private Mono<Boolean> take(ShardCursor shard, GetRecordsResponse response) {
        List<Record> records = response.records();
        String next = response.nextShardIterator();
        if (records.isEmpty()) {
            advance(shard, next, null);
            return Mono.just(false);
        }
        List<Message> batch = new ArrayList<>();
        for (Record record : records) {
            Decoded decoded = StreamRecordDecoder.decode(record);
            if (decoded instanceof NewMessage message) {
                batch.add(message.message());
            } else if (decoded instanceof Malformed malformed) {
                recordsSkipped.incrementAndGet();
                log.warn("Stream pump of {}: skipped record {} of shard {}: {}", table, malformed.sequenceNumber(),
                        shard.id, malformed.reason());
            }
        }
        String last = records.get(records.size() - 1).dynamodb().sequenceNumber();
        if (batch.isEmpty()) {
            advance(shard, next, last);
            return Mono.just(next != null);
        }
        return Mono.defer(() -> onMessages.apply(List.copyOf(batch)))
                .publishOn(scheduler)
                .timeout(BATCH_TIMEOUT, scheduler)
                .then(Mono.fromCallable(() -> {
                    messagesPassedOn.addAndGet(batch.size());
                    shard.failedAttempts = 0;
                    advance(shard, next, last);
                    return next != null;
                }))
                .onErrorResume(failure -> Mono.fromCallable(() -> batchFailed(shard, next, records, unwrap(failure))));
    }

    private boolean batchFailed(ShardCursor shard, String next, List<Record> records, Throwable failure) {
        shard.failedAttempts++;
        String first = records.get(0).dynamodb().sequenceNumber();
        String last = records.get(records.size() - 1).dynamodb().sequenceNumber();
        if (shard.failedAttempts < BATCH_ATTEMPTS) {
            // The iterator stays where it is: the next poll reads and offers the same records again.
            log.warn("Stream pump of {}: batch {}..{} of shard {} failed (attempt {} of {}): {}", table, first, last,
                    shard.id, shard.failedAttempts, BATCH_ATTEMPTS, describe(failure));
            return false;
        }
        log.error("Stream pump of {}: gave up batch {}..{} of shard {} after {} attempts", table, first, last,
                shard.id, BATCH_ATTEMPTS, failure);
        batchesDropped.incrementAndGet();
        shard.failedAttempts = 0;
        advance(shard, next, last);
        return false;
    }

    private void advance(ShardCursor shard, String next, String lastSequenceNumber) {
        if (lastSequenceNumber != null) {
            shard.lastSequenceNumber = lastSequenceNumber;
        }
        shard.iterator = next;
        if (next == null) {
            finish(shard);
        }
    }

    private void finish(ShardCursor shard) {
        if (shards.remove(shard.id) != null) {
            finishedShards.add(shard.id);
            shardsFinished.incrementAndGet();
            describeNeeded = true;
            log.debug("Stream pump of {}: shard {} is closed and read to its end", table, shard.id);
        }
    }

    /** Recovers what concerns this shard alone; a failure of the endpoint itself fails the whole poll. */
    private Mono<Void> shardFailed(ShardCursor shard, Throwable failure) {
        if (failure instanceof ExpiredIteratorException) {
            log.debug("Stream pump of {}: iterator of shard {} expired; resuming after {}", table, shard.id,
                    shard.lastSequenceNumber);
            shard.iterator = null;
            return Mono.empty();
        }
        if (failure instanceof TrimmedDataAccessException) {
            log.warn("Stream pump of {}: records of shard {} after {} were trimmed; resuming at the oldest kept",
                    table, shard.id, shard.lastSequenceNumber);
            shard.iterator = null;
            shard.lastSequenceNumber = null;
            return Mono.empty();
        }
        if (failure instanceof ResourceNotFoundException) {
            log.info("Stream pump of {}: shard {} is gone ({})", table, shard.id, failure.getMessage());
            shards.remove(shard.id);
            describeNeeded = true;
            return Mono.empty();
        }
        if (failure instanceof AwsServiceException service && service.statusCode() >= 400
                && service.statusCode() < 500 && !service.isThrottlingException()) {
            // "Invalid ShardIterator" and the like: the position is no longer valid here, take a fresh one
            // (after the last record passed on, or from the start when that was the one refused).
            log.warn("Stream pump of {}: shard {} refused its position ({}); taking a new iterator", table,
                    shard.id, describe(failure));
            if (shard.iterator == null) {
                shard.lastSequenceNumber = null;
            }
            shard.iterator = null;
            describeNeeded = true;
            return Mono.empty();
        }
        return Mono.error(failure);
    }

    // ---- helpers ----

    /** An SDK call, lazily started, bounded in time, its result published on the pump's thread. */
    private <T> Mono<T> call(Supplier<CompletableFuture<T>> call) {
        return Mono.fromFuture(call)
                .publishOn(scheduler)
                .timeout(CALL_TIMEOUT, scheduler);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "no answer in time";
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    @Override
    public String toString() {
        return "stream pump of table " + table;
    }

    private enum Lifecycle { NEW, RUNNING, CLOSED }

    /** Where the pump is in one shard: the iterator to read next and the last record passed on. */
    private static final class ShardCursor {
        final String id;
        final String parentId;
        String iterator;
        String lastSequenceNumber;
        int failedAttempts;

        ShardCursor(String id, String parentId) {
            this.id = id;
            this.parentId = parentId;
        }
    }
}
