package com.cruddur.messaging.adapters.web.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import reactor.test.StepVerifier;

class CognitoAccessTokensTest {

    @Test
    void unreachableKeysAreAServiceFailureNotABadToken() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SigningKeys keys = new SigningKeys(URI.create("http://127.0.0.1:" + closedPort + "/jwks.json"),
                Duration.ofMinutes(5), Duration.ofSeconds(10), Clock.systemUTC());
        var decoder = CognitoAccessTokens.fromJwks(keys, CognitoAccessTokens.validator("https://issuer", List.of("client"), Duration.ofSeconds(60)));

        StepVerifier.create(decoder.decode(token()))
                .expectErrorMatches(error -> error instanceof JwtException && !(error instanceof BadJwtException))
                .verify(Duration.ofSeconds(30));
    }

    private static String token() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k").build(),
                new JWTClaimsSet.Builder().subject("s").issuer("https://issuer").claim("client_id", "client")
                        .claim("token_use", "access").expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
