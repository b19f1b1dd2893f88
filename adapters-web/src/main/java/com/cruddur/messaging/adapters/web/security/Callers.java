package com.cruddur.messaging.adapters.web.security;

import com.cruddur.messaging.application.IdentifyCaller;
import com.cruddur.messaging.domain.Participant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * The user behind the request's access token. A subject's user is remembered briefly (bounded, least recently
 * used out first) so most requests do not reach the user directory; an unknown subject is not remembered, so a
 * user synced a moment later is recognised at once.
 */
public final class Callers {

    private record Remembered(Participant participant, Instant until) {
    }

    private final IdentifyCaller identifyCaller;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Remembered> remembered;

    public Callers(IdentifyCaller identifyCaller, Duration ttl, int maxSize, Clock clock) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("the caller cache needs room for at least one subject");
        }
        this.identifyCaller = identifyCaller;
        this.ttl = ttl;
        this.clock = clock;
        this.remembered = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > maxSize;
            }
        };
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
        return Mono.defer(() -> {
            Participant known = recall(subject);
            if (known != null) {
                return Mono.just(known);
            }
            return identifyCaller.bySubject(subject).doOnNext(participant -> remember(subject, participant));
        });
    }

    private Participant recall(String subject) {
        synchronized (remembered) {
            Remembered entry = remembered.get(subject);
            if (entry == null) {
                return null;
            }
            if (clock.instant().isAfter(entry.until())) {
                remembered.remove(subject);
                return null;
            }
            return entry.participant();
        }
    }

    private void remember(String subject, Participant participant) {
        synchronized (remembered) {
            remembered.put(subject, new Remembered(participant, clock.instant().plus(ttl)));
        }
    }

    int size() {
        synchronized (remembered) {
            return remembered.size();
        }
    }
}
