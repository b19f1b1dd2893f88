package com.cruddur.messaging.bootstrap.config;

import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import com.cruddur.messaging.adapters.dynamodb.stream.StreamBatchProcessor;
import com.cruddur.messaging.adapters.dynamodb.stream.pump.PumpSettings;
import com.cruddur.messaging.adapters.dynamodb.stream.pump.StreamPump;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.bootstrap.startup.StoresAtStartup;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/**
 * Pattern E without a Lambda ({@code cruddur.stream-pump.enabled=true}, on in the embedded default): the stream pump
 * reads the table's stream and hands each read to the same pipeline as the deployed handler. In AWS the
 * Lambda does this; leave the pump off there, or both do the (harmless, idempotent) work twice.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cruddur.stream-pump.enabled", havingValue = "true")
@EnableConfigurationProperties(StreamPumpProperties.class)
public class StreamPumpConfiguration {

    @Bean(destroyMethod = "close")
    DynamoDbStreamsAsyncClient dynamoDbStreamsAsyncClient(DynamoDbProperties properties,
                                                          ObjectProvider<EmbeddedDynamoDbEndpoint> embedded) {
        return DynamoDbConfiguration.clients(properties, embedded.getIfAvailable()).stream();
    }

    /** Closed before the clients and DynamoDB Local (it depends on them). */
    @Bean(destroyMethod = "close")
    StreamPump streamPump(DynamoDbStreamsAsyncClient streams, DynamoDbAsyncClient dynamoDb, MessagesTable table,
                          MoveGroupsToNewestMessage moveGroups, MeterRegistry registry,
                          StreamPumpProperties properties) {
        return new StreamPump(streams, dynamoDb, table.name(), new StreamBatchProcessor(moveGroups), registry,
                PumpSettings.DEFAULTS.withPollInterval(properties.pollInterval()));
    }

    @Bean
    StreamPumpStart streamPumpStart(StreamPump pump) {
        return new StreamPumpStart(pump);
    }

    /** Starts the pump once the stores are ready (the table exists), before the demo data is written. */
    static final class StreamPumpStart implements ApplicationRunner, Ordered {

        private final StreamPump pump;

        StreamPumpStart(StreamPump pump) {
            this.pump = pump;
        }

        @Override
        public void run(ApplicationArguments args) {
            pump.start();
        }

        @Override
        public int getOrder() {
            return StoresAtStartup.ORDER + 1;
        }
    }
}
