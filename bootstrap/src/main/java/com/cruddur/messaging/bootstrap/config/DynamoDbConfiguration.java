package com.cruddur.messaging.bootstrap.config;

import com.cruddur.messaging.adapters.dynamodb.DynamoDbClients;
import com.cruddur.messaging.adapters.dynamodb.DynamoDbBlocks;
import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessageGroups;
import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessages;
import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import com.cruddur.messaging.application.port.Blocks;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
        return clients(properties, embedded.getIfAvailable()).table();
    }

    /** How long opening a connection to the store may take (the SDK's default). */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /**
     * Where the table (and its stream) is: the embedded server, a configured endpoint (DynamoDB Local, taking any
     * credentials) or AWS, with one call timeout for every client. Calls complete on the SDK's event loop (the
     * service never blocks in what it chains to them), and the connection pool is sized above the service's
     * concurrency: waiting for a connection counts against the call's time.
     */
    static DynamoDbClients clients(DynamoDbProperties properties, EmbeddedDynamoDbEndpoint embedded) {
        Optional<URI> endpoint = Optional.ofNullable(embedded)
                .map(EmbeddedDynamoDbEndpoint::uri)
                .or(() -> Optional.ofNullable(properties.endpoint()));
        return endpoint.map(DynamoDbClients::local).orElseGet(DynamoDbClients::aws)
                .region(properties.region())
                .timeouts(properties.apiCallTimeout(), properties.apiCallTimeout().dividedBy(2))
                .connections(CONNECT_TIMEOUT, properties.apiCallTimeout(), properties.maxConnections())
                .completingOnEventLoop();
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
    Blocks blocks(DynamoDbAsyncClient client, MessagesTable table, MeterRegistry registry) {
        return new DynamoDbBlocks(client, table.name(), registry);
    }

    @Bean
    Messages messages(DynamoDbAsyncClient client, MessagesTable table, MeterRegistry registry) {
        return new DynamoDbMessages(client, table.name(), registry);
    }
}
