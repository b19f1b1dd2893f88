package com.cruddur.messaging.adapters.postgres;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The users database as JDBC reaches it, for the migrations (Flyway migrates over JDBC only; the service itself
 * uses R2DBC). Derived from the R2DBC URL: PostgreSQL keeps its host, port, database, {@code sslMode} and
 * {@code schema}; H2 its file (or in-memory name) and settings. The same database, whichever driver opens it.
 */
record JdbcTarget(String url, String username, String password, Dialect dialect) {

    /** What the migration scripts' placeholders stand for on each database. */
    enum Dialect {
        POSTGRESQL(Map.of("text", "TEXT", "uuid_default", "gen_random_uuid()")),
        H2(Map.of("text", "VARCHAR", "uuid_default", "RANDOM_UUID()"));

        private final Map<String, String> placeholders;

        Dialect(Map<String, String> placeholders) {
            this.placeholders = placeholders;
        }

        Map<String, String> placeholders() {
            return placeholders;
        }
    }

    private static final Option<String> SSL_MODE = Option.valueOf("sslMode");
    private static final Option<String> SCHEMA = Option.valueOf("schema");
    private static final Option<String> H2_OPTIONS = Option.valueOf("options");

    JdbcTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(dialect, "dialect");
    }

    /**
     * The database of R2DBC {@code options} of PostgreSQL or H2 (the caller has checked which), credentials
     * included.
     */
    static JdbcTarget of(ConnectionFactoryOptions options, Duration connectTimeout) {
        String driver = String.valueOf(options.getValue(ConnectionFactoryOptions.DRIVER)).toLowerCase(Locale.ROOT);
        Object user = options.getValue(ConnectionFactoryOptions.USER);
        Object secret = options.getValue(ConnectionFactoryOptions.PASSWORD);
        String username = user == null ? null : user.toString();
        String password = secret == null ? null : secret.toString();
        return driver.equals("h2") ? h2(options, username, password)
                : postgresql(options, username, password, connectTimeout);
    }

    private static JdbcTarget postgresql(ConnectionFactoryOptions options, String username, String password,
                                         Duration connectTimeout) {
        Object port = options.getValue(ConnectionFactoryOptions.PORT);
        Object database = options.getValue(ConnectionFactoryOptions.DATABASE);
        Map<String, String> parameters = new LinkedHashMap<>();
        // PgJDBC counts its timeouts in whole seconds.
        parameters.put("connectTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
        parameters.put("loginTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
        if (options.hasOption(SSL_MODE)) {
            parameters.put("sslmode", String.valueOf(options.getValue(SSL_MODE)).toLowerCase(Locale.ROOT));
        } else if (Boolean.parseBoolean(String.valueOf(options.getValue(ConnectionFactoryOptions.SSL)))) {
            parameters.put("sslmode", "require");
        }
        if (options.hasOption(SCHEMA)) {
            parameters.put("currentSchema", String.valueOf(options.getValue(SCHEMA)));
        }
        String url = "jdbc:postgresql://" + options.getRequiredValue(ConnectionFactoryOptions.HOST)
                + (port == null ? "" : ":" + port) + "/" + (database == null ? "" : database)
                + parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("&", "?", ""));
        return new JdbcTarget(url, username, password, Dialect.POSTGRESQL);
    }

    private static JdbcTarget h2(ConnectionFactoryOptions options, String username, String password) {
        String protocol = String.valueOf(options.getValue(ConnectionFactoryOptions.PROTOCOL));
        StringBuilder url = new StringBuilder("jdbc:h2:").append(protocol).append(':')
                .append(options.getRequiredValue(ConnectionFactoryOptions.DATABASE));
        if (options.hasOption(H2_OPTIONS)) {
            url.append(';').append(options.getValue(H2_OPTIONS));
        }
        return new JdbcTarget(url.toString(), username, password == null ? "" : password, Dialect.H2);
    }

    @Override
    public String toString() {
        return "JdbcTarget[" + url + "]";
    }
}
