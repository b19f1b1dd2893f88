package com.cruddur.messaging.bootstrap.architecture.planted.application;

import com.cruddur.messaging.bootstrap.architecture.planted.domain.AllowedDomainValue;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Uses the domain, the JDK, reactor and slf4j, and stays reactive: everything the rules allow. */
public final class AllowedUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(AllowedUseCase.class);

    public Mono<Integer> count(Flux<AllowedDomainValue> values) {
        return values.count().map(Long::intValue).doOnNext(n -> LOG.debug("{} values", n));
    }

    public Mac mac() throws GeneralSecurityException {
        return Mac.getInstance("HmacSHA256");
    }
}
