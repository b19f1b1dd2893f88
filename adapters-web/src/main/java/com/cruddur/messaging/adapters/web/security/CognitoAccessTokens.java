package com.cruddur.messaging.adapters.web.security;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * What makes a Cognito access token acceptable: an RS256 signature by a published key (found by {@code kid}),
 * {@code exp} present and {@code exp}/{@code nbf} within the skew, {@code iss} exactly the pool's issuer,
 * {@code token_use} {@code access} (an id token is refused), {@code client_id} one of ours and a {@code sub}.
 * There is no audience check: Cognito access tokens carry none.
 */
public final class CognitoAccessTokens {

    private CognitoAccessTokens() {
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer, Collection<String> clientIds, Duration skew) {
        Set<String> allowed = Set.copyOf(clientIds);
        JwtTimestampValidator timestamps = new JwtTimestampValidator(skew);
        timestamps.setAllowEmptyExpiryClaim(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<Object>("token_use", "access"::equals),
                new JwtClaimValidator<Object>("client_id", clientId -> clientId instanceof String id && allowed.contains(id)),
                new JwtClaimValidator<Object>("sub", sub -> sub instanceof String s && !s.isBlank())));
    }

    /**
     * Keys fetched from {@code jwksUrl} without blocking, cached, and fetched again for an unknown {@code kid}.
     * Keys out of reach are the service's failure, not the token's: they surface as a {@link JwtException} that is
     * not a {@link BadJwtException}, which Spring Security reports as an authentication service failure.
     */
    public static ReactiveJwtDecoder fromJwks(String jwksUrl, OAuth2TokenValidator<Jwt> validator) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwksUrl)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator);
        return token -> decoder.decode(token).onErrorMap(failure -> !(failure instanceof JwtException),
                failure -> new JwtException("the signing keys at " + jwksUrl + " are out of reach", failure));
    }
}
