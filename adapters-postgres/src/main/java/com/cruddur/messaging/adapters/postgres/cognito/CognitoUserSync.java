package com.cruddur.messaging.adapters.postgres.cognito;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Links users to Cognito: for every user of the pool (all pages), {@code users.cognito_user_id} becomes the user's
 * {@code sub} where {@code users.handle} equals their {@code preferred_username}, as the reference matched them,
 * but only for rows that are not linked yet. A Cognito user may edit their own {@code preferred_username}, so a
 * match is no proof of identity: a row linked to another subject is never taken over, and a subject already linked
 * to another row is never moved. Both are left alone and reported as conflicts, for a person to decide.
 *
 * <p>A user linked already whose {@code name} or {@code preferred_username} in Cognito differs from the row's
 * {@code display_name} or {@code handle} was renamed there: the sync reports the rename (it does not write it), and
 * the caller renames them everywhere they are shown ({@code RenameUser}: the row, then their conversations). A new
 * handle another row has already is a conflict.
 */
public final class CognitoUserSync {

    /** What one Cognito user led to. */
    public enum Outcome { UPDATED, UNCHANGED, UNMATCHED, CONFLICT, RENAMED }

    /**
     * A linked user renamed in Cognito: the row's current {@code handle}, and the new display name and handle where
     * they differ from the row's (empty: unchanged).
     */
    public record Rename(String handle, Optional<String> displayName, Optional<String> newHandle) {

        public Rename {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(displayName, "display name");
            Objects.requireNonNull(newHandle, "new handle");
        }
    }

    /**
     * @param unmatchedUsers the preferred usernames (or user names, for users without one) with no users row
     * @param conflictingUsers the handles whose row is linked to another subject, or whose subject already
     *                         belongs to another users row
     */
    public record Report(int updated, int unchanged, int unmatched, int conflicts,
                         List<String> unmatchedUsers, List<String> conflictingUsers, List<Rename> renames) {

        public Report {
            unmatchedUsers = List.copyOf(unmatchedUsers);
            conflictingUsers = List.copyOf(conflictingUsers);
            renames = List.copyOf(renames);
        }

        public int renamed() {
            return renames.size();
        }

        public int total() {
            return updated + unchanged + unmatched + conflicts + renamed();
        }
    }

    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    private final CognitoUsers cognito;
    private final DatabaseClient database;

    public CognitoUserSync(CognitoUsers cognito, ConnectionFactory users) {
        this.cognito = Objects.requireNonNull(cognito, "cognito users");
        this.database = DatabaseClient.create(Objects.requireNonNull(users, "users connection factory"));
    }

    /** Syncs every user of {@code userPoolId} and reports what changed. */
    public Mono<Report> sync(String userPoolId) {
        return cognito.list(userPoolId)
                .concatMap(user -> renamedSince(user)
                        .switchIfEmpty(Mono.defer(() -> user.preferredUsername()
                                .map(handle -> link(handle, user.subject()).map(outcome -> new Linked(handle, outcome)))
                                .orElseGet(() -> Mono.just(new Linked(user.username(), Outcome.UNMATCHED))))))
                .collectList()
                .map(CognitoUserSync::report);
    }

    /**
     * For a user linked already: unchanged, renamed in Cognito, or a conflict (the new handle is another row's).
     * Empty when no row is linked to the user's subject.
     */
    private Mono<Linked> renamedSince(CognitoUser user) {
        return database.sql("SELECT uuid, display_name, handle FROM users WHERE cognito_user_id = :subject")
                .bind("subject", user.subject())
                .map(row -> new LinkedRow(row.get("uuid", UUID.class), row.get("display_name", String.class),
                        row.get("handle", String.class)))
                .one()
                .flatMap(row -> {
                    Optional<String> displayName = user.name().filter(name -> !name.equals(row.displayName()));
                    Optional<String> handle = user.preferredUsername().filter(name -> !name.equals(row.handle()));
                    if (displayName.isEmpty() && handle.isEmpty()) {
                        return Mono.just(new Linked(row.handle(), Outcome.UNCHANGED));
                    }
                    Rename rename = new Rename(row.handle(), displayName, handle);
                    return handle.map(taken -> handleOfAnother(taken, row.uuid())).orElse(Mono.just(false))
                            .map(conflict -> conflict ? new Linked(handle.orElseThrow(), Outcome.CONFLICT)
                                    : new Linked(row.handle(), Outcome.RENAMED, rename));
                })
                .timeout(STATEMENT_TIMEOUT);
    }

    private Mono<Boolean> handleOfAnother(String handle, UUID user) {
        return database.sql("SELECT uuid FROM users WHERE handle = :handle")
                .bind("handle", handle)
                .map(row -> !user.equals(row.get("uuid", UUID.class)))
                .one()
                .defaultIfEmpty(false);
    }

    private record LinkedRow(UUID uuid, String displayName, String handle) {
    }

    /**
     * Sets the Cognito subject of the user with {@code handle} if that user has none. The condition is part of the
     * UPDATE, so a row linked meanwhile by someone else is not overwritten either; when nothing was updated, the row
     * as it is says why.
     */
    public Mono<Outcome> link(String handle, String subject) {
        Objects.requireNonNull(handle, "handle");
        if (subject == null || subject.isEmpty()) {
            return Mono.error(new IllegalArgumentException("a Cognito subject must not be empty"));
        }
        return linkIfUnlinked(handle, subject)
                .flatMap(updated -> updated ? Mono.just(Outcome.UPDATED) : currentSubject(handle)
                        .map(current -> subject.equals(current.orElse(null)) ? Outcome.UNCHANGED : Outcome.CONFLICT)
                        .defaultIfEmpty(Outcome.UNMATCHED))
                .onErrorResume(DataIntegrityViolationException.class, subjectTaken -> Mono.just(Outcome.CONFLICT))
                .timeout(STATEMENT_TIMEOUT);
    }

    private Mono<Optional<String>> currentSubject(String handle) {
        return database.sql("SELECT cognito_user_id FROM users WHERE handle = :handle")
                .bind("handle", handle)
                .map(row -> Optional.ofNullable(row.get("cognito_user_id", String.class)))
                .one();
    }

    /** True when the row existed without a subject and has this one now (a unique violation: another row has it). */
    private Mono<Boolean> linkIfUnlinked(String handle, String subject) {
        return database.sql("UPDATE users SET cognito_user_id = :subject WHERE handle = :handle"
                        + " AND cognito_user_id IS NULL")
                .bind("subject", subject)
                .bind("handle", handle)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    private record Linked(String user, Outcome outcome, Optional<Rename> rename) {

        Linked(String user, Outcome outcome) {
            this(user, outcome, Optional.empty());
        }

        Linked(String user, Outcome outcome, Rename rename) {
            this(user, outcome, Optional.of(rename));
        }
    }

    private static Report report(List<Linked> linked) {
        int updated = 0;
        int unchanged = 0;
        List<String> unmatched = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        List<Rename> renames = new ArrayList<>();
        for (Linked link : linked) {
            switch (link.outcome()) {
                case RENAMED -> renames.add(link.rename().orElseThrow());
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case UNMATCHED -> unmatched.add(link.user());
                case CONFLICT -> conflicts.add(link.user());
            }
        }
        return new Report(updated, unchanged, unmatched.size(), conflicts.size(), unmatched, conflicts, renames);
    }
}
