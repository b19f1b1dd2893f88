package com.cruddur.messaging.application.port;

import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Participant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The users, as conversations need them. Each lookup is empty when nobody matches, and errors with
 * {@link com.cruddur.messaging.application.StoreUnavailableException} within a bounded time when the directory
 * cannot answer.
 */
public interface UserDirectory {

    /** The user whose Cognito subject ({@code sub} claim) this is. */
    Mono<Participant> findByCognitoSubject(String subject);

    Mono<Participant> findByHandle(Handle handle);

    /** The first {@code limit} users (at least 1) in handle order: the embedded default's sign-in page lists them. */
    Flux<Participant> listByHandle(int limit);

    /**
     * Stores {@code renamed}'s display name and handle for the user with its id; storing the names the user has
     * already changes nothing.
     *
     * @return the user as stored now; empty when there is no such user; errors with {@link HandleTakenException}
     * when another user has that handle
     */
    Mono<Participant> rename(Participant renamed);
}
