package com.cruddur.messaging.application;

import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.Participant;
import reactor.core.publisher.Mono;

/** Who is calling: the user whose Cognito subject signed the request, or {@link UnknownCallerException}. */
public final class IdentifyCaller {

    private final UserDirectory directory;

    public IdentifyCaller(UserDirectory directory) {
        this.directory = directory;
    }

    public Mono<Participant> bySubject(String cognitoSubject) {
        return directory.findByCognitoSubject(cognitoSubject)
                .switchIfEmpty(Mono.error(() -> new UnknownCallerException(cognitoSubject)));
    }
}
