package com.cruddur.messaging.adapters.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Real RS256 tokens shaped as Cognito access tokens, signed by a key the test JWKS publishes, or by others. */
final class TestTokens {

    static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool";
    static final String CLIENT_ID = "5t2tclientidfortests0000a";
    static final String OTHER_CLIENT_ID = "5t2tclientidfortests0000b";
    static final String PUBLISHED_KID = "published-key";

    /** The key the JWKS serves. */
    static final RSAKey PUBLISHED = generate(PUBLISHED_KID);
    /** A key nobody publishes. */
    static final RSAKey STRANGER = generate("stranger-key");
    /** A key nobody publishes, claiming to be the published one. */
    static final RSAKey IMPOSTOR = generate(PUBLISHED_KID);

    private TestTokens() {
    }

    /** The claims Cognito puts in an access token, valid now for an hour. */
    static JWTClaimsSet.Builder accessClaims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .claim("client_id", CLIENT_ID)
                .claim("origin_jti", UUID.randomUUID().toString())
                .claim("event_id", UUID.randomUUID().toString())
                .claim("token_use", "access")
                .claim("scope", "aws.cognito.signin.user.admin")
                .claim("auth_time", now.getEpochSecond())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .jwtID(UUID.randomUUID().toString())
                .claim("username", subject);
    }

    static String valid(String subject) {
        return sign(accessClaims(subject), PUBLISHED);
    }

    /** As real Cognito signs: RS256 with a {@code kid}, no {@code typ}. */
    static String sign(JWTClaimsSet.Builder claims, RSAKey key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Signed by {@code key} but naming {@code kid} as its key, as a forger probing for keys would. */
    static String signNamingKey(JWTClaimsSet.Builder claims, RSAKey key, String kid) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** As cognito-local signs: with {@code typ: JWT}. */
    static String signTyped(JWTClaimsSet.Builder claims, RSAKey key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static String unsigned(JWTClaimsSet.Builder claims) {
        return new PlainJWT(claims.build()).serialize();
    }

    /** HS256 with a secret a forger could know: must be refused, only RS256 is accepted. */
    static String hmacSigned(JWTClaimsSet.Builder claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(PUBLISHED_KID).build(),
                claims.build());
        try {
            jwt.sign(new MACSigner("a-shared-secret-of-at-least-256-bits-000000".getBytes()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static String jwksJson() {
        return new JWKSet(PUBLISHED.toPublicJWK()).toString();
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
