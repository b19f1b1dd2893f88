package com.cruddur.messaging.bootstrap.architecture.planted.application;

import reactor.core.publisher.Mono;

/** Violation: waits for a Mono on the reactive path. */
public final class BlockingUseCase {

    public String run(Mono<String> result) {
        return result.block();
    }
}
