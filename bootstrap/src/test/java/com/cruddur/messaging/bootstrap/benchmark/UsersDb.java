package com.cruddur.messaging.bootstrap.benchmark;

import com.cruddur.messaging.adapters.postgres.UsersDatabase;
import java.time.Duration;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * A fresh database on the machine's PostgreSQL (127.0.0.1:5432, trust authentication, user postgres) for one run,
 * dropped at the end. The service creates the users table in it at start-up; the benchmark then inserts the users,
 * already linked to their Cognito subjects.
 */
final class UsersDb implements AutoCloseable {

    private static final String SERVER = "r2dbc:postgresql://127.0.0.1:5432/";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String name;

    private UsersDb(String name) {
        this.name = name;
    }

    static UsersDb create() {
        String name = "cruddur_benchmark_" + UUID.randomUUID().toString().substring(0, 8);
        admin("CREATE DATABASE " + name);
        return new UsersDb(name);
    }

    String url() {
        return SERVER + name;
    }

    void insert(DataSet data) {
        try (UsersDatabase database = UsersDatabase.connect(url(), "postgres", null)) {
            DatabaseClient client = DatabaseClient.create(database.connectionFactory());
            Flux.fromIterable(data.users())
                    .flatMap(user -> client.sql("INSERT INTO users (uuid, display_name, handle, email, cognito_user_id)"
                                    + " VALUES (:uuid, :name, :handle, :email, :subject)")
                            .bind("uuid", user.uuid())
                            .bind("name", user.displayName())
                            .bind("handle", user.handle())
                            .bind("email", user.handle() + "@example.com")
                            .bind("subject", user.subject())
                            .then(), 8)
                    .blockLast(WAIT);
        }
    }

    /** Three attempts: on a loaded machine a fresh JVM's first connection may miss the pool's acquisition time. */
    private static void admin(String statement) {
        for (int attempt = 1; ; attempt++) {
            try (UsersDatabase database = UsersDatabase.connect(SERVER + "postgres", "postgres", null)) {
                DatabaseClient.create(database.connectionFactory()).sql(statement).then().block(WAIT);
                return;
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
