package com.cruddur.messaging.adapters.dynamodb.stream;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/** The streams of DynamoDB Local's tables, as the pump reads them. */
public final class LocalStreams {

    private LocalStreams() {
    }

    public static DynamoDbStreamsAsyncClient client(URI endpoint, Duration callTimeout) {
        return DynamoDbStreamsAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)))
                .overrideConfiguration(config -> config.apiCallTimeout(callTimeout))
                .build();
    }

    /** Every record the table's stream holds now, shard by shard, oldest first. */
    public static List<Record> records(String table) {
        try (DynamoDbStreamsAsyncClient streams = client(DynamoDbLocalFixture.endpoint(), Duration.ofSeconds(30))) {
            String arn = DynamoDbLocalFixture.client().describeTable(request -> request.tableName(table)).join()
                    .table().latestStreamArn();
            List<Record> records = new ArrayList<>();
            for (Shard shard : streams.describeStream(request -> request.streamArn(arn)).join()
                    .streamDescription().shards()) {
                String iterator = streams.getShardIterator(request -> request.streamArn(arn)
                        .shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).join()
                        .shardIterator();
                List<Record> read;
                do {
                    String from = iterator;
                    var response = streams.getRecords(request -> request.shardIterator(from)).join();
                    read = response.records();
                    records.addAll(read);
                    iterator = response.nextShardIterator();
                } while (!read.isEmpty() && iterator != null);
            }
            return records;
        }
    }
}
