package com.cruddur.messaging.bootstrap.config;

import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import com.cruddur.messaging.adapters.dynamodb.local.LocalDynamoDb;
import com.cruddur.messaging.adapters.dynamodb.stream.StreamPump;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/**
 * Pattern E without a Lambda ({@code cruddur.stream-pump.enabled=true}, on in the embedded default): the stream pump
 * reads the table's stream and moves the inbox rows through the same use case as the deployed handler. In AWS the
 * Lambda does this; leave the pump off there, or both do the (harmless, idempotent) work twice.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cruddur.stream-pump.enabled", havingValue = "true")
public class StreamPumpConfiguration {

    @Bean(destroyMethod = "close")
    DynamoDbStreamsAsyncClient dynamoDbStreamsAsyncClient(DynamoDbProperties properties,
                                                          ObjectProvider<LocalDynamoDb> embedded) {
        return DynamoDbConfiguration.pointAtTheTable(DynamoDbStreamsAsyncClient.builder(), properties,
                embedded.getIfAvailable()).build();
    }

    /** Started once the table exists (it depends on it); closed before the clients and DynamoDB Local. */
    @Bean(initMethod = "start", destroyMethod = "close")
    StreamPump streamPump(DynamoDbStreamsAsyncClient streams, DynamoDbAsyncClient dynamoDb, MessagesTable table,
                          MoveGroupsToNewestMessage moveGroups,
                          @Value("${cruddur.stream-pump.poll-interval:250ms}") Duration pollInterval) {
        return new StreamPump(streams, dynamoDb, table.name(), moveGroups::apply, pollInterval);
    }
}
