package com.cruddur.messaging.adapters.lambda.wiring;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the function reads from its environment (the reference hard-coded all three):
 * <ul>
 * <li>{@code TABLE_NAME}: the messages table, {@value #DEFAULT_TABLE} when unset;</li>
 * <li>{@code AWS_REGION}: set by Lambda itself; required elsewhere;</li>
 * <li>{@code AWS_ENDPOINT_URL_DYNAMODB}: optional, for DynamoDB Local or another endpoint.</li>
 * </ul>
 */
public record LambdaSettings(String tableName, String region, Optional<URI> endpoint) {

    public static final String DEFAULT_TABLE = "cruddur-messages";

    public LambdaSettings {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException("the table name must not be blank");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("AWS_REGION is not set: Lambda sets it; set it for a local run");
        }
        Objects.requireNonNull(endpoint, "endpoint");
    }

    public static LambdaSettings from(Map<String, String> environment) {
        return new LambdaSettings(
                valueOf(environment, "TABLE_NAME").orElse(DEFAULT_TABLE),
                valueOf(environment, "AWS_REGION").orElse(null),
                valueOf(environment, "AWS_ENDPOINT_URL_DYNAMODB").map(LambdaSettings::endpoint));
    }

    private static URI endpoint(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AWS_ENDPOINT_URL_DYNAMODB is not a URL: '" + value + "'", e);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "AWS_ENDPOINT_URL_DYNAMODB must be an absolute URL such as http://127.0.0.1:8000, got '" + value + "'");
        }
        return uri;
    }

    private static Optional<String> valueOf(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }
}
