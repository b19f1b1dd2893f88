package com.cruddur.messaging.bootstrap.architecture.planted.adapters.lambda;

import reactor.core.publisher.Mono;

/** The Lambda handler is not on the reactive path: it may wait for its result. */
public final class AllowedBlockingHandler {

    public String handle(Mono<String> result) {
        return result.block();
    }
}
