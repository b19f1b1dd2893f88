package com.cruddur.messaging.bootstrap.config;

import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessageGroups;
import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessages;
import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
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
 * discovery) and the two adapters over it. The client points at the embedded default's DynamoDB Local when there is
 * one ({@link EmbeddedDynamoDbConfiguration}), else at the configured endpoint or AWS.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DynamoDbProperties.class)
public class DynamoDbConfiguration {

    @Bean(destroyMethod = "close")
    DynamoDbAsyncClient dynamoDbAsyncClient(DynamoDbProperties properties,
                                            ObjectProvider<EmbeddedDynamoDbEndpoint> embedded) {
        return pointAtTheTable(DynamoDbAsyncClient.builder(), properties, embedded.getIfAvailable()).build();
    }

    /**
     * Points a client of the table (or of its stream) where the table is: the embedded server, a configured endpoint
     * or AWS, with one call timeout for every client.
     */
    static <B extends AwsClientBuilder<B, ?>> B pointAtTheTable(B builder, DynamoDbProperties properties,
                                                                EmbeddedDynamoDbEndpoint embedded) {
        builder.overrideConfiguration(c -> c.apiCallTimeout(properties.apiCallTimeout())
                .apiCallAttemptTimeout(properties.apiCallTimeout().dividedBy(2)));
        Optional<URI> endpoint = Optional.ofNullable(embedded)
                .map(EmbeddedDynamoDbEndpoint::uri)
                .or(() -> Optional.ofNullable(properties.endpoint()));
        endpoint.ifPresent(uri -> builder.endpointOverride(uri)
                // DynamoDB Local accepts any credentials; AWS's default chain would look for real ones.
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))));
        Optional.ofNullable(properties.region()).filter(r -> !r.isBlank()).map(Region::of)
                .or(() -> endpoint.map(uri -> Region.US_EAST_1))
                .ifPresent(builder::region);
        return builder;
    }

    /** Created (where the service may) and awaited at start-up by {@code StoresAtStartup}, not here. */
    @Bean
    MessagesTable messagesTable(DynamoDbProperties properties) {
        return MessagesTable.named(properties.table());
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
