package com.cruddur.messaging.bootstrap.architecture.planted.adapters.web;

import reactor.core.publisher.Flux;

/** Violation once the web adapter is on the reactive-path list: waits for the last element. */
public final class BlockingController {

    public String last(Flux<String> values) {
        return values.blockLast();
    }
}
