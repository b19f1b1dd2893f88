package com.cruddur.messaging.adapters.postgres;

import io.r2dbc.spi.R2dbcException;
import java.sql.SQLException;
import java.util.Set;
import org.flywaydb.core.api.FlywayException;
import reactor.core.publisher.Mono;

/**
 * What the users database needs before the service can use it: its migrations (and, for the embedded default, the
 * demo users). Whoever starts the service runs {@link #prepare()} and may retry it: a database that is slow or not
 * up yet fails with a transient error, one that is misconfigured (no such database, wrong password, a migration
 * changed after it shipped) with an error {@link #isPermanent(Throwable)} recognises, which retrying cannot fix.
 */
public final class UsersDatabasePreparation {

    /** SQLSTATE classes no retry can fix: invalid authorization, no such database or schema, syntax or access. */
    private static final Set<String> PERMANENT_SQLSTATE_CLASSES = Set.of("28", "3D", "3F", "42");

    private final UsersDatabase database;
    private final boolean seedDemoUsers;

    public UsersDatabasePreparation(UsersDatabase database, boolean seedDemoUsers) {
        this.database = database;
        this.seedDemoUsers = seedDemoUsers;
    }

    /** Applies the missing migrations, then inserts the missing demo users when asked to; idempotent. */
    public Mono<Void> prepare() {
        Mono<Void> migrated = database.schema().migrate().then();
        return seedDemoUsers ? migrated.then(database.seed().seed().then()) : migrated;
    }

    /**
     * True for failures that trying again cannot fix: the database refused the credentials, does not exist, or
     * rejected the schema (over R2DBC or, for the migrations, JDBC); Flyway found the database in a state it will not
     * migrate (a script changed after it was applied, tables but no history); or the schema's history contradicts the
     * migrations (an {@link IllegalStateException}). A Flyway failure to reach the database is decided by its SQL
     * state like any other.
     */
    public static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof R2dbcException r2dbc && isPermanent(r2dbc.getSqlState())) {
                return true;
            }
            if (t instanceof SQLException sql && isPermanent(sql.getSQLState())) {
                return true;
            }
            if (t instanceof FlywayException && !causedBySql(t)) {
                return true;
            }
            if (t instanceof IllegalStateException || t instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBySql(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPermanent(String sqlState) {
        return sqlState != null && sqlState.length() >= 2 && PERMANENT_SQLSTATE_CLASSES.contains(sqlState.substring(0, 2));
    }

    @Override
    public String toString() {
        return database.toString();
    }
}
