package com.cruddur.messaging.bootstrap.config;

import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.Handle;
import java.time.Duration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** Readiness checks both stores; and the service says where it listens once it is ready. */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

    @Bean
    ReactiveHealthIndicator messagesTableHealthIndicator(MessagesTable table, DynamoDbAsyncClient client) {
        return () -> table.describe(client)
                .map(description -> Health.up()
                        .withDetail("table", table.name())
                        .withDetail("status", String.valueOf(description.tableStatus()))
                        .build())
                .timeout(CHECK_TIMEOUT)
                .onErrorResume(error -> reactor.core.publisher.Mono.just(
                        Health.down().withDetail("table", table.name()).withDetail("error", error.getMessage()).build()));
    }

    @Bean
    ReactiveHealthIndicator usersDatabaseHealthIndicator(UserDirectory directory) {
        // Any lookup proves the database answers; an unknown handle is the cheapest one.
        return () -> directory.findByHandle(new Handle("health-check"))
                .then(reactor.core.publisher.Mono.just(Health.up().build()))
                .timeout(CHECK_TIMEOUT)
                .onErrorResume(error -> reactor.core.publisher.Mono.just(
                        Health.down().withDetail("error", error.getMessage()).build()));
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> announceWhereItListens() {
        return new ReadyAnnouncement();
    }
}
