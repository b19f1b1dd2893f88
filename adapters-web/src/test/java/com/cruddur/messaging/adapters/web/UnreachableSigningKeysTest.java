package com.cruddur.messaging.adapters.web;

import com.cruddur.messaging.application.contract.ContractFixtures;
import com.cruddur.messaging.application.fake.InMemoryUserDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** When the pool's keys cannot be fetched, the service is unavailable; the client's token is not to blame. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.address=127.0.0.1",
                "cruddur.auth.jwks-url=http://127.0.0.1:1/us-east-1_TestPool/.well-known/jwks.json",
                "cruddur.auth.issuer=" + TestTokens.ISSUER,
                "cruddur.auth.client-ids=" + TestTokens.CLIENT_ID,
        })
@AutoConfigureWebTestClient(timeout = "30s")
class UnreachableSigningKeysTest {

    @Autowired
    WebTestClient client;
    @Autowired
    InMemoryUserDirectory directory;

    @Test
    void aValidTokenCannotBeCheckedAndTheAnswerIs503() {
        directory.add(ContractFixtures.participant("Andrew"), "sub-andrew");

        client.get().uri("/api/message_groups")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("sub-andrew"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0]").isEqualTo("auth_unavailable");
    }

    @Test
    void publicRoutesStillWork() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
