package com.cruddur.messaging.adapters.postgres;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cruddur.users.*}: where the users live. The default is the embedded H2 file {@code ./data/users}; point
 * {@code url} at PostgreSQL ({@code r2dbc:postgresql://host:5432/cruddur}) for the AWS mode.
 *
 * @param url            the R2DBC URL of the users database ({@code r2dbc:postgresql://...} or an H2 one)
 * @param username       the database user (PostgreSQL)
 * @param password       the database user's password (PostgreSQL)
 * @param connectTimeout how long opening a connection may take
 * @param acquireTimeout how long a query waits for a free connection of the pool
 * @param idleTimeout    a pooled connection unused this long is closed
 * @param queryTimeout   how long one query may take before the directory counts as unavailable
 * @param poolMaxSize    the most connections the pool opens
 * @param seedDemoUsers  insert the demo users at start-up (idempotent); for local runs
 */
@ConfigurationProperties("cruddur.users")
@Validated
public record UsersProperties(
        @DefaultValue(UsersDatabase.EMBEDDED_URL) @NotBlank String url,
        String username,
        String password,
        @DefaultValue("2s") @DurationMin(millis = 1) Duration connectTimeout,
        @DefaultValue("3s") @DurationMin(millis = 1) Duration acquireTimeout,
        @DefaultValue("5m") @DurationMin(millis = 1) Duration idleTimeout,
        @DefaultValue("5s") @DurationMin(millis = 1) Duration queryTimeout,
        @DefaultValue("10") @Min(1) int poolMaxSize,
        @DefaultValue("false") boolean seedDemoUsers) {

    UsersDatabase.Settings settings() {
        return new UsersDatabase.Settings(connectTimeout, acquireTimeout, idleTimeout, queryTimeout, poolMaxSize);
    }
}
