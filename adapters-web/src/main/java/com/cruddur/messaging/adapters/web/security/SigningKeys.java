package com.cruddur.messaging.adapters.web.security;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The user pool's published signing keys, fetched without blocking and kept. A token whose {@code kid} is not among
 * them is the one reason to fetch again, and that happens at most once per refresh interval however many such
 * tokens arrive, so anonymous tokens with made-up key ids cannot make the service download the keys over and over
 * (Spring's remote key source fetches once per unknown {@code kid}; Nimbus' rate limiter allows two per interval).
 * The first such token after start-up may fetch at once, so a key rotated in just before is found without delay.
 * Requests that meet a fetch in flight wait for it instead of starting their own.
 *
 * <p>A refresh that fails keeps the keys already known. While no fetch has succeeded yet, a failed one may be
 * retried after {@link #RETRY_AFTER_FAILURE}, so a key server that was down at start-up is found again soon.
 */
public final class SigningKeys {

    /** How soon a failed first fetch may be retried (never sooner than the refresh interval allows otherwise). */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    /** One fetch: its (cached) outcome and when it started. */
    private record Fetch(Mono<JWKSet> keys, Instant startedAt) {
    }

    private final URI url;
    private final Duration refreshInterval;
    private final Duration fetchTimeout;
    private final Clock clock;
    private final WebClient http = WebClient.create();
    private final AtomicReference<Fetch> latest = new AtomicReference<>();
    private final AtomicReference<JWKSet> known = new AtomicReference<>();
    /** When an unknown {@code kid} last caused a fetch; the first fetch (no key known yet) does not count. */
    private volatile Instant lastFetchForUnknownKey;

    public SigningKeys(URI url, Duration refreshInterval, Duration fetchTimeout, Clock clock) {
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("the signing keys refresh interval must be positive, got "
                    + refreshInterval);
        }
        this.url = url;
        this.refreshInterval = refreshInterval;
        this.fetchTimeout = fetchTimeout;
        this.clock = clock;
    }

    /** The published keys that may have signed a token with this header; none when its {@code kid} is unknown. */
    public Flux<JWK> matching(JWSHeader header) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        return Mono.defer(() -> {
            Fetch seen = current();
            return seen.keys()
                    .onErrorResume(failure -> newerThan(seen, seen.startedAt().plus(retryAfterFailure()), false)
                            .map(Fetch::keys)
                            .orElseGet(() -> Mono.error(failure)))
                    .flatMap(keys -> {
                        List<JWK> found = selector.select(keys);
                        if (!found.isEmpty()) {
                            return Mono.just(found);
                        }
                        Instant last = lastFetchForUnknownKey;
                        Instant earliest = last == null ? Instant.MIN : last.plus(refreshInterval);
                        return newerThan(seen, earliest, true)
                                .map(fetch -> fetch.keys().map(selector::select))
                                .orElseGet(() -> Mono.just(List.of()));
                    });
        }).flatMapMany(Flux::fromIterable);
    }

    private Fetch current() {
        Fetch fetch = latest.get();
        if (fetch != null) {
            return fetch;
        }
        Fetch first = start();
        return latest.compareAndSet(null, first) ? first : latest.get();
    }

    /**
     * A fetch newer than {@code seen}: one somebody else started already, or a new one when it is {@code earliest}
     * or later; empty when it is too early to fetch again.
     */
    private Optional<Fetch> newerThan(Fetch seen, Instant earliest, boolean forUnknownKey) {
        Fetch now = latest.get();
        if (now != seen) {
            return Optional.of(now);
        }
        Instant time = clock.instant();
        if (time.isBefore(earliest)) {
            return Optional.empty();
        }
        Fetch next = start();
        if (!latest.compareAndSet(seen, next)) {
            return Optional.of(latest.get());
        }
        if (forUnknownKey) {
            lastFetchForUnknownKey = time;
        }
        return Optional.of(next);
    }

    /** Lazy until the first request subscribes; then shared by every request that meets it. */
    private Fetch start() {
        Mono<JWKSet> keys = Mono.defer(this::download)
                .doOnNext(fetched -> {
                    known.set(fetched);
                    log.info("fetched {} signing keys from {}", fetched.getKeys().size(), url);
                })
                .onErrorResume(failure -> {
                    JWKSet kept = known.get();
                    if (kept == null) {
                        return Mono.error(failure);
                    }
                    log.warn("the signing keys at {} could not be fetched again ({}); keeping the {} known ones",
                            url, failure.toString(), kept.getKeys().size());
                    return Mono.just(kept);
                })
                .cache();
        return new Fetch(keys, clock.instant());
    }

    private Mono<JWKSet> download() {
        return http.get().uri(url).retrieve().bodyToMono(String.class)
                .timeout(fetchTimeout)
                .map(body -> {
                    try {
                        return JWKSet.parse(body);
                    } catch (java.text.ParseException e) {
                        throw new IllegalStateException("the signing keys at " + url + " are not a JWK set", e);
                    }
                });
    }

    private Duration retryAfterFailure() {
        return RETRY_AFTER_FAILURE.compareTo(refreshInterval) < 0 ? RETRY_AFTER_FAILURE : refreshInterval;
    }
}
