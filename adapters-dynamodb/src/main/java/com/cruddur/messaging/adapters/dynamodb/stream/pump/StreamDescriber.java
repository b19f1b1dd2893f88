package com.cruddur.messaging.adapters.dynamodb.stream.pump;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/** Finds the table's latest stream (DescribeTable) and its shards (DescribeStream, every page). */
final class StreamDescriber {

    private static final Logger log = LoggerFactory.getLogger(StreamPump.class);

    private final DynamoDbAsyncClient dynamoDb;
    private final DynamoDbStreamsAsyncClient streams;
    private final String table;
    private final PumpCalls calls;

    StreamDescriber(DynamoDbAsyncClient dynamoDb, DynamoDbStreamsAsyncClient streams, String table, PumpCalls calls) {
        this.dynamoDb = dynamoDb;
        this.streams = streams;
        this.table = table;
        this.calls = calls;
    }

    /** Describes the stream into {@code shards} when they are due for it. */
    Mono<Void> describeIfDue(Shards shards) {
        if (!shards.describeDue(System.nanoTime())) {
            return Mono.empty();
        }
        return latestStream()
                .flatMap(arn -> {
                    if (shards.follow(arn)) {
                        log.info("Stream pump of {}: the table has a new stream {}; reading it from the start",
                                table, arn);
                    }
                    return shards(arn);
                })
                .doOnNext(described -> shards.described(described, System.nanoTime()))
                .then();
    }

    /** The latest stream's ARN; a table without a stream fails as a missing resource does. */
    private Mono<String> latestStream() {
        return calls.call(() -> dynamoDb.describeTable(DescribeTableRequest.builder().tableName(table).build()))
                .flatMap(described -> described.table().latestStreamArn() != null
                        ? Mono.just(described.table().latestStreamArn())
                        : Mono.error(ResourceNotFoundException.builder()
                                .message("table " + table + " has no stream (it needs StreamViewType NEW_IMAGE)")
                                .build()));
    }

    private Mono<List<Shards.Described>> shards(String streamArn) {
        return page(streamArn, null)
                .expand(page -> page.lastEvaluatedShardId() == null ? Mono.empty()
                        : page(streamArn, page.lastEvaluatedShardId()))
                .concatMapIterable(StreamDescription::shards)
                .map(shard -> new Shards.Described(shard.shardId(), shard.parentShardId()))
                .collectList();
    }

    private Mono<StreamDescription> page(String streamArn, String startAfter) {
        return calls.call(() -> streams.describeStream(DescribeStreamRequest.builder()
                        .streamArn(streamArn).exclusiveStartShardId(startAfter).build()))
                .map(response -> response.streamDescription());
    }
}
