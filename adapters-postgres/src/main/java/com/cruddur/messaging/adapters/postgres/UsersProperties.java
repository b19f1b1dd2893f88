package com.cruddur.messaging.adapters.postgres;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cruddur.users.*}: where the users live. The default is the embedded H2 file {@code ./data/users}; point
 * {@code url} at PostgreSQL ({@code r2dbc:postgresql://host:5432/cruddur}) for the AWS mode.
 *
 * @param seedDemoUsers insert the demo users at start-up (idempotent); for local runs
 */
@ConfigurationProperties("cruddur.users")
public record UsersProperties(
        @DefaultValue(UsersDatabase.EMBEDDED_URL) String url,
        String username,
        String password,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("3s") Duration acquireTimeout,
        @DefaultValue("5m") Duration idleTimeout,
        @DefaultValue("5s") Duration queryTimeout,
        @DefaultValue("10") int poolMaxSize,
        @DefaultValue("false") boolean seedDemoUsers) {

    UsersDatabase.Settings settings() {
        return new UsersDatabase.Settings(connectTimeout, acquireTimeout, idleTimeout, queryTimeout, poolMaxSize);
    }
}
