package com.cruddur.messaging.adapters.postgres;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolBuilder;

/**
 * The users schema as numbered migrations, applied in order and recorded in {@code users_schema_history}. Applying
 * is idempotent: versions already recorded are skipped, and a recorded version whose script has since changed is an
 * error rather than a silent drift. On PostgreSQL the whole run is one transaction under an advisory lock, so two
 * instances starting together apply each migration once.
 */
public final class UsersSchema {

    /** One migration script, {@code migrations/V<version>__<name>.sql} on the classpath next to this class. */
    public record Migration(int version, String description, String script) {

        public Migration {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(script, "script");
        }
    }

    /** Every migration, oldest first. Add new ones at the end; never edit one that has shipped. */
    public static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "users table with unique handle and Cognito subject", "V1__users.sql"));

    public static final String HISTORY_TABLE = "users_schema_history";

    private static final long ADVISORY_LOCK_KEY = 0x637275646475722EL; // "cruddur." as a number

    private static final InstrumentedPool<Boolean> H2_TURN =
            PoolBuilder.from(Mono.just(Boolean.TRUE)).sizeBetween(0, 1).buildPool();

    private static final String CREATE_HISTORY = "CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " ("
            + " version INTEGER PRIMARY KEY,"
            + " description VARCHAR(200) NOT NULL,"
            + " checksum VARCHAR(64) NOT NULL,"
            + " applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)";

    private enum Dialect {
        POSTGRESQL(Map.of("text", "TEXT", "uuid_default", "gen_random_uuid()")),
        H2(Map.of("text", "VARCHAR", "uuid_default", "RANDOM_UUID()"));

        private final Map<String, String> placeholders;

        Dialect(Map<String, String> placeholders) {
            this.placeholders = placeholders;
        }

        static Dialect of(Connection connection) {
            String product = connection.getMetadata().getDatabaseProductName();
            String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
            if (name.contains("postgres")) {
                return POSTGRESQL;
            }
            if (name.contains("h2")) {
                return H2;
            }
            throw new IllegalStateException("the users schema supports PostgreSQL and H2, not " + product);
        }

        String render(String script) {
            String sql = script;
            for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
                sql = sql.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
            }
            return sql;
        }
    }

    private final ConnectionFactory connections;

    public UsersSchema(ConnectionFactory connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    /** Applies what is missing; emits the versions applied by this call (empty when the schema was current). */
    public Mono<List<Integer>> migrate() {
        return Mono.usingWhen(Mono.from(connections.create()), this::migrate, connection -> connection.close());
    }

    /** The same on a connection the caller owns. */
    public Mono<List<Integer>> migrate(Connection connection) {
        return Mono.defer(() -> {
            Dialect dialect = Dialect.of(connection);
            Mono<List<Integer>> run = lock(connection, dialect)
                    .then(execute(connection, CREATE_HISTORY))
                    .then(appliedChecksums(connection))
                    .flatMap(applied -> applyPending(connection, dialect, applied));
            return inTurn(dialect, Mono.from(connection.beginTransaction())
                    .then(run)
                    .flatMap(done -> Mono.from(connection.commitTransaction()).thenReturn(done))
                    .onErrorResume(error -> quietly(error, connection.rollbackTransaction())
                            .then(quietly(error, connection.setAutoCommit(true)))
                            .then(Mono.error(error)))
                    .flatMap(done -> Mono.from(connection.setAutoCommit(true)).thenReturn(done)));
        });
    }

    /** The versions recorded in the history table, in order; empty (and the history table created) before the first. */
    public Mono<List<Integer>> appliedVersions() {
        return Mono.usingWhen(Mono.from(connections.create()),
                connection -> execute(connection, CREATE_HISTORY)
                        .then(appliedChecksums(connection))
                        .map(applied -> applied.keySet().stream().sorted().toList()),
                connection -> connection.close());
    }

    /** Runs a clean-up step after {@code error}; its own failure is attached to {@code error}, not thrown. */
    private static Mono<Void> quietly(Throwable error, Publisher<Void> step) {
        return Mono.from(step).onErrorResume(stepError -> {
            error.addSuppressed(stepError);
            return Mono.empty();
        });
    }

    private static Mono<Void> lock(Connection connection, Dialect dialect) {
        return dialect == Dialect.POSTGRESQL
                ? execute(connection, "SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")")
                : Mono.empty();
    }

    /**
     * PostgreSQL serialises migrations with its advisory lock. An embedded H2 file belongs to one process, so there
     * a JVM-wide turn (a one-slot pool, without blocking a thread) is enough.
     */
    private static <T> Mono<T> inTurn(Dialect dialect, Mono<T> work) {
        return dialect == Dialect.H2 ? H2_TURN.withPoolable(turn -> work).next() : work;
    }

    private static Mono<Map<Integer, String>> appliedChecksums(Connection connection) {
        return Flux.from(connection.createStatement("SELECT version, checksum FROM " + HISTORY_TABLE).execute())
                .concatMap(result -> result.map((row, metadata) -> Map.entry(
                        Objects.requireNonNull(row.get("version", Integer.class)),
                        Objects.requireNonNull(row.get("checksum", String.class)))))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static Mono<List<Integer>> applyPending(Connection connection, Dialect dialect, Map<Integer, String> applied) {
        List<Migration> pending = new ArrayList<>();
        for (Migration migration : MIGRATIONS) {
            String checksum = checksum(script(migration));
            String recorded = applied.get(migration.version());
            if (recorded == null) {
                pending.add(migration);
            } else if (!recorded.equals(checksum)) {
                return Mono.error(new IllegalStateException("users schema migration V" + migration.version()
                        + " (" + migration.script() + ") changed after it was applied; add a new migration instead"));
            }
        }
        return Flux.fromIterable(pending)
                .concatMap(migration -> apply(connection, dialect, migration).thenReturn(migration.version()))
                .collectList();
    }

    private static Mono<Void> apply(Connection connection, Dialect dialect, Migration migration) {
        String script = script(migration);
        return Flux.fromIterable(statements(dialect.render(script)))
                .concatMap(sql -> execute(connection, sql))
                .then(Flux.from(connection
                                .createStatement("INSERT INTO " + HISTORY_TABLE
                                        + " (version, description, checksum) VALUES ($1, $2, $3)")
                                .bind(0, migration.version())
                                .bind(1, migration.description())
                                .bind(2, checksum(script))
                                .execute())
                        .concatMap(Result::getRowsUpdated)
                        .then())
                .onErrorMap(error -> new IllegalStateException("users schema migration V" + migration.version()
                        + " (" + migration.script() + ") failed: " + error.getMessage(), error));
    }

    private static Mono<Void> execute(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute()).concatMap(Result::getRowsUpdated).then();
    }

    /** Statements end with a semicolon at the end of a line; whole-line comments are dropped. */
    static List<String> statements(String script) {
        String withoutComments = script.lines()
                .filter(line -> !line.strip().startsWith("--"))
                .collect(Collectors.joining("\n"));
        return Arrays.stream(withoutComments.split(";\\s*(\\n|$)"))
                .map(String::strip)
                .filter(sql -> !sql.isEmpty())
                .toList();
    }

    private static String script(Migration migration) {
        String path = "migrations/" + migration.script();
        try (InputStream in = UsersSchema.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing users schema migration " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read users schema migration " + path, e);
        }
    }

    private static String checksum(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
