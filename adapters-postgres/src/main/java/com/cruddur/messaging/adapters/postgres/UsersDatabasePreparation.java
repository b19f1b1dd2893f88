package com.cruddur.messaging.adapters.postgres;

import io.r2dbc.spi.R2dbcException;
import java.util.Set;
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
     * rejected the schema; or the schema's history contradicts the migrations (an {@link IllegalStateException}).
     */
    public static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null && r2dbc.getSqlState().length() >= 2
                    && PERMANENT_SQLSTATE_CLASSES.contains(r2dbc.getSqlState().substring(0, 2))) {
                return true;
            }
            if (t instanceof IllegalStateException || t instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return database.toString();
    }
}
