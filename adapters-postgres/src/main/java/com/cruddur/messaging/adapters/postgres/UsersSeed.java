package com.cruddur.messaging.adapters.postgres;

import io.r2dbc.spi.ConnectionFactory;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo users (the reference's seed, londo included). Seeding is idempotent: a handle already present is left as
 * it is, Cognito subject included. Demo users start without a Cognito subject; the Cognito sync (or the local token
 * issuer) links them.
 */
public final class UsersSeed {

    public record DemoUser(String displayName, String handle, String email) {

        public DemoUser {
            Objects.requireNonNull(displayName, "display name");
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(email, "email");
        }
    }

    public static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("Andrew Brown", "andrewbrown", "andrew@exampro.co"),
            new DemoUser("Andrew Bayko", "bayko", "bayko@exampro.co"),
            new DemoUser("Londo Mollari", "londo", "lmollari@centari.com"));

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
                .concatMap(user -> insertIfAbsent(user).filter(inserted -> inserted).map(inserted -> user.handle()))
                .collectList();
    }

    private Mono<Boolean> insertIfAbsent(DemoUser user) {
        return database.sql(INSERT_IF_ABSENT)
                .bind("display_name", user.displayName())
                .bind("handle", user.handle())
                .bind("email", user.email())
                .bind("existing", user.handle())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0)
                // Someone else inserted the same handle between the check and the insert.
                .onErrorResume(DataIntegrityViolationException.class, e -> Mono.just(false));
    }
}
