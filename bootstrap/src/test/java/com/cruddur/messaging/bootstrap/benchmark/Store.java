package com.cruddur.messaging.bootstrap.benchmark;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The benchmark's own SDK client of one data set (a region of the standalone DynamoDB Local): as light as the SDK
 * allows, so that it measures the store and not itself (no hop to a completion thread pool; more connections than
 * the highest concurrency), and bulk writes for seeding what need not go through the service.
 */
final class Store implements AutoCloseable {

    static final int MAX_CONNECTIONS = 512;

    private final DynamoDbAsyncClient client;
    private final String table;

    Store(URI endpoint, String region, String table) {
        this.table = table;
        this.client = DynamoDbAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(MAX_CONNECTIONS)
                        .connectionAcquisitionTimeout(Duration.ofSeconds(30)))
                .asyncConfiguration(async -> async.advancedOption(
                        SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, Runnable::run))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(30)))
                .build();
    }

    DynamoDbAsyncClient client() {
        return client;
    }

    String table() {
        return table;
    }

    /** Writes items with BatchWriteItem (25 a call, a few calls in flight), retrying what comes back unprocessed. */
    void bulkPut(List<Map<String, AttributeValue>> items) {
        Semaphore inFlight = new Semaphore(6);
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> writes = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + 25))) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            inFlight.acquireUninterruptibly();
            calls.add(write(writes).whenComplete((done, failure) -> inFlight.release()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<BatchWriteItemResponse> write(List<WriteRequest> writes) {
        return client.batchWriteItem(b -> b.requestItems(Map.of(table, writes))).thenCompose(response -> {
            List<WriteRequest> left = response.unprocessedItems().getOrDefault(table, List.of());
            return left.isEmpty() ? CompletableFuture.completedFuture(response) : write(left);
        });
    }

    @Override
    public void close() {
        client.close();
    }
}
