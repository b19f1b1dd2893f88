package com.cruddur.messaging.bootstrap.config;

import com.cruddur.messaging.adapters.dynamodb.local.LocalDynamoDb;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The embedded default's DynamoDB Local, in this process and on 127.0.0.1 only. Only the {@code embedded} profile
 * loads this configuration, so the AWS mode never touches DynamoDB Local's classes: they are not in the service jar,
 * {@code bin/cruddur} adds them from {@code bootstrap/target/embedded-lib}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("embedded")
@ConditionalOnProperty(name = "cruddur.dynamodb.embedded.enabled", havingValue = "true")
public class EmbeddedDynamoDbConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDynamoDbConfiguration.class);

    @Bean(destroyMethod = "close")
    LocalDynamoDb embeddedDynamoDb(DynamoDbProperties properties) {
        DynamoDbProperties.Embedded embedded = properties.embedded();
        Optional<Path> folder = Optional.ofNullable(embedded.dataFolder()).filter(path -> !path.toString().isBlank());
        LocalDynamoDb server = LocalDynamoDb.start(embedded.port(), folder);
        log.info("DynamoDB Local listens on {} (data in {})", server.endpoint(),
                folder.map(Object::toString).orElse("memory"));
        return server;
    }

    @Bean
    EmbeddedDynamoDbEndpoint embeddedDynamoDbEndpoint(LocalDynamoDb server) {
        return new EmbeddedDynamoDbEndpoint(server.endpoint());
    }
}
