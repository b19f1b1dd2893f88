package com.cruddur.messaging.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class AcceptedTokensTest {

    private final MovableClock clock = new MovableClock();
    private final CountingDecoder decoder = new CountingDecoder();

    @Test
    void anAcceptedTokenIsNotVerifiedAgainUntilItsExpiry() {
        Jwt jwt = decoder.accept("token-a", clock.instant().plus(Duration.ofMinutes(10)));
        AcceptedTokens tokens = new AcceptedTokens(decoder, 10, clock);

        for (int i = 0; i < 5; i++) {
            StepVerifier.create(tokens.decode("token-a")).expectNext(jwt).verifyComplete();
        }

        assertThat(decoder.decodes.get()).isEqualTo(1);
    }

    @Test
    void afterItsExpiryATokenGoesToTheDecoderAgain() {
        Instant expiry = clock.instant().plus(Duration.ofMinutes(10));
        decoder.accept("token-a", expiry);
        AcceptedTokens tokens = new AcceptedTokens(decoder, 10, clock);
        tokens.decode("token-a").block();

        clock.advance(Duration.ofMinutes(10));
        decoder.refuse("token-a");

        StepVerifier.create(tokens.decode("token-a")).verifyError(BadJwtException.class);
        assertThat(decoder.decodes.get()).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        decoder.refuse("token-bad");
        AcceptedTokens tokens = new AcceptedTokens(decoder, 10, clock);

        StepVerifier.create(tokens.decode("token-bad")).verifyError(BadJwtException.class);
        StepVerifier.create(tokens.decode("token-bad")).verifyError(BadJwtException.class);

        assertThat(decoder.decodes.get()).isEqualTo(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void anotherTokenOfTheSameSubjectIsVerifiedOnItsOwn() {
        Instant expiry = clock.instant().plus(Duration.ofMinutes(10));
        decoder.accept("token-a", expiry);
        AcceptedTokens tokens = new AcceptedTokens(decoder, 10, clock);
        tokens.decode("token-a").block();

        decoder.refuse("token-a-tampered");

        StepVerifier.create(tokens.decode("token-a-tampered")).verifyError(BadJwtException.class);
    }

    @Test
    void aTokenIsForgottenOnceItExpiresEvenWithinASecond() {
        decoder.accept("token-a", clock.instant().plus(Duration.ofMillis(500)));
        AcceptedTokens tokens = new AcceptedTokens(decoder, 10, clock);
        tokens.decode("token-a").block();
        assertThat(tokens.size()).isEqualTo(1);

        clock.advance(Duration.ofMillis(600));

        assertThat(tokens.size()).isZero();
    }

    @Test
    void roomForOneTokenIsEnough() {
        decoder.accept("token-a", clock.instant().plus(Duration.ofMinutes(10)));
        AcceptedTokens tokens = new AcceptedTokens(decoder, 1, clock);

        tokens.decode("token-a").block();
        tokens.decode("token-a").block();

        assertThat(decoder.decodes.get()).isEqualTo(1);
    }

    @Test
    void theCacheHoldsAtMostItsSize() {
        AcceptedTokens tokens = new AcceptedTokens(decoder, 2, clock);
        for (String token : new String[] {"a", "b", "c", "d"}) {
            decoder.accept(token, clock.instant().plus(Duration.ofMinutes(10)));
            tokens.decode(token).block();
        }

        assertThat(tokens.size()).isEqualTo(2);
    }

    /** Accepts the tokens it was told to, with the given expiry, and counts its calls. */
    private static final class CountingDecoder implements ReactiveJwtDecoder {

        private final Map<String, Jwt> accepted = new HashMap<>();
        private final AtomicInteger decodes = new AtomicInteger();

        Jwt accept(String token, Instant expiresAt) {
            Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("sub-" + token)
                    .issuedAt(expiresAt.minus(Duration.ofHours(1))).expiresAt(expiresAt).build();
            accepted.put(token, jwt);
            return jwt;
        }

        void refuse(String token) {
            accepted.remove(token);
        }

        @Override
        public Mono<Jwt> decode(String token) {
            decodes.incrementAndGet();
            Jwt jwt = accepted.get(token);
            return jwt == null ? Mono.error(new BadJwtException("refused")) : Mono.just(jwt);
        }
    }
}
