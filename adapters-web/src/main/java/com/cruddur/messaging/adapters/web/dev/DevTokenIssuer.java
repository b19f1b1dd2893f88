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

/**
 * Signs Cognito-shaped access tokens for local runs, with an RSA key made at start-up (so tokens die with the
 * process). The subject of handle {@code h} is {@code local-h}: the local seed stores that as the user's
 * {@code cognito_user_id}, so the normal caller lookup finds them.
 */
public final class DevTokenIssuer {

    static final String KEY_ID = "cruddur-local-dev";
    private static final String SUBJECT_PREFIX = "local-";

    private final RSAKey key;
    private final String issuer;
    private final String clientId;
    private final Duration lifetime;
    private final Clock clock;

    public DevTokenIssuer(String issuer, String clientId, Duration lifetime, Clock clock) {
        this.key = generateKey();
        this.issuer = issuer;
        this.clientId = clientId;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The Cognito subject the local seed gives the user with this handle. */
    public static String subjectOf(Handle handle) {
        return SUBJECT_PREFIX + handle.value();
    }

    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException("the generated key has no public part", e);
        }
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String issue(Handle handle) {
        Instant now = clock.instant();
        String subject = subjectOf(handle);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .claim("client_id", clientId)
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
            jwt.sign(new RSASSASigner(key));
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
