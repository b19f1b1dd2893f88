package com.cruddur.messaging.bootstrap.config;

import java.net.URI;

/**
 * Where the in-process DynamoDB Local listens. The clients are pointed at it through this small value, so the
 * configurations that build them never name DynamoDB Local's classes, which the service jar does not carry.
 */
public record EmbeddedDynamoDbEndpoint(URI uri) {
}
