package com.cruddur.messaging.adapters.web.dev;

import com.cruddur.messaging.adapters.web.security.AuthProperties;
import com.cruddur.messaging.adapters.web.security.CognitoAccessTokens;
import com.cruddur.messaging.application.ListUsers;
import com.cruddur.messaging.application.ShowUser;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The embedded default signs in without Cognito: {@code GET /dev/users} lists who can sign in, {@code POST /dev/token}
 * issues tokens and the API trusts that key
 * alone, through the same validators as Cognito's tokens. The tokens always carry the fixed development issuer and
 * client id, never configured ones, so they can never pass for a real pool's tokens. Without the {@code embedded}
 * profile none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@Profile("embedded")
public class DevTokenConfiguration {

    @Bean
    DevTokenIssuer devTokenIssuer(AuthProperties properties) {
        return new DevTokenIssuer(properties.devTokenTtl(), Clock.systemUTC());
    }

    /** Built when the issuer's key is made (on its own thread, beside the start-up); tokens wait for it. */
    @Bean
    ReactiveJwtDecoder devJwtDecoder(DevTokenIssuer issuer, AuthProperties properties) {
        Mono<ReactiveJwtDecoder> decoder = issuer.publicKey().map(key -> {
            NimbusReactiveJwtDecoder built = NimbusReactiveJwtDecoder.withPublicKey(key)
                    .signatureAlgorithm(SignatureAlgorithm.RS256)
                    .build();
            built.setJwtValidator(CognitoAccessTokens.validator(
                    DevTokenIssuer.ISSUER, List.of(DevTokenIssuer.CLIENT_ID), properties.clockSkew()));
            return (ReactiveJwtDecoder) built;
        }).cache();
        return token -> decoder.flatMap(built -> built.decode(token));
    }

    @Bean
    DevTokenController devTokenController(ShowUser showUser, DevTokenIssuer issuer) {
        return new DevTokenController(showUser, issuer);
    }

    @Bean
    DevUsersController devUsersController(ListUsers listUsers) {
        return new DevUsersController(listUsers);
    }
}
