package com.cruddur.messaging.bootstrap.benchmark;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A stand-in Cognito user pool for the service's production validation chain: a test RSA key, its JWKS served on
 * 127.0.0.1 by the JDK's HTTP server, and access tokens of Cognito's shape (RS256 with a {@code kid}; {@code iss},
 * {@code client_id}, {@code token_use=access}, {@code sub}, {@code exp}; no {@code aud}).
 */
final class TestIssuer implements AutoCloseable {

    static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Benchmark";
    static final String CLIENT_ID = "benchmarkclient0000000001";
    private static final String PATH = "/us-east-1_Benchmark/.well-known/jwks.json";

    private final RSAKey key;
    private final HttpServer server;

    private TestIssuer(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    static TestIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("benchmark-key").generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(PATH, exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            return new TestIssuer(key, server);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** An access token for the Cognito user {@code subject}, valid for two hours (longer than any run). */
    String accessToken(String subject) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .claim("client_id", CLIENT_ID)
                .claim("token_use", "access")
                .claim("scope", "aws.cognito.signin.user.admin")
                .claim("auth_time", now.getEpochSecond())
                .claim("username", subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(7200)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
