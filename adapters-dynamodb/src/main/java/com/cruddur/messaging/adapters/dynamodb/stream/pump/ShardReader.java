package com.cruddur.messaging.adapters.dynamodb.stream.pump;

import com.cruddur.messaging.adapters.dynamodb.stream.BatchReport;
import com.cruddur.messaging.adapters.dynamodb.stream.SequenceNumbers;
import com.cruddur.messaging.adapters.dynamodb.stream.StreamBatchProcessor;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/**
 * Reads one shard: each GetRecords result is one batch for pattern E ({@link StreamBatchProcessor}), as Lambda
 * hands its function one batch at a time.
 *
 * <p>A batch with reported records is read again from the lowest one, with backoff ({@link PumpSettings#batchRetry}),
 * up to the batch's own last record, so each of its records has the same attempts and records written since wait for
 * their own; records around a reported one are applied again, which changes nothing. After the last attempt the
 * records still reported are logged, counted and given up, and the shard moves on past the batch: what Lambda does
 * with bounded retries and an on-failure destination. A failure of the position is mended by
 * {@link PositionRecovery}.
 */
final class ShardReader {

    static final int RECORDS_PER_CALL = 1000;
    static final int CALLS_PER_SHARD_PER_POLL = 10;

    private static final Logger log = LoggerFactory.getLogger(ShardReader.class);

    private final DynamoDbStreamsAsyncClient streams;
    private final StreamBatchProcessor batches;
    private final Shards shards;
    private final PumpCalls calls;
    private final PumpSettings settings;
    private final PumpMetrics metrics;
    private final PositionRecovery recovery;
    private final String table;

    ShardReader(DynamoDbStreamsAsyncClient streams, StreamBatchProcessor batches, Shards shards, PumpCalls calls,
                PumpSettings settings, PumpMetrics metrics, String table) {
        this.streams = streams;
        this.batches = batches;
        this.shards = shards;
        this.calls = calls;
        this.settings = settings;
        this.metrics = metrics;
        this.recovery = new PositionRecovery(shards, table);
        this.table = table;
    }

    /** Reads what the shard holds now, a bounded number of calls. */
    Mono<Void> drain(ShardCursor shard) {
        return drain(shard, CALLS_PER_SHARD_PER_POLL);
    }

    private Mono<Void> drain(ShardCursor shard, int callsLeft) {
        return deliver(shard)
                .flatMap(readMore -> readMore && callsLeft > 1 ? drain(shard, callsLeft - 1) : Mono.<Void>empty())
                .onErrorResume(failure -> recovery.recover(shard, PumpCalls.unwrap(failure)));
    }

    /** One batch, delivered again while it reports records; true when the shard may hold more right away. */
    private Mono<Boolean> deliver(ShardCursor shard) {
        Bound bound = new Bound();
        Retry redeliver = settings.batchRetry().scheduler(calls.scheduler()).doBeforeRetry(signal -> {
            metrics.redelivered();
            log.warn("Stream pump of {}: shard {} reported records {} (attempt {} of {}); reading again from {}",
                    table, shard.id(), ((Unsettled) signal.failure()).report.sequenceNumbers(),
                    signal.totalRetries() + 1, settings.batchAttempts(), shard.position().sequenceNumber());
        });
        return Mono.defer(() -> readOnce(shard, bound))
                .retryWhen(redeliver)
                .onErrorResume(Unsettled.class, unsettled -> Mono.fromCallable(() -> giveUp(shard, unsettled)));
    }

    private Mono<Boolean> readOnce(ShardCursor shard, Bound bound) {
        return iterator(shard)
                .flatMap(iterator -> calls.call(() -> streams.getRecords(GetRecordsRequest.builder()
                        .shardIterator(iterator).limit(RECORDS_PER_CALL).build())))
                .flatMap(response -> hand(shard, bound.apply(response)));
    }

    private Mono<String> iterator(ShardCursor shard) {
        if (shard.iterator() != null) {
            return Mono.just(shard.iterator());
        }
        ShardCursor.Position position = shard.position();
        GetShardIteratorRequest request = GetShardIteratorRequest.builder()
                .streamArn(shards.streamArn()).shardId(shard.id())
                .shardIteratorType(ShardIteratorType.fromValue(position.kind().name()))
                .sequenceNumber(position.sequenceNumber())
                .build();
        return calls.call(() -> streams.getShardIterator(request))
                .mapNotNull(response -> {
                    shard.use(response.shardIterator());
                    if (response.shardIterator() == null) {
                        settle(shard, new Read(List.of(), null, false));
                    }
                    return response.shardIterator();
                });
    }

    private Mono<Boolean> hand(ShardCursor shard, Read read) {
        if (read.records().isEmpty()) {
            settle(shard, read);
            return Mono.just(false);
        }
        return batches.process(read.records(), settings.batchTimeout())
                .publishOn(calls.scheduler())
                .flatMap(report -> {
                    if (report.complete()) {
                        metrics.messages(report.messages());
                        return Mono.just(settle(shard, read));
                    }
                    shard.rereadFrom(report.retryFrom().orElseThrow());
                    return Mono.error(new Unsettled(report, read));
                });
    }

    private boolean giveUp(ShardCursor shard, Unsettled unsettled) {
        for (BatchReport.FailedRecord failed : unsettled.report.failures()) {
            log.error("Stream pump of {}: gave up record {} of shard {} after {} attempts: {}", table,
                    failed.sequenceNumber(), shard.id(), settings.batchAttempts(), failed.reason());
        }
        metrics.recordsGivenUp(unsettled.report.failures().size());
        metrics.messages(unsettled.report.messages());
        return settle(shard, unsettled.read);
    }

    /** Done with the read's records; true when the shard may hold more right away. */
    private boolean settle(ShardCursor shard, Read read) {
        if (read.cutShort()) {
            shard.resumeAfter(read.last());
            return true;
        }
        shard.advance(read.next(), read.last());
        if (read.next() == null && shards.finish(shard)) {
            metrics.shardFinished();
            log.debug("Stream pump of {}: shard {} is closed and read to its end", table, shard.id());
        }
        return read.next() != null;
    }

    /** Records of one GetRecords call; {@code cutShort} when records past the batch's bound were left for later. */
    record Read(List<Record> records, String next, boolean cutShort) {

        String last() {
            return records.isEmpty() ? null : records.get(records.size() - 1).dynamodb().sequenceNumber();
        }
    }

    /** The first read of a batch sets its last record; a redelivery reads up to it and no further. */
    private static final class Bound {

        private String last;

        Read apply(GetRecordsResponse response) {
            List<Record> records = response.records();
            if (last == null) {
                Read first = new Read(records, response.nextShardIterator(), false);
                last = first.last();
                return first;
            }
            List<Record> kept = records.stream()
                    .takeWhile(record -> SequenceNumbers.compare(record.dynamodb().sequenceNumber(), last) <= 0)
                    .toList();
            return new Read(kept, response.nextShardIterator(), kept.size() < records.size());
        }
    }

    /** Pattern E reported records of a batch: read again, or give them up after the last attempt. */
    static final class Unsettled extends RuntimeException {

        final transient BatchReport report;
        final transient Read read;

        Unsettled(BatchReport report, Read read) {
            super("records reported: " + report.sequenceNumbers(), null, false, false);
            this.report = report;
            this.read = read;
        }
    }
}
