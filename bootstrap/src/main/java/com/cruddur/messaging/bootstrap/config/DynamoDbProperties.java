package com.cruddur.messaging.bootstrap.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cruddur.dynamodb.*}: where the messages table is.
 *
 * @param table          the table name
 * @param endpoint       an endpoint to use instead of AWS (a standalone DynamoDB Local, say); without it the SDK's
 *                       own rules apply, including {@code AWS_ENDPOINT_URL_DYNAMODB}
 * @param region         the AWS region; without it the SDK's default chain decides
 * @param createTable    create the table at start-up when it is missing (the embedded default)
 * @param apiCallTimeout how long one call may take, retries included, before the store counts as unavailable
 * @param maxConnections the most connections the client opens to the store (the SDK's default of 50 queues
 *                       requests inside the client, against their time limit, well below the concurrency the
 *                       service takes)
 * @param embedded       DynamoDB Local inside this process
 */
@ConfigurationProperties("cruddur.dynamodb")
public record DynamoDbProperties(@DefaultValue("cruddur-messages") String table,
                                 URI endpoint,
                                 String region,
                                 @DefaultValue("false") boolean createTable,
                                 @DefaultValue("5s") Duration apiCallTimeout,
                                 @DefaultValue("512") int maxConnections,
                                 @DefaultValue Embedded embedded) {

    /**
     * @param enabled    start DynamoDB Local in this process, on 127.0.0.1 only
     * @param port       its port (0 picks a free one); 8000 by default, where the admin CLI looks
     * @param dataFolder where it keeps the table; empty keeps it in memory
     */
    public record Embedded(@DefaultValue("false") boolean enabled,
                           @DefaultValue("8000") int port,
                           @DefaultValue("./data/dynamodb") Path dataFolder) {
    }
}
