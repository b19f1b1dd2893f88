package com.cruddur.messaging.adapters.web.security;

import com.cruddur.messaging.application.IdentifyCaller;
import com.cruddur.messaging.domain.Participant;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * The user behind the request's access token. A subject's user is remembered briefly (a bounded Caffeine cache, no
 * lock taken on the event loop) so most requests do not reach the user directory; requests for a subject whose
 * lookup is under way wait for that one lookup instead of starting their own. An unknown subject is not
 * remembered (a failed or empty lookup leaves no entry), so a user synced a moment later is recognised at once.
 */
public final class Callers {

    private final IdentifyCaller identifyCaller;
    private final AsyncCache<String, Participant> remembered;

    public Callers(IdentifyCaller identifyCaller, Duration ttl, int maxSize, Clock clock) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("the caller cache needs room for at least one subject");
        }
        this.identifyCaller = identifyCaller;
        this.remembered = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maxSize)
                .ticker(() -> nanos(clock.instant()))
                .buildAsync();
    }

    /** The caller of the current request; {@code UnknownCallerException} when the directory does not know them. */
    public Mono<Participant> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .ofType(JwtAuthenticationToken.class)
                .map(token -> token.getToken().getSubject())
                .switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException("no bearer token")))
                .flatMap(this::bySubject);
    }

    public Mono<Participant> bySubject(String subject) {
        // The lookup is shared by every request waiting for it: one request going away must not cancel it.
        return Mono.defer(() -> Mono.fromFuture(
                remembered.get(subject, (key, executor) -> identifyCaller.bySubject(key).toFuture()), true));
    }

    /** Subjects remembered now (after pending evictions are done). */
    long size() {
        remembered.synchronous().cleanUp();
        return remembered.synchronous().estimatedSize();
    }

    private static long nanos(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }
}
