package com.cruddur.messaging.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.postgres.testing.PostgresFixture;
import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Participant;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

class PostgresUsersConfigurationTest {

    @TempDir
    Path data;

    @Test
    void startsOnAnEmbeddedFileWithTheSchemaAndTheDemoUsers() {
        try (var context = context(Map.of(
                "cruddur.users.url", "r2dbc:h2:file:///" + data.resolve("users"),
                "cruddur.users.seed-demo-users", "true"))) {

            Participant bayko = context.getBean(UserDirectory.class).findByHandle(new Handle("bayko"))
                    .block(Duration.ofSeconds(10));

            assertThat(bayko.displayName()).isEqualTo("Andrew Bayko");
            assertThat(context.getBeansOfType(ConnectionFactory.class)).hasSize(1);
            assertThat(context.getBean(UsersDatabase.class).settings()).isEqualTo(UsersDatabase.Settings.DEFAULTS);
        }
    }

    @Test
    void startsOnPostgresWithTheConfiguredTimeoutsAndNoDemoUsers() {
        PostgresFixture postgres = PostgresFixture.shared();
        try (var context = context(Map.of(
                "cruddur.users.url", postgres.url(),
                "cruddur.users.username", postgres.username(),
                "cruddur.users.password", postgres.password(),
                "cruddur.users.query-timeout", "750ms",
                "cruddur.users.acquire-timeout", "1s"))) {

            UsersDatabase users = context.getBean(UsersDatabase.class);
            assertThat(users.settings().queryTimeout()).isEqualTo(Duration.ofMillis(750));
            assertThat(users.settings().acquireTimeout()).isEqualTo(Duration.ofSeconds(1));
            assertThat(users.schema().appliedVersions().block(Duration.ofSeconds(10))).containsExactly("1");
            assertThat(context.getBean(UserDirectory.class).findByHandle(new Handle("nobody-" + System.nanoTime()))
                    .blockOptional(Duration.ofSeconds(10))).isEmpty();
        }
    }

    private static AnnotationConfigApplicationContext context(Map<String, Object> properties) {
        var context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        context.register(PostgresUsersConfiguration.class);
        context.refresh();
        context.getBean(UsersDatabasePreparation.class).prepare().block(Duration.ofSeconds(30));
        return context;
    }
}
