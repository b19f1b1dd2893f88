package com.cruddur.messaging.bootstrap.architecture.planted.application;

import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/** Violation: turns a Flux into a blocking Iterable or Stream. */
public final class IteratingUseCase {

    public List<String> run(Flux<String> results) {
        List<String> all = new ArrayList<>();
        results.toIterable().forEach(all::add);
        return all;
    }

    public long countAll(Flux<String> results) {
        return results.toStream().count();
    }
}
