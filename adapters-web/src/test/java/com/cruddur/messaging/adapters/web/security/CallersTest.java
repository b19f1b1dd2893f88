package com.cruddur.messaging.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.IdentifyCaller;
import com.cruddur.messaging.application.UnknownCallerException;
import com.cruddur.messaging.application.contract.ContractFixtures;
import com.cruddur.messaging.application.fake.InMemoryUserDirectory;
import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Participant;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class CallersTest {

    private final InMemoryUserDirectory users = new InMemoryUserDirectory();
    private final CountingDirectory directory = new CountingDirectory(users);
    private final MovableClock clock = new MovableClock();

    @Test
    void aKnownSubjectIsLookedUpOnceWithinTheTtl() {
        Participant andrew = users.add(ContractFixtures.participant("Andrew"), "sub-andrew");
        Callers callers = callers(Duration.ofSeconds(60), 10);

        for (int i = 0; i < 5; i++) {
            StepVerifier.create(callers.bySubject("sub-andrew")).expectNext(andrew).verifyComplete();
        }

        assertThat(directory.lookups.get()).isEqualTo(1);
    }

    @Test
    void anEntryExpiresAfterTheTtl() {
        Participant andrew = users.add(ContractFixtures.participant("Andrew"), "sub-andrew");
        Callers callers = callers(Duration.ofSeconds(60), 10);
        callers.bySubject("sub-andrew").block();

        clock.advance(Duration.ofSeconds(61));
        Participant renamed = users.add(new Participant(andrew.id(), "Andrew Renamed", andrew.handle()), "sub-andrew");

        StepVerifier.create(callers.bySubject("sub-andrew")).expectNext(renamed).verifyComplete();
        assertThat(directory.lookups.get()).isEqualTo(2);
    }

    @Test
    void anUnknownSubjectIsNotRemembered() {
        Callers callers = callers(Duration.ofSeconds(60), 10);
        StepVerifier.create(callers.bySubject("sub-late")).verifyError(UnknownCallerException.class);

        Participant late = users.add(ContractFixtures.participant("Late"), "sub-late");

        StepVerifier.create(callers.bySubject("sub-late")).expectNext(late).verifyComplete();
        assertThat(callers.size()).isEqualTo(1);
    }

    @Test
    void anEntryIsForgottenOnceItsTtlHasPassedEvenWithinASecond() {
        users.add(ContractFixtures.participant("Andrew"), "sub-andrew");
        Callers callers = callers(Duration.ofMillis(500), 10);
        callers.bySubject("sub-andrew").block();
        assertThat(callers.size()).isEqualTo(1);

        clock.advance(Duration.ofMillis(600));

        assertThat(callers.size()).isZero();
    }

    @Test
    void roomForOneSubjectIsEnough() {
        users.add(ContractFixtures.participant("Andrew"), "sub-andrew");
        Callers callers = callers(Duration.ofSeconds(60), 1);

        callers.bySubject("sub-andrew").block();
        callers.bySubject("sub-andrew").block();

        assertThat(directory.lookups.get()).isEqualTo(1);
    }

    @Test
    void theCacheHoldsAtMostItsSize() {
        Callers callers = callers(Duration.ofSeconds(60), 2);
        for (String subject : new String[] {"a", "b", "c", "d"}) {
            users.add(ContractFixtures.participant("User " + subject), subject);
            callers.bySubject(subject).block();
        }

        assertThat(callers.size()).isEqualTo(2);
    }

    @Test
    void requestsForASubjectWhoseLookupIsUnderWayShareThatLookup() {
        Participant andrew = users.add(ContractFixtures.participant("Andrew"), "sub-andrew");
        Callers callers = callers(Duration.ofSeconds(60), 10);
        directory.holdLookups();

        CompletableFuture<Participant> first = callers.bySubject("sub-andrew").toFuture();
        CompletableFuture<Participant> second = callers.bySubject("sub-andrew").toFuture();
        directory.releaseLookups();

        assertThat(first.join()).isEqualTo(andrew);
        assertThat(second.join()).isEqualTo(andrew);
        assertThat(directory.lookups.get()).isEqualTo(1);
    }

    @Test
    void aRequestThatGoesAwayDoesNotCancelTheLookupOthersWaitFor() {
        Participant andrew = users.add(ContractFixtures.participant("Andrew"), "sub-andrew");
        Callers callers = callers(Duration.ofSeconds(60), 10);
        directory.holdLookups();

        callers.bySubject("sub-andrew").subscribe().dispose();
        CompletableFuture<Participant> waiting = callers.bySubject("sub-andrew").toFuture();
        directory.releaseLookups();

        assertThat(waiting.join()).isEqualTo(andrew);
        assertThat(directory.lookups.get()).isEqualTo(1);
    }

    private Callers callers(Duration ttl, int size) {
        return new Callers(new IdentifyCaller(directory), ttl, size, clock);
    }

    private static final class CountingDirectory implements UserDirectory {

        private final UserDirectory delegate;
        private final AtomicInteger lookups = new AtomicInteger();
        private volatile Sinks.Empty<Void> held = null;

        CountingDirectory(UserDirectory delegate) {
            this.delegate = delegate;
        }

        /** Lookups from now on answer only once {@link #releaseLookups()} is called. */
        void holdLookups() {
            held = Sinks.empty();
        }

        void releaseLookups() {
            held.tryEmitEmpty();
        }

        @Override
        public Mono<Participant> findByCognitoSubject(String subject) {
            return Mono.defer(() -> {
                lookups.incrementAndGet();
                Sinks.Empty<Void> gate = held;
                Mono<Participant> lookup = delegate.findByCognitoSubject(subject);
                return gate == null ? lookup : gate.asMono().then(lookup);
            });
        }

        @Override
        public reactor.core.publisher.Flux<Participant> listByHandle(int limit) {
            return delegate.listByHandle(limit);
        }

        @Override
        public Mono<Participant> rename(Participant renamed) {
            return delegate.rename(renamed);
        }

        @Override
        public Mono<Participant> findByHandle(Handle handle) {
            return delegate.findByHandle(handle);
        }
    }
}
