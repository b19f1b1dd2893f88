package com.cruddur.messaging.application;

import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Participant;
import reactor.core.publisher.Mono;

/** A user's public card by handle, for starting a conversation with them. */
public final class ShowUser {

    private final UserDirectory directory;

    public ShowUser(UserDirectory directory) {
        this.directory = directory;
    }

    public Mono<Participant> byHandle(String handle) {
        return Mono.fromCallable(() -> new Handle(handle))
                .onErrorMap(com.cruddur.messaging.domain.DomainViolation.class,
                        violation -> NotFoundException.handle(handle))
                .flatMap(valid -> directory.findByHandle(valid))
                .switchIfEmpty(Mono.error(() -> NotFoundException.handle(handle)));
    }
}
