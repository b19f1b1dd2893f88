package com.cruddur.messaging.bootstrap.config;

import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessageGroups;
import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessages;
import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import com.cruddur.messaging.adapters.dynamodb.local.LocalDynamoDb;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The messages table: the async client (built once, at start-up, so the first request does not pay for credential
 * discovery), the two adapters over it and, for local runs, DynamoDB Local in this process.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DynamoDbProperties.class)
public class DynamoDbConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "cruddur.dynamodb.embedded.enabled", havingValue = "true")
    LocalDynamoDb embeddedDynamoDb(DynamoDbProperties properties) {
        DynamoDbProperties.Embedded embedded = properties.embedded();
        Optional<java.nio.file.Path> folder = Optional.ofNullable(embedded.dataFolder())
                .filter(path -> !path.toString().isBlank());
        LocalDynamoDb server = LocalDynamoDb.start(embedded.port(), folder);
        log.info("DynamoDB Local listens on {} (data in {})", server.endpoint(),
                folder.map(Object::toString).orElse("memory"));
        return server;
    }

    @Bean(destroyMethod = "close")
    DynamoDbAsyncClient dynamoDbAsyncClient(DynamoDbProperties properties, ObjectProvider<LocalDynamoDb> embedded) {
        return pointAtTheTable(DynamoDbAsyncClient.builder(), properties, embedded.getIfAvailable()).build();
    }

    /**
     * Points a client of the table (or of its stream) where the table is: the embedded server, a configured endpoint
     * or AWS, with one call timeout for every client.
     */
    static <B extends AwsClientBuilder<B, ?>> B pointAtTheTable(B builder, DynamoDbProperties properties,
                                                                LocalDynamoDb embedded) {
        builder.overrideConfiguration(c -> c.apiCallTimeout(properties.apiCallTimeout())
                .apiCallAttemptTimeout(properties.apiCallTimeout().dividedBy(2)));
        Optional<URI> endpoint = Optional.ofNullable(embedded)
                .map(LocalDynamoDb::endpoint)
                .or(() -> Optional.ofNullable(properties.endpoint()));
        endpoint.ifPresent(uri -> builder.endpointOverride(uri)
                // DynamoDB Local accepts any credentials; AWS's default chain would look for real ones.
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))));
        Optional.ofNullable(properties.region()).filter(r -> !r.isBlank()).map(Region::of)
                .or(() -> endpoint.map(uri -> Region.US_EAST_1))
                .ifPresent(builder::region);
        return builder;
    }

    @Bean
    MessagesTable messagesTable(DynamoDbProperties properties, DynamoDbAsyncClient client) {
        MessagesTable table = MessagesTable.named(properties.table());
        if (properties.createTable()) {
            // Start-up, not a request path: waiting here keeps the first request from meeting a missing table.
            boolean created = Boolean.TRUE.equals(table.createIfMissing(client).block(Duration.ofSeconds(30)));
            log.info(created ? "created table {}" : "table {} exists", properties.table());
        }
        return table;
    }

    @Bean
    MessageGroups messageGroups(DynamoDbAsyncClient client, MessagesTable table, MeterRegistry registry) {
        return new DynamoDbMessageGroups(client, table.name(), registry);
    }

    @Bean
    Messages messages(DynamoDbAsyncClient client, MessagesTable table, MeterRegistry registry) {
        return new DynamoDbMessages(client, table.name(), registry);
    }
}
