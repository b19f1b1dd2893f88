package com.cruddur.messaging.adapters.postgres;

import com.cruddur.messaging.application.StoreUnavailableException;
import com.cruddur.messaging.application.port.HandleTakenException;
import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.UserId;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The user directory over the {@code users} table, on PostgreSQL or H2. Every lookup is one indexed query bounded
 * by {@code timeout} (connection acquisition included); a failure or a timeout becomes a
 * {@link StoreUnavailableException} for the store {@code "users"}.
 */
public final class R2dbcUserDirectory implements UserDirectory {

    private static final String SELECT = "SELECT uuid, display_name, handle FROM users WHERE ";

    private final DatabaseClient database;
    private final Duration timeout;

    public R2dbcUserDirectory(ConnectionFactory connections, Duration timeout) {
        this.database = DatabaseClient.create(Objects.requireNonNull(connections, "connections"));
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Mono<Participant> findByCognitoSubject(String subject) {
        if (subject == null || subject.isEmpty()) {
            return Mono.empty();
        }
        return find("cognito_user_id = :key", subject);
    }

    @Override
    public Mono<Participant> findByHandle(Handle handle) {
        return find("handle = :key", handle.value());
    }

    @Override
    public Flux<Participant> listByHandle(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        // The limit is an int, so writing it into the statement cannot inject anything (H2 and PostgreSQL both take it).
        return database.sql("SELECT uuid, display_name, handle FROM users ORDER BY handle LIMIT " + limit)
                .map(R2dbcUserDirectory::participant)
                .all()
                .timeout(timeout)
                .onErrorMap(this::unavailable);
    }

    /** One UPDATE by primary key; the unique index on {@code handle} refuses a handle another user has. */
    @Override
    public Mono<Participant> rename(Participant renamed) {
        return database.sql("UPDATE users SET display_name = :display_name, handle = :handle WHERE uuid = :uuid")
                .bind("display_name", renamed.displayName())
                .bind("handle", renamed.handle().value())
                .bind("uuid", renamed.id().value())
                .fetch()
                .rowsUpdated()
                .flatMap(rows -> rows > 0 ? Mono.just(renamed) : Mono.<Participant>empty())
                .onErrorMap(DataIntegrityViolationException.class, taken -> new HandleTakenException(renamed.handle()))
                .timeout(timeout)
                .onErrorMap(error -> error instanceof HandleTakenException ? error : unavailable(error));
    }

    private Mono<Participant> find(String condition, Object key) {
        return database.sql(SELECT + condition)
                .bind("key", key)
                .map(R2dbcUserDirectory::participant)
                .one()
                .timeout(timeout)
                .onErrorMap(this::unavailable);
    }

    static Participant participant(Readable row) {
        return new Participant(
                new UserId(row.get("uuid", UUID.class)),
                row.get("display_name", String.class),
                new Handle(row.get("handle", String.class)));
    }

    private Throwable unavailable(Throwable error) {
        if (error instanceof StoreUnavailableException) {
            return error;
        }
        String message = error instanceof TimeoutException
                ? "the user directory did not answer within " + timeout.toMillis() + " ms; try again shortly"
                : "the user directory is unavailable; try again shortly";
        return new StoreUnavailableException("users", message, error);
    }
}
