package com.cruddur.messaging.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.r2dbc.core.DatabaseClient;

class UsersDatabaseTest {

    @TempDir
    Path data;

    @Test
    void acceptsOnlyPostgresqlAndH2AndNeverEchoesAPassword() {
        assertThatThrownBy(() -> UsersDatabase.connect("r2dbc:mysql://app:s3cret@db:3306/cruddur", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PostgreSQL (r2dbc:postgresql://...) or H2")
                .hasMessageContaining("r2dbc:mysql://app:***@db:3306/cruddur")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> UsersDatabase.connect("r2dbc:pool:postgresql://db/cruddur", null, null))
                .hasMessageContaining("without 'pool:'");
    }

    @Test
    void rejectsTimeoutsThatAreNotPositive() {
        assertThatThrownBy(() -> new UsersDatabase.Settings(
                Duration.ofSeconds(1), Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(1), 2))
                .hasMessageContaining("acquire timeout must be positive");
    }

    @Test
    void aMigrationEditedAfterItWasAppliedStopsTheMigrator() {
        try (UsersDatabase users = H2Databases.open(data.resolve("edited"))) {
            users.schema().migrate().block(Duration.ofSeconds(30));
            DatabaseClient.create(users.connectionFactory())
                    .sql("UPDATE \"flyway_schema_history\" SET \"checksum\" = 42 WHERE \"version\" = '1'")
                    .fetch().rowsUpdated().block(Duration.ofSeconds(10));

            Throwable refused = catchThrowable(() -> users.schema().migrate().block(Duration.ofSeconds(30)));

            assertThat(refused).hasMessageContaining("checksum mismatch for migration version 1");
            assertThat(UsersDatabasePreparation.isPermanent(refused)).isTrue();
            assertThat(users.schema().appliedVersions().block(Duration.ofSeconds(10))).containsExactly("1");
        }
    }
}
