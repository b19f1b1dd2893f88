package com.cruddur.messaging.adapters.postgres;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The pooled connection to the users database: PostgreSQL ({@code r2dbc:postgresql://host:5432/cruddur}) or H2
 * ({@code r2dbc:h2:file:///./data/users} for the embedded default). The pool always has acquire, idle and
 * connection-creation timeouts, so a database that does not answer turns into an error instead of a hang.
 */
public final class UsersDatabase implements AutoCloseable {

    /** The embedded default: an H2 file under {@code ./data}, kept across restarts. */
    public static final String EMBEDDED_URL = "r2dbc:h2:file:///./data/users";

    /**
     * Timeouts and size of the pool, and the time a single lookup may take end to end (acquiring a connection
     * included).
     */
    public record Settings(Duration connectTimeout, Duration acquireTimeout, Duration idleTimeout,
                           Duration queryTimeout, int maxSize) {

        public static final Settings DEFAULTS = new Settings(
                Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMinutes(5), Duration.ofSeconds(5), 10);

        public Settings {
            requirePositive(connectTimeout, "connect timeout");
            requirePositive(acquireTimeout, "acquire timeout");
            requirePositive(idleTimeout, "idle timeout");
            requirePositive(queryTimeout, "query timeout");
            if (maxSize < 1) {
                throw new IllegalArgumentException("the pool needs at least one connection, got " + maxSize);
            }
        }

        private static void requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
        }
    }

    private final ConnectionPool pool;
    private final JdbcTarget jdbc;
    private final Settings settings;
    private final String description;

    private UsersDatabase(ConnectionPool pool, JdbcTarget jdbc, Settings settings, String description) {
        this.pool = pool;
        this.jdbc = jdbc;
        this.settings = settings;
        this.description = description;
    }

    public static UsersDatabase connect(String url, String username, String password) {
        return connect(url, username, password, Settings.DEFAULTS);
    }

    /**
     * Builds the pool; nothing is connected until the first use. {@code username} and {@code password} may be null
     * or empty when the URL carries them or the database needs none (H2 then uses {@code sa}).
     */
    public static UsersDatabase connect(String url, String username, String password, Settings settings) {
        Objects.requireNonNull(url, "users database url");
        Objects.requireNonNull(settings, "settings");
        ConnectionFactoryOptions parsed = ConnectionFactoryOptions.parse(url);
        String driver = String.valueOf(parsed.getValue(ConnectionFactoryOptions.DRIVER)).toLowerCase(Locale.ROOT);
        ConnectionFactoryOptions.Builder options = parsed.mutate();
        switch (driver) {
            case "postgresql", "postgres" -> options.option(ConnectionFactoryOptions.CONNECT_TIMEOUT, settings.connectTimeout());
            case "h2" -> {
                if (isBlank(username) && !parsed.hasOption(ConnectionFactoryOptions.USER)) {
                    username = "sa";
                }
            }
            case "pool" -> throw new IllegalArgumentException(
                    "give the users database URL without 'pool:' (" + redact(url) + "); it is always pooled");
            default -> throw new IllegalArgumentException(
                    "the users database must be PostgreSQL (r2dbc:postgresql://...) or H2 (r2dbc:h2:file:///...), got "
                            + redact(url));
        }
        if (!isBlank(username)) {
            options.option(ConnectionFactoryOptions.USER, username);
        }
        if (password != null && !password.isEmpty()) {
            options.option(ConnectionFactoryOptions.PASSWORD, password);
        }
        ConnectionFactoryOptions built = options.build();
        ConnectionFactory connections = ConnectionFactories.get(built);
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(connections)
                .name("cruddur-users")
                .initialSize(0)
                .maxSize(settings.maxSize())
                .maxAcquireTime(settings.acquireTimeout())
                .maxCreateConnectionTime(settings.connectTimeout().plus(settings.acquireTimeout()))
                .maxValidationTime(settings.acquireTimeout())
                .maxIdleTime(settings.idleTimeout())
                .maxLifeTime(Duration.ofMinutes(30))
                .acquireRetry(1)
                .build());
        return new UsersDatabase(pool, JdbcTarget.of(built, settings.connectTimeout()), settings, redact(url));
    }

    public ConnectionFactory connectionFactory() {
        return pool;
    }

    public Settings settings() {
        return settings;
    }

    /** A directory over this database, bounded by the settings' query timeout. */
    public R2dbcUserDirectory directory() {
        return new R2dbcUserDirectory(pool, settings.queryTimeout());
    }

    /** The migrations, applied over JDBC to the same database. */
    public UsersSchema schema() {
        return new UsersSchema(jdbc);
    }

    public UsersSeed seed() {
        return new UsersSeed(pool);
    }

    /** Closes every pooled connection. */
    @Override
    public void close() {
        pool.dispose();
    }

    @Override
    public String toString() {
        return "users database " + description;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The URL without a password written into it. */
    static String redact(String url) {
        return url.replaceAll("(//[^/:@]*:)[^/@]*@", "$1***@");
    }
}
