package com.cruddur.messaging.adapters.web.dev;

import com.cruddur.messaging.domain.Handle;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * Signs Cognito-shaped access tokens for the embedded default, with an RSA key made at start-up (so tokens die with
 * the process). The key is made on a thread of its own, beside the rest of the start-up (finding a 2048-bit key
 * takes a random while, often hundreds of milliseconds); whatever needs it waits for it without blocking. The subject of handle {@code h} is {@code local-h}: the embedded default stores that as the demo
 * user's {@code cognito_user_id}, so the normal caller lookup finds them.
 */
public final class DevTokenIssuer {

    /** The {@code iss} of every development token; no Cognito pool has it. */
    public static final String ISSUER = "urn:cruddur:development-token-issuer";
    /** The {@code client_id} of every development token. */
    public static final String CLIENT_ID = "cruddur-development";

    static final String KEY_ID = "cruddur-development-key";
    private static final String SUBJECT_PREFIX = "local-";

    private final CompletableFuture<RSAKey> key;
    private final Duration lifetime;
    private final Clock clock;

    public DevTokenIssuer(Duration lifetime, Clock clock) {
        this.key = CompletableFuture.supplyAsync(DevTokenIssuer::generateKey, task -> {
            Thread thread = new Thread(task, "dev-token-key");
            thread.setDaemon(true);
            thread.start();
        });
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The Cognito subject the embedded default gives the demo user with this handle. */
    public static String subjectOf(Handle handle) {
        return SUBJECT_PREFIX + handle.value();
    }

    /** The public half of the key, once it is made. */
    public Mono<RSAPublicKey> publicKey() {
        return Mono.fromFuture(key, true).map(made -> {
            try {
                return made.toRSAPublicKey();
            } catch (JOSEException e) {
                throw new IllegalStateException("the generated key has no public part", e);
            }
        });
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A token for the user with this handle, signed once the key is made. */
    public Mono<String> issue(Handle handle) {
        return Mono.fromFuture(key, true).map(made -> sign(made, handle));
    }

    private String sign(RSAKey signingKey, Handle handle) {
        Instant now = clock.instant();
        String subject = subjectOf(handle);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .claim("client_id", CLIENT_ID)
                .claim("origin_jti", UUID.randomUUID().toString())
                .claim("event_id", UUID.randomUUID().toString())
                .claim("token_use", "access")
                .claim("scope", "aws.cognito.signin.user.admin")
                .claim("auth_time", now.getEpochSecond())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("username", subject)
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with the generated key failed", e);
        }
        return jwt.serialize();
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation is part of every Java runtime", e);
        }
    }
}
