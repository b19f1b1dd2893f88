package com.cruddur.messaging.adapters.web.dev;

import com.cruddur.messaging.adapters.web.security.AuthProperties;
import com.cruddur.messaging.adapters.web.security.CognitoAccessTokens;
import com.cruddur.messaging.application.ShowUser;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Local runs sign in without Cognito: {@code POST /dev/token} issues tokens and the API trusts that key alone,
 * through the same validators as Cognito's tokens. Without the {@code local} profile none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
public class LocalDevTokenConfiguration {

    /** The issuer when {@code cruddur.auth.issuer} is not set. */
    public static final String DEFAULT_ISSUER = "http://localhost:8080/dev";
    /** The client id when {@code cruddur.auth.client-ids} is not set. */
    public static final String DEFAULT_CLIENT_ID = "cruddur-local";

    @Bean
    DevTokenIssuer devTokenIssuer(AuthProperties properties) {
        return new DevTokenIssuer(issuer(properties), clientIds(properties).get(0), properties.devTokenTtl(),
                Clock.systemUTC());
    }

    @Bean
    ReactiveJwtDecoder devJwtDecoder(DevTokenIssuer issuer, AuthProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(issuer.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(CognitoAccessTokens.validator(
                issuer(properties), clientIds(properties), properties.clockSkew()));
        return decoder;
    }

    @Bean
    DevTokenController devTokenController(ShowUser showUser, DevTokenIssuer issuer) {
        return new DevTokenController(showUser, issuer);
    }

    private static String issuer(AuthProperties properties) {
        return properties.issuer() == null || properties.issuer().isBlank() ? DEFAULT_ISSUER : properties.issuer();
    }

    private static List<String> clientIds(AuthProperties properties) {
        return properties.clientIds().isEmpty() ? List.of(DEFAULT_CLIENT_ID) : properties.clientIds();
    }
}
