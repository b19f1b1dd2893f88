package com.cruddur.messaging.adapters.postgres.cognito;

import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** The users of a Cognito user pool, every page of them (Cognito answers at most 60 per page). */
public final class CognitoUsers {

    /** The largest page Cognito's ListUsers serves. */
    public static final int PAGE_SIZE = 60;

    private final CognitoIdentityProviderAsyncClient cognito;

    public CognitoUsers(CognitoIdentityProviderAsyncClient cognito) {
        this.cognito = Objects.requireNonNull(cognito, "cognito client");
    }

    /** Every user of {@code userPoolId}, following the pagination token to the last page. */
    public Flux<CognitoUser> list(String userPoolId) {
        Objects.requireNonNull(userPoolId, "user pool id");
        ListUsersRequest first = ListUsersRequest.builder().userPoolId(userPoolId).limit(PAGE_SIZE).build();
        return Flux.from(cognito.listUsersPaginator(first).users()).map(CognitoUsers::toUser);
    }

    static CognitoUser toUser(UserType user) {
        return new CognitoUser(
                user.username(),
                attribute(user, "sub").orElseThrow(() -> new IllegalStateException(
                        "Cognito user " + user.username() + " has no sub attribute")),
                attribute(user, "preferred_username"),
                attribute(user, "email"),
                attribute(user, "name"),
                user.userStatusAsString(),
                Boolean.TRUE.equals(user.enabled()),
                Optional.ofNullable(user.userCreateDate()));
    }

    private static Optional<String> attribute(UserType user, String name) {
        return user.attributes().stream()
                .filter(attribute -> name.equals(attribute.name()))
                .map(AttributeType::value)
                .filter(value -> value != null && !value.isEmpty())
                .findFirst();
    }
}
