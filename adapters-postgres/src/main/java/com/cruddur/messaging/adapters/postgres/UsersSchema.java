package com.cruddur.messaging.adapters.postgres;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The users schema: Flyway applies the scripts {@code migrations/V<version>__<name>.sql} next to this class, in
 * order, over JDBC, and records them in {@value #HISTORY_TABLE}. Applying is idempotent, a script changed after it
 * was applied is an error rather than a silent drift, and on PostgreSQL Flyway's lock lets two instances starting
 * together apply each migration once. The scripts' {@code ${text}} and {@code ${uuid_default}} placeholders are
 * filled in per database ({@link JdbcTarget.Dialect}).
 *
 * <p>Databases migrated before Flyway recorded their migrations in {@value HandWrittenHistory#TABLE}: Flyway adopts
 * them at the version recorded there, without running those migrations again ({@link HandWrittenHistory}).
 *
 * <p>Flyway works over JDBC and blocks: every call here runs on the bounded elastic scheduler, never on the
 * caller's thread.
 */
public final class UsersSchema {

    public static final String HISTORY_TABLE = "flyway_schema_history";

    private static final String LOCATION = "classpath:com/cruddur/messaging/adapters/postgres/migrations";

    /** An embedded H2 file belongs to one process; there, migrations of this process take turns. */
    private static final Object TURN = new Object();

    /** A migration as the history records it. */
    public record Applied(String version, String description) {
    }

    private final JdbcTarget target;

    UsersSchema(JdbcTarget target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Applies what is missing; emits the migrations applied by this call (empty when the schema was current). */
    public Mono<List<Applied>> migrate() {
        return blocking(() -> {
            synchronized (TURN) {
                DataSource database = dataSource();
                Optional<String> adoptAt = HandWrittenHistory.versionToAdopt(database);
                MigrateResult result = flyway(database, adoptAt).migrate();
                return result.migrations.stream()
                        .map(migration -> new Applied(migration.version, migration.description))
                        .toList();
            }
        });
    }

    /** The versions the history records (an adopted database's baseline included), oldest first. */
    public Mono<List<String>> appliedVersions() {
        return blocking(() -> Arrays.stream(flyway(dataSource(), Optional.empty()).info().applied())
                .filter(migration -> migration.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .map(Object::toString)
                .toList());
    }

    /** Flyway's own JDBC data source (it loads the driver itself, whatever the class loaders). */
    private DataSource dataSource() {
        return Flyway.configure(UsersSchema.class.getClassLoader())
                .dataSource(target.url(), target.username(), target.password())
                .getDataSource();
    }

    private Flyway flyway(DataSource database, Optional<String> adoptAt) {
        var configuration = Flyway.configure(UsersSchema.class.getClassLoader())
                .dataSource(database)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .table(HISTORY_TABLE)
                .placeholders(target.dialect().placeholders());
        adoptAt.ifPresent(version -> configuration.baselineOnMigrate(true)
                .baselineVersion(version)
                .baselineDescription("adopted from " + HandWrittenHistory.TABLE));
        return configuration.load();
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
