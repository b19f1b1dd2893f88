package com.cruddur.messaging.bootstrap.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cruddur.dynamodb.*}: where the messages table is.
 *
 * @param table          the table name (3 to 255 of {@code a-z A-Z 0-9 _ - .}, as DynamoDB allows)
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
@Validated
public record DynamoDbProperties(@DefaultValue("cruddur-messages") @NotNull @Pattern(regexp = "[a-zA-Z0-9_.-]{3,255}",
                                         message = "must be 3 to 255 letters, digits, '_', '-' or '.'") String table,
                                 URI endpoint,
                                 String region,
                                 @DefaultValue("false") boolean createTable,
                                 @DefaultValue("5s") @DurationMin(millis = 1) Duration apiCallTimeout,
                                 @DefaultValue("512") @Min(1) int maxConnections,
                                 @DefaultValue @Valid Embedded embedded) {

    /**
     * @param enabled    start DynamoDB Local in this process, on 127.0.0.1 only
     * @param port       its port (0 picks a free one); 8000 by default, where the admin CLI looks
     * @param dataFolder where it keeps the table; empty keeps it in memory
     */
    public record Embedded(@DefaultValue("false") boolean enabled,
                           @DefaultValue("8000") @Min(0) @Max(65535) int port,
                           @DefaultValue("./data/dynamodb") Path dataFolder) {
    }
}
