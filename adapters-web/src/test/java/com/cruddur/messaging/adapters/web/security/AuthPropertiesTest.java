package com.cruddur.messaging.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outside the embedded default the service needs the pool's keys, issuer and app clients: none has a default. */
class AuthPropertiesTest {

    private static AuthProperties of(String jwksUrl, String issuer, List<String> clientIds) {
        return new AuthProperties(jwksUrl, issuer, clientIds, Duration.ofSeconds(60), Duration.ofSeconds(60), 10_000,
                Duration.ofHours(1), Duration.ofMinutes(5), 4096);
    }

    @Test
    void setValuesAreTakenAsTheyAre() {
        AuthProperties set = of("https://pool/.well-known/jwks.json", "https://pool", List.of("client"));

        assertThat(set.requiredJwksUrl()).isEqualTo("https://pool/.well-known/jwks.json");
        assertThat(set.requiredIssuer()).isEqualTo("https://pool");
        assertThat(set.requiredClientIds()).containsExactly("client");
    }

    @Test
    void aMissingOrBlankValueIsNamedInTheRefusal() {
        assertThatThrownBy(() -> of(null, "i", List.of("c")).requiredJwksUrl())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cruddur.auth.jwks-url");
        assertThatThrownBy(() -> of(" ", "i", List.of("c")).requiredJwksUrl())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cruddur.auth.jwks-url");
        assertThatThrownBy(() -> of("u", null, List.of("c")).requiredIssuer())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cruddur.auth.issuer");
        assertThatThrownBy(() -> of("u", "", List.of("c")).requiredIssuer())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cruddur.auth.issuer");
        assertThatThrownBy(() -> of("u", "i", List.of()).requiredClientIds())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cruddur.auth.client-ids");
    }
}
