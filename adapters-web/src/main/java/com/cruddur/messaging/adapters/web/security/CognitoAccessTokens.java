package com.cruddur.messaging.adapters.web.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
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
import reactor.core.publisher.Mono;

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
     * Tokens checked against the pool's published keys ({@link SigningKeys}: fetched without blocking, kept, and
     * fetched again for an unknown {@code kid} at most once per refresh interval). Keys out of reach are the
     * service's failure, not the token's: they surface as a {@link JwtException} that is not a
     * {@link BadJwtException}, which Spring Security reports as an authentication service failure. A {@code kid}
     * that is still unknown is a bad token (401).
     */
    public static ReactiveJwtDecoder fromJwks(SigningKeys keys, OAuth2TokenValidator<Jwt> validator) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> keys.matching(jwt.getHeader()))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator);
        return token -> refuseOtherAlgorithms(token)
                .then(Mono.defer(() -> decoder.decode(token)))
                .onErrorMap(failure -> !(failure instanceof JwtException),
                        failure -> new JwtException("the signing keys are out of reach: " + failure.getMessage(),
                                failure));
    }

    /** A token signed any other way than RS256 is refused before any key is looked up (or fetched) for it. */
    private static Mono<Void> refuseOtherAlgorithms(String token) {
        try {
            if (JWTParser.parse(token) instanceof SignedJWT signed
                    && !JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
                return Mono.error(new BadJwtException("Unsupported algorithm of " + signed.getHeader().getAlgorithm()));
            }
            return Mono.empty();
        } catch (ParseException malformed) {
            return Mono.empty(); // the decoder refuses it with its own words
        }
    }
}
