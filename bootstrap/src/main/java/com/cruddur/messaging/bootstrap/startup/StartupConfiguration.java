package com.cruddur.messaging.bootstrap.startup;

import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import com.cruddur.messaging.adapters.postgres.UsersDatabasePreparation;
import com.cruddur.messaging.bootstrap.config.DynamoDbProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** Start-up waits for both stores (see {@link StoresAtStartup}); {@code cruddur.startup.store-wait} bounds the wait. */
@Configuration(proxyBeanMethods = false)
public class StartupConfiguration {

    @Bean
    StoresAtStartup storesAtStartup(MessagesTable table, DynamoDbAsyncClient client, DynamoDbProperties dynamoDb,
                                    UsersDatabasePreparation users,
                                    @Value("${cruddur.startup.store-wait:5m}") Duration patience) {
        return new StoresAtStartup(List.of(
                MessagesTableAtStartup.of(table, client, dynamoDb.createTable()),
                new StorePreparation("the " + users, users::prepare, UsersDatabasePreparation::isPermanent)),
                patience);
    }
}
