package com.cruddur.messaging.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** Each claim rule of a Cognito access token, one at a time, on a token that keeps every other rule. */
class AccessTokenClaimsTest {

    private static final String ISSUER = "https://cognito-idp.ca-central-1.amazonaws.com/ca-central-1_pool";

    private final OAuth2TokenValidator<Jwt> validator =
            CognitoAccessTokens.validator(ISSUER, List.of("client-a", "client-b"), Duration.ofSeconds(60));

    private static Jwt token(Consumer<Jwt.Builder> change) {
        Instant now = Instant.now();
        Jwt.Builder builder = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .issuer(ISSUER)
                .subject("5b7f3c1e-0000-4000-8000-000000000001")
                .claim("token_use", "access")
                .claim("client_id", "client-a")
                .issuedAt(now.minusSeconds(3600))
                .expiresAt(now.plusSeconds(600));
        change.accept(builder);
        return builder.build();
    }

    private boolean accepted(Consumer<Jwt.Builder> change) {
        return !validator.validate(token(change)).hasErrors();
    }

    @Test
    void aTokenThatKeepsEveryRuleIsAccepted() {
        assertThat(accepted(token -> { })).isTrue();
        assertThat(accepted(token -> token.claim("client_id", "client-b"))).isTrue();
    }

    @Test
    void theSubjectMustBeANonBlankString() {
        assertThat(accepted(token -> token.claims(claims -> claims.remove("sub")))).isFalse();
        assertThat(accepted(token -> token.subject(""))).isFalse();
        assertThat(accepted(token -> token.subject("   "))).isFalse();
        assertThat(accepted(token -> token.claim("sub", 42))).isFalse();
    }

    @Test
    void onlyAccessTokensAreAccepted() {
        assertThat(accepted(token -> token.claim("token_use", "id"))).isFalse();
        assertThat(accepted(token -> token.claims(claims -> claims.remove("token_use")))).isFalse();
    }

    @Test
    void theClientMustBeOneOfOurs() {
        assertThat(accepted(token -> token.claim("client_id", "client-c"))).isFalse();
        assertThat(accepted(token -> token.claim("client_id", List.of("client-a")))).isFalse();
        assertThat(accepted(token -> token.claims(claims -> claims.remove("client_id")))).isFalse();
    }

    @Test
    void theIssuerMustBeThePools() {
        assertThat(accepted(token -> token.issuer(ISSUER + "x"))).isFalse();
    }

    @Test
    void theTokenMustHaveAnExpiryNotPastTheSkew() {
        assertThat(accepted(token -> token.claims(claims -> claims.remove("exp")))).isFalse();
        assertThat(accepted(token -> token.expiresAt(Instant.now().minusSeconds(120)))).isFalse();
        assertThat(accepted(token -> token.expiresAt(Instant.now().minusSeconds(30)))).isTrue();
        assertThat(accepted(token -> token.notBefore(Instant.now().plusSeconds(120)))).isFalse();
    }
}
