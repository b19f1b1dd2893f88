package com.cruddur.messaging.application.port;

import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Participant;
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
}
