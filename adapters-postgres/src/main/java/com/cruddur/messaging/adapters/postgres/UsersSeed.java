package com.cruddur.messaging.adapters.postgres;

import com.cruddur.messaging.domain.Handle;
import io.r2dbc.spi.ConnectionFactory;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo users (the reference's seed, londo included), defined here once: they are rows of the users database,
 * and whatever else needs them (the demo conversations, the embedded default's development subjects) reads them
 * from {@link #DEMO_USERS}. Seeding is idempotent: a handle already present is left as it is, Cognito subject
 * included. Demo users start without a Cognito subject; the Cognito sync (or the local token issuer) links them.
 */
public final class UsersSeed {

    public record DemoUser(String displayName, Handle handle, String email) {

        public DemoUser {
            Objects.requireNonNull(displayName, "display name");
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(email, "email");
        }
    }

    public static final DemoUser ANDREW = new DemoUser("Andrew Brown", new Handle("andrewbrown"), "andrew@exampro.co");
    public static final DemoUser BAYKO = new DemoUser("Andrew Bayko", new Handle("bayko"), "bayko@exampro.co");
    public static final DemoUser LONDO = new DemoUser("Londo Mollari", new Handle("londo"), "lmollari@centari.com");

    public static final List<DemoUser> DEMO_USERS = List.of(ANDREW, BAYKO, LONDO);

    private static final String INSERT_IF_ABSENT = "INSERT INTO users (display_name, handle, email)"
            + " SELECT :display_name, :handle, :email"
            + " WHERE NOT EXISTS (SELECT 1 FROM users WHERE handle = :existing)";

    private final DatabaseClient database;

    public UsersSeed(ConnectionFactory connections) {
        this.database = DatabaseClient.create(Objects.requireNonNull(connections, "connections"));
    }

    /** Inserts the demo users that are missing; emits the handles inserted by this call. */
    public Mono<List<String>> seed() {
        return seed(DEMO_USERS);
    }

    public Mono<List<String>> seed(List<DemoUser> users) {
        return Flux.fromIterable(users)
                .concatMap(user -> insertIfAbsent(user).filter(inserted -> inserted)
                        .map(inserted -> user.handle().value()))
                .collectList();
    }

    private Mono<Boolean> insertIfAbsent(DemoUser user) {
        return database.sql(INSERT_IF_ABSENT)
                .bind("display_name", user.displayName())
                .bind("handle", user.handle().value())
                .bind("email", user.email())
                .bind("existing", user.handle().value())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0)
                // Someone else inserted the same handle between the check and the insert.
                .onErrorResume(DataIntegrityViolationException.class, e -> Mono.just(false));
    }
}
