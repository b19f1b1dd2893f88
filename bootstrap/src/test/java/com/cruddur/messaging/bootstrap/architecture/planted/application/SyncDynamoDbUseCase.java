package com.cruddur.messaging.bootstrap.architecture.planted.application;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Violation: holds the synchronous DynamoDB client (and reaches past the ports into a store SDK). */
public final class SyncDynamoDbUseCase {

    private final DynamoDbClient client;

    public SyncDynamoDbUseCase(DynamoDbClient client) {
        this.client = client;
    }

    public int tables() {
        return client.listTables().tableNames().size();
    }
}
