package com.cruddur.messaging.bootstrap.startup;

import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The messages table as start-up needs it: active, and created first where the service may create it (the embedded
 * default). A table that should exist and does not, or a request DynamoDB refuses (credentials, permissions,
 * validation), ends the start; timeouts, throttling, server errors and a table still being created are waited out.
 */
final class MessagesTableAtStartup {

    private static final Logger log = LoggerFactory.getLogger(MessagesTableAtStartup.class);

    private MessagesTableAtStartup() {
    }

    static StorePreparation of(MessagesTable table, DynamoDbAsyncClient client, boolean createIfMissing) {
        String where = client.serviceClientConfiguration().endpointOverride()
                .map(endpoint -> "at " + endpoint)
                .orElseGet(() -> "in " + client.serviceClientConfiguration().region());
        String store = "the DynamoDB table '" + table.name() + "' " + where;
        return new StorePreparation(store,
                () -> table.describe(client)
                        .flatMap(MessagesTableAtStartup::active)
                        .switchIfEmpty(Mono.defer(() -> createIfMissing
                                ? table.create(client).doOnNext(created -> log.info("created {}", store))
                                : Mono.error(new CannotStart(store + " does not exist; create it with "
                                        + "`bin/cruddur admin ddb schema-load` (or deploy/template.yaml)")))),
                MessagesTableAtStartup::isPermanent);
    }

    private static Mono<TableDescription> active(TableDescription table) {
        return table.tableStatus() == TableStatus.ACTIVE || table.tableStatus() == TableStatus.UPDATING
                ? Mono.just(table)
                : Mono.error(new IllegalStateException("the table is " + table.tableStatusAsString()));
    }

    /** DynamoDB refused the request itself (4xx), other than for throttling or a table being created meanwhile. */
    static boolean isPermanent(Throwable failure) {
        Throwable error = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (error instanceof CannotStart) {
            return true;
        }
        return error instanceof AwsServiceException service
                && service.statusCode() >= 400 && service.statusCode() < 500
                && !service.isThrottlingException()
                && !(service instanceof ResourceInUseException);
    }
}
