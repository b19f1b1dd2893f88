package com.cruddur.messaging.adapters.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The calls both adapters make on the table: lazy ({@code Mono.fromFuture(() -> ...)}, so a retry re-issues the
 * call), always with {@code ReturnConsumedCapacity TOTAL} recorded per operation and pattern, and with failures
 * translated by {@link DynamoDbErrors}.
 */
final class TableCalls {

    private final DynamoDbAsyncClient client;
    private final String table;
    private final ConsumedCapacityRecorder recorder;
    private final DynamoDbErrors errors;

    TableCalls(DynamoDbAsyncClient client, String table, ConsumedCapacityRecorder recorder) {
        this.client = client;
        this.table = table;
        this.recorder = recorder;
        this.errors = new DynamoDbErrors(client, table);
    }

    String table() {
        return table;
    }

    /** A strongly consistent GetItem; empty when there is no such item. */
    Mono<Map<String, AttributeValue>> get(AccessPattern pattern, Map<String, AttributeValue> key) {
        GetItemRequest request = GetItemRequest.builder().tableName(table).key(key).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        return call("GetItem", pattern, () -> client.getItem(request), response -> response.consumedCapacity())
                .flatMap(response -> response.hasItem() && !response.item().isEmpty()
                        ? Mono.just(response.item()) : Mono.empty());
    }

    Mono<QueryResponse> query(AccessPattern pattern, QueryRequest.Builder request) {
        QueryRequest built = request.tableName(table).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        return call("Query", pattern, () -> client.query(built), QueryResponse::consumedCapacity);
    }

    Mono<PutItemResponse> put(AccessPattern pattern, PutItemRequest.Builder request) {
        PutItemRequest built = request.tableName(table).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        return call("PutItem", pattern, () -> client.putItem(built), PutItemResponse::consumedCapacity);
    }

    Mono<UpdateItemResponse> update(AccessPattern pattern, UpdateItemRequest.Builder request) {
        UpdateItemRequest built = request.tableName(table).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        return call("UpdateItem", pattern, () -> client.updateItem(built), UpdateItemResponse::consumedCapacity);
    }

    Mono<TransactWriteItemsResponse> transact(AccessPattern pattern, List<TransactWriteItem> items) {
        TransactWriteItemsRequest built = TransactWriteItemsRequest.builder().transactItems(items)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        return callMany("TransactWriteItems", pattern, () -> client.transactWriteItems(built),
                TransactWriteItemsResponse::consumedCapacity);
    }

    private <R> Mono<R> call(String operation, AccessPattern fallback, Supplier<CompletableFuture<R>> call,
                             Function<R, ConsumedCapacity> consumed) {
        return callMany(operation, fallback, call, response -> {
            ConsumedCapacity capacity = consumed.apply(response);
            return capacity == null ? List.of() : List.of(capacity);
        });
    }

    private <R> Mono<R> callMany(String operation, AccessPattern fallback, Supplier<CompletableFuture<R>> call,
                                 Function<R, List<ConsumedCapacity>> consumed) {
        return Mono.deferContextual(context -> {
            AccessPattern pattern = AccessPattern.from(context, fallback);
            return Mono.fromFuture(call)
                    .doOnNext(response -> recorder.record(operation, pattern, consumed.apply(response)));
        }).onErrorMap(errors::translate);
    }
}
