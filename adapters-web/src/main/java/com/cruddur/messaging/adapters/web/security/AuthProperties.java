package com.cruddur.messaging.adapters.web.security;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cruddur.auth.*}: which Cognito access tokens are accepted, and how long a caller's identity is reused.
 *
 * @param jwksUrl         where the signing keys are published (emulators serve them from another host than
 *                        {@code iss}, so it is separate from the issuer)
 * @param issuer          the exact {@code iss} accepted, e.g. {@code https://cognito-idp.<region>.amazonaws.com/<pool>}
 * @param clientIds       the app clients whose tokens are accepted ({@code client_id} claim; Cognito access tokens
 *                        carry no {@code aud})
 * @param clockSkew       tolerance on {@code exp} and {@code nbf}
 * @param callerCacheTtl  how long a subject's user is reused before the directory is asked again
 * @param callerCacheSize how many subjects are remembered at most
 * @param devTokenTtl     lifetime of the tokens {@code POST /dev/token} issues (embedded default only)
 * @param tokenCacheSize  how many accepted tokens are remembered at most (each until its {@code exp}), so a
 *                        client's next request with the same token is not verified again
 * @param jwksRefreshInterval the least time between two downloads of the signing keys caused by tokens whose
 *                        {@code kid} is not among the known keys (rotation is picked up within it)
 */
@ConfigurationProperties("cruddur.auth")
@Validated
public record AuthProperties(String jwksUrl,
                             String issuer,
                             @DefaultValue List<String> clientIds,
                             @DefaultValue("60s") @DurationMin(seconds = 0) Duration clockSkew,
                             @DefaultValue("60s") @DurationMin(seconds = 0) Duration callerCacheTtl,
                             @DefaultValue("10000") @Min(0) int callerCacheSize,
                             @DefaultValue("1h") @DurationMin(seconds = 1) Duration devTokenTtl,
                             @DefaultValue("5m") @DurationMin(seconds = 0) Duration jwksRefreshInterval,
                             @DefaultValue("4096") @Min(0) int tokenCacheSize) {

    String requiredJwksUrl() {
        return required(jwksUrl, "cruddur.auth.jwks-url");
    }

    String requiredIssuer() {
        return required(issuer, "cruddur.auth.issuer");
    }

    List<String> requiredClientIds() {
        if (clientIds.isEmpty()) {
            throw new IllegalStateException("cruddur.auth.client-ids must list the accepted Cognito app client ids");
        }
        return clientIds;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " must be set");
        }
        return value;
    }
}
