package com.cruddur.messaging.adapters.postgres.cognito;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Links users to Cognito: for every user of the pool (all pages), {@code users.cognito_user_id} becomes the user's
 * {@code sub} where {@code users.handle} equals their {@code preferred_username}, as the reference matched them,
 * but only for rows that are not linked yet. A Cognito user may edit their own {@code preferred_username}, so a
 * match is no proof of identity: a row linked to another subject is never taken over, and a subject already linked
 * to another row is never moved. Both are left alone and reported as conflicts, for a person to decide.
 */
public final class CognitoUserSync {

    /** What one Cognito user led to. */
    public enum Outcome { UPDATED, UNCHANGED, UNMATCHED, CONFLICT }

    /**
     * @param unmatchedUsers the preferred usernames (or user names, for users without one) with no users row
     * @param conflictingUsers the handles whose row is linked to another subject, or whose subject already
     *                         belongs to another users row
     */
    public record Report(int updated, int unchanged, int unmatched, int conflicts,
                         List<String> unmatchedUsers, List<String> conflictingUsers) {

        public Report {
            unmatchedUsers = List.copyOf(unmatchedUsers);
            conflictingUsers = List.copyOf(conflictingUsers);
        }

        public int total() {
            return updated + unchanged + unmatched + conflicts;
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
                .concatMap(user -> user.preferredUsername()
                        .map(handle -> link(handle, user.subject()).map(outcome -> new Linked(handle, outcome)))
                        .orElseGet(() -> Mono.just(new Linked(user.username(), Outcome.UNMATCHED))))
                .collectList()
                .map(CognitoUserSync::report);
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

    private record Linked(String user, Outcome outcome) {
    }

    private static Report report(List<Linked> linked) {
        int updated = 0;
        int unchanged = 0;
        List<String> unmatched = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (Linked link : linked) {
            switch (link.outcome()) {
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case UNMATCHED -> unmatched.add(link.user());
                case CONFLICT -> conflicts.add(link.user());
            }
        }
        return new Report(updated, unchanged, unmatched.size(), conflicts.size(), unmatched, conflicts);
    }
}
