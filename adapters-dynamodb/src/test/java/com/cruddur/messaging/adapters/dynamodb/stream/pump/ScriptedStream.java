package com.cruddur.messaging.adapters.dynamodb.stream.pump;

import com.cruddur.messaging.adapters.dynamodb.stream.StreamRecords;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.SequenceNumberRange;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/**
 * A stream whose shards the test writes: records appended, shards closed and opened, failures queued. It answers
 * as DynamoDB Streams does: DescribeStream one shard per page (so every description is paged), GetRecords at most
 * {@code recordsPerCall} records, a null {@code NextShardIterator} once a closed shard is read to its end.
 */
final class ScriptedStream implements DynamoDbStreamsAsyncClient {

    static final String TABLE = "scripted";
    static final String ARN = "arn:aws:dynamodb:ddblocal:000000000000:table/scripted/stream/2026-11-22T10:15:30.123";

    private final int recordsPerCall;
    private final Map<String, ScriptedShard> shards = new TreeMap<>();
    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    private final List<GetShardIteratorRequest> iteratorRequests = new ArrayList<>();
    private long sequence;

    ScriptedStream(int recordsPerCall) {
        this.recordsPerCall = recordsPerCall;
    }

    /** Answers DescribeTable for {@link #TABLE} with this stream as its latest. */
    DynamoDbAsyncClient table() {
        return new DynamoDbAsyncClient() {
            @Override
            public CompletableFuture<DescribeTableResponse> describeTable(DescribeTableRequest request) {
                if (!TABLE.equals(request.tableName())) {
                    return CompletableFuture.failedFuture(
                            ResourceNotFoundException.builder().message("no table " + request.tableName()).build());
                }
                return CompletableFuture.completedFuture(DescribeTableResponse.builder()
                        .table(TableDescription.builder().tableName(TABLE).latestStreamArn(ARN).build()).build());
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {
            }
        };
    }

    synchronized void openShard(String id, String parentId) {
        shards.put(id, new ScriptedShard(parentId));
    }

    /** Appends records built with this stream's next sequence numbers. */
    synchronized void append(String shardId, java.util.function.Function<String, Record> record) {
        shards.get(shardId).records.add(record.apply(StreamRecords.sequenceNumber(++sequence)));
    }

    synchronized void closeShard(String id) {
        shards.get(id).closed = true;
    }

    /** The next GetRecords calls fail with these, in order. */
    synchronized void failNextGetRecords(RuntimeException... next) {
        failures.addAll(List.of(next));
    }

    synchronized List<GetShardIteratorRequest> iteratorRequests() {
        return List.copyOf(iteratorRequests);
    }

    @Override
    public synchronized CompletableFuture<DescribeStreamResponse> describeStream(DescribeStreamRequest request) {
        if (!ARN.equals(request.streamArn())) {
            return CompletableFuture.failedFuture(ResourceNotFoundException.builder().message("no stream").build());
        }
        List<String> ids = new ArrayList<>(shards.keySet());
        int from = request.exclusiveStartShardId() == null ? 0 : ids.indexOf(request.exclusiveStartShardId()) + 1;
        List<Shard> page = new ArrayList<>();
        String lastEvaluated = null;
        if (from < ids.size()) {
            String id = ids.get(from);
            ScriptedShard shard = shards.get(id);
            page.add(Shard.builder().shardId(id).parentShardId(shard.parentId)
                    .sequenceNumberRange(SequenceNumberRange.builder().build()).build());
            lastEvaluated = from + 1 < ids.size() ? id : null;
        }
        return CompletableFuture.completedFuture(DescribeStreamResponse.builder()
                .streamDescription(StreamDescription.builder().streamArn(ARN).streamStatus(StreamStatus.ENABLED)
                        .shards(page).lastEvaluatedShardId(lastEvaluated).build())
                .build());
    }

    @Override
    public synchronized CompletableFuture<GetShardIteratorResponse> getShardIterator(GetShardIteratorRequest request) {
        iteratorRequests.add(request);
        ScriptedShard shard = shards.get(request.shardId());
        if (shard == null) {
            return CompletableFuture.failedFuture(ResourceNotFoundException.builder().message("no shard").build());
        }
        int position = 0;
        ShardIteratorType type = request.shardIteratorType();
        if (type == ShardIteratorType.AFTER_SEQUENCE_NUMBER || type == ShardIteratorType.AT_SEQUENCE_NUMBER) {
            position = indexOf(shard, request.sequenceNumber()) + (type == ShardIteratorType.AFTER_SEQUENCE_NUMBER ? 1 : 0);
        } else if (type != ShardIteratorType.TRIM_HORIZON) {
            throw new IllegalStateException("the pump asked for " + type);
        }
        return CompletableFuture.completedFuture(GetShardIteratorResponse.builder()
                .shardIterator(request.shardId() + "/" + position).build());
    }

    private static int indexOf(ScriptedShard shard, String sequenceNumber) {
        for (int i = 0; i < shard.records.size(); i++) {
            if (shard.records.get(i).dynamodb().sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        throw new IllegalStateException("no record " + sequenceNumber);
    }

    @Override
    public synchronized CompletableFuture<GetRecordsResponse> getRecords(GetRecordsRequest request) {
        if (!failures.isEmpty()) {
            return CompletableFuture.failedFuture(failures.removeFirst());
        }
        String[] iterator = request.shardIterator().split("/");
        ScriptedShard shard = shards.get(iterator[0]);
        int position = Integer.parseInt(iterator[1]);
        int end = Math.min(shard.records.size(), position + Math.min(recordsPerCall, request.limit()));
        String next = shard.closed && end == shard.records.size() ? null : iterator[0] + "/" + end;
        return CompletableFuture.completedFuture(GetRecordsResponse.builder()
                .records(List.copyOf(shard.records.subList(position, end))).nextShardIterator(next).build());
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {
    }

    private static final class ScriptedShard {
        final String parentId;
        final List<Record> records = new ArrayList<>();
        boolean closed;

        ScriptedShard(String parentId) {
            this.parentId = parentId;
        }
    }
}
