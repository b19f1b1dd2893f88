package com.cruddur.messaging.adapters.postgres.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** What other modules' end-to-end tests rely on: real access tokens, their issuer, the JWKS, a clean stop. */
class CognitoLocalFixtureTest {

    @Test
    void issuesAccessTokensForItsUsersAndStopsByPid() throws Exception {
        long pid;
        try (CognitoLocalFixture cognito = CognitoLocalFixture.start()) {
            pid = cognito.pid();
            String pool = cognito.createUserPool("tokens");
            String client = cognito.createAppClient(pool, "web");
            String sub = cognito.createUser(pool, "bayko@example.com", "bayko", "Andrew Bayko", "Passw0rd!");

            String token = cognito.accessToken(client, "bayko@example.com", "Passw0rd!");

            String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            assertThat(claims)
                    .contains("\"sub\":\"" + sub + "\"")
                    .contains("\"iss\":\"" + cognito.issuer(pool) + "\"")
                    .contains("\"token_use\":\"access\"")
                    .contains("\"client_id\":\"" + client + "\"");
            HttpResponse<String> jwks = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(cognito.jwksUri(pool)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(jwks.statusCode()).isEqualTo(200);
            assertThat(jwks.body()).contains("\"kid\":\"CognitoLocal\"");
            assertThat(cognito.endpoint().getHost()).isEqualTo("127.0.0.1");
        }
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }
}
