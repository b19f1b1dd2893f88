package com.cruddur.messaging.adapters.postgres.testing;

import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.UserId;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/** Rows of the {@code users} table written and read directly, for tests. */
public final class UsersRows {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DatabaseClient database;

    public UsersRows(ConnectionFactory connections) {
        this.database = DatabaseClient.create(connections);
    }

    /** Inserts a user (email {@code <handle>@example.com}); {@code cognitoSubject} may be null. */
    public Participant insert(String displayName, String handle, String cognitoSubject) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(
                        "INSERT INTO users (display_name, handle, email, cognito_user_id)"
                                + " VALUES (:display_name, :handle, :email, :subject)")
                .bind("display_name", displayName)
                .bind("handle", handle)
                .bind("email", handle + "@example.com");
        insert = cognitoSubject == null ? insert.bindNull("subject", String.class) : insert.bind("subject", cognitoSubject);
        insert.fetch().rowsUpdated().block(TIMEOUT);
        UUID uuid = database.sql("SELECT uuid FROM users WHERE handle = :handle")
                .bind("handle", handle)
                .map(row -> row.get("uuid", UUID.class))
                .one()
                .block(TIMEOUT);
        return new Participant(new UserId(uuid), displayName, new Handle(handle));
    }

    /** The Cognito subject stored for {@code handle}; empty when unset or when nobody has the handle. */
    public Optional<String> subjectOf(String handle) {
        return database.sql("SELECT cognito_user_id FROM users WHERE handle = :handle")
                .bind("handle", handle)
                .map(row -> Optional.ofNullable(row.get("cognito_user_id", String.class)))
                .one()
                .blockOptional(TIMEOUT)
                .flatMap(subject -> subject);
    }

    /** The email stored for {@code handle}, if any. */
    public Optional<String> emailOf(String handle) {
        return database.sql("SELECT email FROM users WHERE handle = :handle")
                .bind("handle", handle)
                .map(row -> row.get("email", String.class))
                .one()
                .blockOptional(TIMEOUT);
    }

    public long count() {
        return database.sql("SELECT COUNT(*) AS n FROM users")
                .map(row -> row.get("n", Long.class))
                .one()
                .blockOptional(TIMEOUT)
                .orElse(0L);
    }
}
