package com.cruddur.messaging.adapters.postgres.cognito;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user of a Cognito user pool, as listing and sync need them.
 *
 * @param username          Cognito's user name (the {@code sub} itself in pools that sign in by email)
 * @param subject           the {@code sub} attribute, what access tokens carry
 * @param preferredUsername the {@code preferred_username} attribute, matched to {@code users.handle}
 * @param created           when the user was created, if Cognito said
 */
public record CognitoUser(String username, String subject, Optional<String> preferredUsername, Optional<String> email,
                          Optional<String> name, String status, boolean enabled, Optional<Instant> created) {

    public CognitoUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(preferredUsername, "preferred username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        status = status == null ? "" : status;
        Objects.requireNonNull(created, "created");
    }
}
