package com.cruddur.messaging.bootstrap.cli;

import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** A client of one table, with every call's failure turned into one line naming the endpoint and the table. */
final class DynamoDbTable implements AutoCloseable {

    private final DynamoDbAsyncClient client;
    private final String name;
    private final String where;

    DynamoDbTable(DynamoDbAsyncClient client, String name, String where) {
        this.client = client;
        this.name = name;
        this.where = where;
    }

    DynamoDbAsyncClient client() {
        return client;
    }

    String name() {
        return name;
    }

    String where() {
        return where;
    }

    MessagesTable schema() {
        return MessagesTable.named(name);
    }

    /** The table as described, or empty when it does not exist. */
    Optional<TableDescription> describe() {
        return Optional.ofNullable(await(schema().describe(client)));
    }

    /** Fails with one line when the table does not exist. */
    TableDescription requireTable() {
        return describe().orElseThrow(() -> new CliFailure("table '" + name + "' does not exist in " + where
                + "; create it with: cruddur admin ddb schema-load"));
    }

    <T> T call(Supplier<CompletableFuture<T>> call) {
        return await(Mono.fromFuture(call));
    }

    /** Every page of one of the SDK's paginators, in order: the paginator follows the pages, not this code. */
    <T> List<T> pages(SdkPublisher<T> paginator) {
        return await(Flux.from(paginator).collectList());
    }

    <T> T await(Mono<T> work) {
        try {
            return work.block();
        } catch (RuntimeException e) {
            throw Failures.dynamoDb(e, where, name);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
