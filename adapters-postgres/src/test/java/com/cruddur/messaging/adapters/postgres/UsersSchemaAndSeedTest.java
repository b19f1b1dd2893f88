package com.cruddur.messaging.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.cruddur.messaging.adapters.postgres.testing.PostgresFixture;
import com.cruddur.messaging.adapters.postgres.testing.UsersRows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * The migrations (databases made before Flyway included) and the seed, each on a database of its own, on PostgreSQL
 * and on H2.
 */
class UsersSchemaAndSeedTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path data;

    static Stream<Arguments> databases() {
        Supplier<UsersDatabase> postgres = () -> PostgresFixture.shared().freshDatabase();
        Supplier<UsersDatabase> h2 = () -> H2Databases.open(data.resolve(UUID.randomUUID().toString()));
        return Stream.of(Arguments.of("PostgreSQL", postgres), Arguments.of("H2", h2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void migratingTwiceAppliesEachMigrationOnce(String name, Supplier<UsersDatabase> fresh) {
        try (UsersDatabase users = fresh.get()) {
            assertThat(users.schema().appliedVersions().block(WAIT)).isEmpty();

            assertThat(users.schema().migrate().block(WAIT)).extracting(UsersSchema.Applied::version)
                    .containsExactly("1");
            assertThat(users.schema().migrate().block(WAIT)).isEmpty();

            assertThat(users.schema().appliedVersions().block(WAIT)).containsExactly("1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void concurrentMigrationsApplyEachMigrationOnce(String name, Supplier<UsersDatabase> fresh) {
        try (UsersDatabase users = fresh.get()) {
            List<List<UsersSchema.Applied>> runs = Flux.range(0, 4)
                    .flatMap(i -> users.schema().migrate())
                    .collectList()
                    .block(WAIT);

            assertThat(runs).hasSize(4);
            assertThat(runs.stream().flatMap(List::stream).map(UsersSchema.Applied::version)).containsExactly("1");
            assertThat(users.schema().appliedVersions().block(WAIT)).containsExactly("1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDatabaseTheHandWrittenMigratorMadeIsAdoptedWithoutRunningItsMigrationsAgain(String name,
                                                                                     Supplier<UsersDatabase> fresh) {
        try (UsersDatabase users = fresh.get()) {
            HandWrittenMigrator.applyV1(users, name);
            UsersRows rows = new UsersRows(users.connectionFactory());
            rows.insert("Kept Along", "kept", "subject-kept");

            assertThat(users.schema().migrate().block(WAIT)).as("nothing run again").isEmpty();
            assertThat(users.schema().migrate().block(WAIT)).isEmpty();

            assertThat(users.schema().appliedVersions().block(WAIT)).containsExactly("1");
            assertThat(rows.subjectOf("kept")).contains("subject-kept");
            assertThat(rows.count()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDatabaseWhoseHandWrittenHistoryRecordsAnotherScriptIsRefused(String name, Supplier<UsersDatabase> fresh) {
        try (UsersDatabase users = fresh.get()) {
            HandWrittenMigrator.applyV1(users, name);
            DatabaseClient.create(users.connectionFactory())
                    .sql("UPDATE users_schema_history SET checksum = 'edited' WHERE version = 1")
                    .fetch().rowsUpdated().block(WAIT);

            Throwable refused = catchThrowable(() -> users.schema().migrate().block(WAIT));

            assertThat(refused).hasMessageContaining("migration V1 changed after it was applied");
            assertThat(UsersDatabasePreparation.isPermanent(refused)).isTrue();
            assertThat(users.schema().appliedVersions().block(WAIT)).as("not adopted").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theTableGivesUuidsAndKeepsHandlesAndSubjectsUnique(String name, Supplier<UsersDatabase> fresh) {
        try (UsersDatabase users = fresh.get()) {
            users.schema().migrate().block(WAIT);
            UsersRows rows = new UsersRows(users.connectionFactory());

            var first = rows.insert("First", "first", "subject-1");
            rows.insert("No Subject", "unsynced-1", null);
            rows.insert("No Subject Either", "unsynced-2", null);

            assertThat(first.id().value()).isNotNull();
            assertThatThrownBy(() -> rows.insert("Same Handle", "first", "subject-2"))
                    .isInstanceOf(DataIntegrityViolationException.class);
            assertThatThrownBy(() -> rows.insert("Same Subject", "second", "subject-1"))
                    .isInstanceOf(DataIntegrityViolationException.class);
            assertThatThrownBy(() -> rows.insert("Empty Subject", "third", ""))
                    .isInstanceOf(DataIntegrityViolationException.class);
            assertThat(rows.count()).isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void seedingTwiceInsertsTheDemoUsersOnce(String name, Supplier<UsersDatabase> fresh) {
        try (UsersDatabase users = fresh.get()) {
            users.schema().migrate().block(WAIT);
            UsersRows rows = new UsersRows(users.connectionFactory());

            assertThat(users.seed().seed().block(WAIT)).containsExactly("andrewbrown", "bayko", "londo");
            assertThat(users.seed().seed().block(WAIT)).isEmpty();

            assertThat(rows.count()).isEqualTo(3);
            assertThat(rows.emailOf("andrewbrown")).contains("andrew@exampro.co");
            assertThat(rows.emailOf("bayko")).contains("bayko@exampro.co");
            assertThat(rows.emailOf("londo")).contains("lmollari@centari.com");
            assertThat(rows.subjectOf("londo")).isEmpty();
            var londo = users.directory().findByHandle(new com.cruddur.messaging.domain.Handle("londo")).block(WAIT);
            assertThat(londo.displayName()).isEqualTo("Londo Mollari");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void seedingKeepsAnExistingUserAsItIs(String name, Supplier<UsersDatabase> fresh) {
        try (UsersDatabase users = fresh.get()) {
            users.schema().migrate().block(WAIT);
            UsersRows rows = new UsersRows(users.connectionFactory());
            rows.insert("Andrew Bayko", "bayko", "linked-subject");

            assertThat(users.seed().seed().block(WAIT)).containsExactly("andrewbrown", "londo");

            assertThat(rows.subjectOf("bayko")).contains("linked-subject");
            assertThat(rows.emailOf("bayko")).contains("bayko@example.com");
        }
    }
}
