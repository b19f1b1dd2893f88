package com.cruddur.messaging.adapters.postgres.testing;

import com.cruddur.messaging.adapters.postgres.UsersDatabase;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Result;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A PostgreSQL database of its own for this test JVM, migrated, dropped when the JVM exits. It is created on the
 * server at {@code 127.0.0.1:5432} (user {@code postgres}, trust authentication) through the {@code postgres}
 * database; when no server answers there and a Docker engine is reachable (and Testcontainers is on the test
 * classpath), in a Testcontainers PostgreSQL instead.
 */
public final class PostgresFixture {

    public static final String LOCAL_HOST = "127.0.0.1";
    public static final int LOCAL_PORT = 5432;
    public static final String LOCAL_USER = "postgres";

    private static PostgresFixture shared;

    private final String host;
    private final int port;
    private final String database;
    private final String username;
    private final String password;
    private final UsersDatabase users;

    private PostgresFixture(String host, int port, String database, String username, String password) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.username = username;
        this.password = password;
        this.users = UsersDatabase.connect(url(), username, password);
        users.schema().migrate().block(Duration.ofSeconds(60));
    }

    /** The database of this JVM, created (and migrated) on first use. */
    public static synchronized PostgresFixture shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static PostgresFixture start() {
        if (answers(LOCAL_HOST, LOCAL_PORT)) {
            return onLocalServer();
        }
        if (TestcontainersPostgres.available()) {
            return TestcontainersPostgres.start(PostgresFixture::new);
        }
        throw new IllegalStateException("tests need PostgreSQL: none answers on " + LOCAL_HOST + ":" + LOCAL_PORT
                + " and no Docker engine is reachable for a Testcontainers PostgreSQL");
    }

    private static PostgresFixture onLocalServer() {
        String name = "cruddur_users_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        adminStatement("CREATE DATABASE " + name);
        PostgresFixture[] created = new PostgresFixture[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (created[0] != null) {
                created[0].users.close();
            }
            adminStatement("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }, "drop-" + name));
        created[0] = new PostgresFixture(LOCAL_HOST, LOCAL_PORT, name, LOCAL_USER, "");
        return created[0];
    }

    /** Runs one statement on the local server's {@code postgres} database. */
    private static void adminStatement(String sql) {
        run(adminOptions(LOCAL_HOST, LOCAL_PORT, LOCAL_USER, ""), sql);
    }

    private static ConnectionFactoryOptions adminOptions(String host, int port, String username, String password) {
        ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, "postgresql")
                .option(ConnectionFactoryOptions.HOST, host)
                .option(ConnectionFactoryOptions.PORT, port)
                .option(ConnectionFactoryOptions.USER, username)
                .option(ConnectionFactoryOptions.DATABASE, "postgres")
                .option(ConnectionFactoryOptions.CONNECT_TIMEOUT, Duration.ofSeconds(5));
        if (!password.isEmpty()) {
            options.option(ConnectionFactoryOptions.PASSWORD, password);
        }
        return options.build();
    }

    private static void run(ConnectionFactoryOptions options, String sql) {
        Mono.usingWhen(Mono.from(ConnectionFactories.get(options).create()),
                        (Connection connection) -> Flux.from(connection.createStatement(sql).execute())
                                .concatMap(Result::getRowsUpdated)
                                .then(),
                        Connection::close)
                .block(Duration.ofSeconds(30));
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The R2DBC URL of this database, without credentials. */
    public String url() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String username() {
        return username;
    }

    /** Empty on the local server (trust authentication). */
    public String password() {
        return password;
    }

    public String databaseName() {
        return database;
    }

    /** A pool on this database, migrated; shared by the JVM's tests, closed at exit. */
    public UsersDatabase users() {
        return users;
    }

    /** A fresh pool on this database with its own settings; the caller closes it. */
    public UsersDatabase connect(UsersDatabase.Settings settings) {
        return UsersDatabase.connect(url(), username, password, settings);
    }

    /**
     * Another empty database on the same server (no migrations applied), dropped when the JVM exits; for tests that
     * need to see a schema or a seed applied for the first time. The caller closes the pool.
     */
    public UsersDatabase freshDatabase() {
        String name = database + "_" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"),
                "drop-" + name));
        return UsersDatabase.connect("r2dbc:postgresql://" + host + ":" + port + "/" + name, username, password);
    }

    /** Runs a statement on this server's {@code postgres} database, with a connection of its own. */
    private void execute(String sql) {
        run(adminOptions(host, port, username, password), sql);
    }

    /** Builds a fixture on a server somebody else started (Testcontainers). */
    @FunctionalInterface
    interface Factory {
        PostgresFixture create(String host, int port, String database, String username, String password);
    }
}
