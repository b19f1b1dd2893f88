package com.cruddur.messaging.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.contract.ContractFixtures;
import com.cruddur.messaging.domain.Participant;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Only Cognito access tokens of our pool and our app clients, signed by a published key, get in. */
class TokenValidationTest extends WebApiTest {

    @Test
    void validAccessTokenOfAKnownUserIsAccepted() {
        Participant andrew = user("Andrew Brown");
        call("Bearer " + tokenOf(andrew)).expectStatus().isOk();
    }

    @Test
    void tokenWithTypeHeaderAsCognitoLocalSignsIsAccepted() {
        String subject = knownSubject();
        call("Bearer " + TestTokens.signTyped(TestTokens.accessClaims(subject), TestTokens.PUBLISHED))
                .expectStatus().isOk();
    }

    @Test
    void tokenOfTheSecondAllowedClientIsAccepted() {
        String subject = knownSubject();
        call("Bearer " + TestTokens.sign(TestTokens.accessClaims(subject).claim("client_id", TestTokens.OTHER_CLIENT_ID),
                TestTokens.PUBLISHED)).expectStatus().isOk();
    }

    @Test
    void expiryWithinTheClockSkewIsAccepted() {
        String subject = knownSubject();
        call("Bearer " + TestTokens.sign(TestTokens.accessClaims(subject)
                .issueTime(Date.from(Instant.now().minusSeconds(3630)))
                .expirationTime(Date.from(Instant.now().minusSeconds(30))), TestTokens.PUBLISHED))
                .expectStatus().isOk();
    }

    @Test
    void noAuthorizationHeaderIsUnauthorized() {
        client.get().uri("/api/message_groups").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.errors").isEqualTo(List.of("token_missing"));
    }

    @Test
    void malformedAuthorizationHeadersAreUnauthorized() {
        for (String header : List.of("Bearer", "Bearer ", "Bearer a b", "Bearer not-a-jwt", "Bearer a.b.c",
                "Basic YWxpY2U6c2VjcmV0", "token " + tokenOf(user("Andrew Brown")))) {
            call(header).expectStatus().isUnauthorized()
                    .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"))
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void expiredTokenIsUnauthorized() {
        refused(TestTokens.accessClaims(knownSubject())
                .issueTime(Date.from(Instant.now().minusSeconds(3720)))
                .expirationTime(Date.from(Instant.now().minusSeconds(120))), "Jwt expired at");
    }

    @Test
    void tokenWithoutExpiryIsUnauthorized() {
        refused(TestTokens.accessClaims(knownSubject()).expirationTime(null), "exp is required");
    }

    @Test
    void notYetValidTokenIsUnauthorized() {
        refused(TestTokens.accessClaims(knownSubject()).notBeforeTime(Date.from(Instant.now().plusSeconds(120))), "Jwt used before");
    }

    @Test
    void tokenOfAnotherIssuerIsUnauthorized() {
        refused(TestTokens.accessClaims(knownSubject())
                .issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_OtherPool"), "The iss claim is not valid");
        refused(TestTokens.accessClaims(knownSubject()).issuer(null), "The iss claim is not valid");
    }

    @Test
    void tokenOfAnotherAppClientIsUnauthorized() {
        refused(TestTokens.accessClaims(knownSubject()).claim("client_id", "someoneelsesclient"),
                "The client_id claim is not valid");
        refused(TestTokens.accessClaims(knownSubject()).claim("client_id", null), "The client_id claim is not valid");
    }

    @Test
    void idTokenIsUnauthorized() {
        refused(TestTokens.accessClaims(knownSubject()).claim("token_use", "id").claim("client_id", null)
                .audience(TestTokens.CLIENT_ID), "The token_use claim is not valid");
        refused(TestTokens.accessClaims(knownSubject()).claim("token_use", "id"), "The token_use claim is not valid");
        refused(TestTokens.accessClaims(knownSubject()).claim("token_use", null), "The token_use claim is not valid");
    }

    @Test
    void tokenWithoutSubjectIsUnauthorized() {
        refused(TestTokens.accessClaims(knownSubject()).subject(null), "The sub claim is not valid");
    }

    @Test
    void unsignedTokenIsUnauthorized() {
        refused("Bearer " + TestTokens.unsigned(TestTokens.accessClaims(knownSubject())),
                "Unsupported algorithm of none");
    }

    @Test
    void hmacSignedTokenIsUnauthorized() {
        refused("Bearer " + TestTokens.hmacSigned(TestTokens.accessClaims(knownSubject())),
                "Unsupported algorithm of HS256");
    }

    @Test
    void tamperedTokenIsUnauthorized() {
        String mallorySubject = knownSubject();
        String genuine = TestTokens.valid(knownSubject());
        String[] parts = genuine.split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                TestTokens.accessClaims(mallorySubject).build().toString().getBytes());

        refused("Bearer " + parts[0] + "." + forgedPayload + "." + parts[2], "Failed to validate the token");
    }

    @Test
    void tokenSignedByAnUnpublishedKeyIsUnauthorized() {
        refused("Bearer " + TestTokens.sign(TestTokens.accessClaims(knownSubject()), TestTokens.STRANGER),
                "Failed to validate the token");
    }

    @Test
    void tokenSignedByAnotherKeyUnderThePublishedKidIsUnauthorized() {
        refused("Bearer " + TestTokens.sign(TestTokens.accessClaims(knownSubject()), TestTokens.IMPOSTOR),
                "Failed to validate the token");
    }

    @Test
    void validTokenOfAUserTheDirectoryDoesNotKnowIsForbidden() {
        call("Bearer " + TestTokens.valid(UUID.randomUUID().toString()))
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.errors").isEqualTo(List.of("user_unknown"));
        client.post().uri("/api/messages").header(HttpHeaders.AUTHORIZATION,
                        "Bearer " + TestTokens.valid(UUID.randomUUID().toString()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"message\":\"hi\",\"handle\":\"x\"}")
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void userSyncedAfterAFirstRefusalIsRecognisedAtOnce() {
        String subject = UUID.randomUUID().toString();
        call("Bearer " + TestTokens.valid(subject)).expectStatus().isForbidden();

        directory.add(ContractFixtures.participant("Late Comer"), subject);

        call("Bearer " + TestTokens.valid(subject)).expectStatus().isOk();
    }

    @Test
    void everyMessagingRouteNeedsAToken() {
        client.get().uri("/api/messages/5ae290ed-55d1-47a0-bc6d-fe2bc2700399").exchange()
                .expectStatus().isUnauthorized();
        client.post().uri("/api/messages").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"message\":\"hi\",\"handle\":\"x\"}").exchange()
                .expectStatus().isUnauthorized();
    }

    private String knownSubject() {
        Participant participant = ContractFixtures.participant("Known");
        String subject = UUID.randomUUID().toString();
        directory.add(participant, subject);
        return subject;
    }

    private void refused(JWTClaimsSet.Builder claims, String reason) {
        refused("Bearer " + TestTokens.sign(claims, TestTokens.PUBLISHED), reason);
    }

    /** 401, and for the reason given (so a test cannot pass because of another flaw of its token). */
    private void refused(String authorization, String reason) {
        call(authorization)
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                        value -> assertThat(value).startsWith("Bearer error=\"invalid_token\"").contains(reason))
                .expectBody().jsonPath("$.errors").isEqualTo(List.of("token_invalid"));
    }

    private WebTestClient.ResponseSpec call(String authorization) {
        return client.get().uri("/api/message_groups")
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .exchange();
    }
}
