package com.cruddur.messaging.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.contract.ContractFixtures;
import com.cruddur.messaging.application.fake.InMemoryUserDirectory;
import com.cruddur.messaging.domain.Participant;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * In the embedded default, {@code POST /dev/token} signs in seeded users (subject {@code local-<handle>}) and the API
 * trusts only that key, through the same validators as Cognito's tokens. The tokens carry the fixed development
 * issuer and client id even when a Cognito pool is configured (here, to prove it is ignored), and only requests for
 * a loopback name get one.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.address=127.0.0.1",
                "cruddur.auth.issuer=" + TestTokens.ISSUER,
                "cruddur.auth.client-ids=" + TestTokens.CLIENT_ID,
        })
@AutoConfigureWebTestClient(timeout = "30s")
@ActiveProfiles("embedded")
class DevTokenTest {

    private static final String DEVELOPMENT_ISSUER = "urn:cruddur:development-token-issuer";
    private static final String DEVELOPMENT_CLIENT_ID = "cruddur-development";

    @Autowired
    WebTestClient client;
    @Autowired
    InMemoryUserDirectory directory;

    @Test
    void issuesACognitoShapedAccessTokenTheApiAccepts() throws ParseException {
        Participant bayko = seeded("Bayko");
        Instant before = Instant.now().minusSeconds(1);

        Map<String, Object> body = client.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"handle\":\"" + bayko.handle() + "\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();

        assertThat(body.keySet()).containsExactlyInAnyOrder("access_token", "expires_in");
        assertThat(body.get("expires_in")).isEqualTo(3600);
        SignedJWT token = SignedJWT.parse((String) body.get("access_token"));
        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(token.getHeader().getKeyID()).isNotBlank();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("local-" + bayko.handle());
        assertThat(claims.getIssuer()).isEqualTo(DEVELOPMENT_ISSUER);
        assertThat(claims.getStringClaim("token_use")).isEqualTo("access");
        assertThat(claims.getStringClaim("client_id")).isEqualTo(DEVELOPMENT_CLIENT_ID);
        assertThat(claims.getAudience()).isEmpty();
        assertThat(claims.getExpirationTime().toInstant()).isAfter(before.plusSeconds(3599));

        client.get().uri("/api/message_groups")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + body.get("access_token"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("[]");
    }

    @Test
    void unknownHandleIsNotFound() {
        client.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"handle\":\"nobodyhere\"}")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors").isEqualTo(List.of("user_not_found"));
        client.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void tokensSignedByAnyOtherKeyAreRefused() {
        Participant bayko = seeded("Bayko");
        JWTClaimsSet.Builder claims = TestTokens.accessClaims("local-" + bayko.handle())
                .issuer(DEVELOPMENT_ISSUER)
                .claim("client_id", DEVELOPMENT_CLIENT_ID);

        client.get().uri("/api/message_groups")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.sign(claims, TestTokens.PUBLISHED))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aTokenOfTheConfiguredCognitoPoolIsNotAccepted() {
        Participant bayko = seeded("Bayko");

        client.get().uri("/api/message_groups")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("local-" + bayko.handle()))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:8080", "localhost.evil.example", "127.0.0.1.nip.io",
            "192.0.2.10", "[::2]:8080"})
    void aRequestForAnyOtherHostGetsNoToken(String host) {
        Participant bayko = seeded("Bayko");

        client.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.HOST, host)
                .bodyValue("{\"handle\":\"" + bayko.handle() + "\"}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors").isEqualTo(List.of("host_not_loopback"))
                .jsonPath("$.access_token").doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST:8080", "127.0.0.1", "127.0.0.1:8080", "[::1]", "[::1]:8080"})
    void aRequestForALoopbackNameGetsAToken(String host) {
        Participant bayko = seeded("Bayko");

        client.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.HOST, host)
                .bodyValue("{\"handle\":\"" + bayko.handle() + "\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.access_token").isNotEmpty();
    }

    @Test
    void listsTheUsersWhoCanSignInByHandleAndName() {
        Participant bayko = seeded("Bayko");
        Participant londo = seeded("Londo Mollari");

        List<Map<String, Object>> users = client.get().uri("/dev/users")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();

        assertThat(users).contains(
                Map.of("handle", bayko.handle().value(), "display_name", "Bayko"),
                Map.of("handle", londo.handle().value(), "display_name", "Londo Mollari"));
        assertThat(users).allSatisfy(user -> assertThat(user.keySet())
                .containsExactlyInAnyOrder("handle", "display_name"));
        assertThat(users).extracting(user -> (String) user.get("handle")).isSorted();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "localhost.evil.example", "192.0.2.10:8080"})
    void theListOfUsersIsOnlyForRequestsForALoopbackName(String host) {
        seeded("Bayko");

        client.get().uri("/dev/users")
                .header(HttpHeaders.HOST, host)
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors").isEqualTo(List.of("host_not_loopback"))
                .jsonPath("$[0]").doesNotExist();
    }

    @Test
    void theRestOfTheApiWorksAsInEveryProfile() {
        Participant bayko = seeded("Bayko");
        client.get().uri("/api/users/@{handle}/short", bayko.handle().value())
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.display_name").isEqualTo("Bayko");
    }

    /** As the embedded default stores the demo users: with {@code local-<handle>} as their Cognito subject. */
    private Participant seeded(String displayName) {
        Participant participant = ContractFixtures.participant(displayName);
        directory.add(participant, "local-" + participant.handle());
        return participant;
    }
}
