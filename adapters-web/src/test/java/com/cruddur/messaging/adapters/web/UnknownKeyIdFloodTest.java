package com.cruddur.messaging.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.Participant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Tokens naming made-up key ids are refused without making the service download the pool's keys for each. */
class UnknownKeyIdFloodTest extends WebApiTest {

    @Test
    void aFloodOfRandomKeyIdsIsUnauthorizedAndFetchesTheKeysAtMostOnce() {
        Participant andrew = user("Andrew Brown");
        client.get().uri("/api/message_groups").headers(h -> h.setBearerAuth(tokenOf(andrew)))
                .exchange().expectStatus().isOk();
        int before = TestJwksServer.requests();

        for (int i = 0; i < 30; i++) {
            String forged = TestTokens.signNamingKey(TestTokens.accessClaims("sub-" + i), TestTokens.STRANGER,
                    UUID.randomUUID().toString());
            client.get().uri("/api/message_groups")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + forged)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.errors[0]").isEqualTo("token_invalid");
        }

        assertThat(TestJwksServer.requests() - before).as("downloads of the signing keys").isLessThanOrEqualTo(1);
        client.get().uri("/api/message_groups").headers(h -> h.setBearerAuth(tokenOf(andrew)))
                .exchange().expectStatus().isOk();
    }
}
