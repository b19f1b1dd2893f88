package com.cruddur.messaging.adapters.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A decoder that remembers the tokens it accepted until their {@code exp}, so a client sending the same token again
 * is not checked again (parsing, the RS256 signature, the claims: the largest part of a read's CPU time). The
 * tokens are the cache's keys themselves, compared whole, never a hash of them; the cache is bounded (Caffeine,
 * no lock on the event loop), and a refused token is never remembered: it is checked in full every time.
 *
 * <p>What is accepted does not change: a token is accepted again exactly when the decoder accepted it before and its
 * {@code exp} has not passed. Nothing revokes an access token before its {@code exp} today (the decoder has no such
 * check either); after {@code exp} the token goes to the decoder again, which applies its clock skew as before.
 */
public final class AcceptedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> accepted;

    public AcceptedTokens(ReactiveJwtDecoder decoder, int maxSize, Clock clock) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("the token cache needs room for at least one token");
        }
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.accepted = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt)))
                .ticker(() -> nanos(clock.instant()))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = accepted.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return Mono.just(known);
        }
        return decoder.decode(token).doOnNext(jwt -> {
            Instant expiresAt = jwt.getExpiresAt();
            if (expiresAt != null && clock.instant().isBefore(expiresAt)) {
                accepted.put(token, jwt);
            }
        });
    }

    /** Tokens remembered now (after pending evictions are done). */
    long size() {
        accepted.cleanUp();
        return accepted.estimatedSize();
    }

    private Duration untilExpiry(Jwt jwt) {
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static long nanos(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }
}
