package com.cruddur.messaging.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.Participant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Each rule of {@code SecurityConfiguration}, one assertion per route or switch, so that changing any rule fails
 * here: which routes are open, which need a token, which are closed to everyone, which of Spring Security's
 * defaults are off (sessions, basic and form login, logout, CSRF) and what cross-origin calls may do.
 */
class SecurityRulesTest extends WebApiTest {

    private static final String FRONTEND = "http://localhost:3000";
    private static final String UNKNOWN_GROUP = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";

    private WebTestClient.ResponseSpec anonymous(HttpMethod method, String path) {
        return client.method(method).uri(path).exchange();
    }

    private Consumer<HttpHeaders> bearer(Participant user) {
        return headers -> headers.setBearerAuth(tokenOf(user));
    }

    private void needsAToken(HttpMethod method, String path) {
        anonymous(method, path)
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0]").isEqualTo("token_missing");
    }

    private void isOpen(HttpMethod method, String path, HttpStatus expected) {
        anonymous(method, path).expectStatus().isEqualTo(expected)
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
    }

    // Open routes: answered without a token.

    @Test
    void theUserCardIsOpen() {
        Participant bayko = user("Bayko");
        isOpen(HttpMethod.GET, "/api/users/@" + bayko.handle().value() + "/short", HttpStatus.OK);
        isOpen(HttpMethod.GET, "/api/users/@nobodyhere/short", HttpStatus.NOT_FOUND);
    }

    @Test
    void healthAndItsGroupsAreOpen() {
        isOpen(HttpMethod.GET, "/actuator/health", HttpStatus.OK);
        isOpen(HttpMethod.GET, "/actuator/health/liveness", HttpStatus.OK);
    }

    @Test
    void infoAndPrometheusAreOpen() {
        // Not exposed here: open means the actuator answers (404), not the security rules (401).
        isOpen(HttpMethod.GET, "/actuator/info", HttpStatus.NOT_FOUND);
        isOpen(HttpMethod.GET, "/actuator/prometheus", HttpStatus.NOT_FOUND);
    }

    @Test
    void pathsOutsideTheApiAndTheActuatorAreOpenAndUnknownOnesAreNotFound() {
        isOpen(HttpMethod.GET, "/", HttpStatus.NOT_FOUND);
        isOpen(HttpMethod.GET, "/nothing/here", HttpStatus.NOT_FOUND);
        isOpen(HttpMethod.POST, "/dev/token", HttpStatus.NOT_FOUND);
    }

    // Closed routes: a token is needed.

    @Test
    void theInboxNeedsAToken() {
        needsAToken(HttpMethod.GET, "/api/message_groups");
    }

    @Test
    void aConversationNeedsAToken() {
        needsAToken(HttpMethod.GET, "/api/messages/" + UNKNOWN_GROUP);
    }

    @Test
    void sendingNeedsAToken() {
        needsAToken(HttpMethod.POST, "/api/messages");
    }

    @Test
    void blockingUnblockingAndTheListOfBlocksNeedAToken() {
        Participant bayko = user("Bayko");
        needsAToken(HttpMethod.POST, "/api/users/@" + bayko.handle().value() + "/block");
        needsAToken(HttpMethod.DELETE, "/api/users/@" + bayko.handle().value() + "/block");
        needsAToken(HttpMethod.GET, "/api/blocks");
        Participant andrew = user("Andrew Brown");
        client.post().uri("/api/users/@" + bayko.handle().value() + "/block").headers(bearer(andrew)).exchange()
                .expectStatus().isOk();
        client.delete().uri("/api/users/@" + bayko.handle().value() + "/block").headers(bearer(andrew)).exchange()
                .expectStatus().isNoContent();
        client.get().uri("/api/blocks").headers(bearer(andrew)).exchange().expectStatus().isOk();
    }

    @Test
    void editingAndDeletingAMessageNeedAToken() {
        needsAToken(HttpMethod.PATCH, "/api/messages/" + UNKNOWN_GROUP + "/" + UNKNOWN_GROUP);
        needsAToken(HttpMethod.DELETE, "/api/messages/" + UNKNOWN_GROUP + "/" + UNKNOWN_GROUP);
    }

    @Test
    void theEventStreamNeedsAToken() {
        needsAToken(HttpMethod.GET, "/api/events");
    }

    @Test
    void unknownPathsUnderTheApiNeedATokenBeforeTheyAreNotFound() {
        needsAToken(HttpMethod.GET, "/api/nothing");
        client.get().uri("/api/nothing").headers(bearer(user("Andrew Brown"))).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void otherActuatorEndpointsAreClosedToEveryone() {
        needsAToken(HttpMethod.GET, "/actuator/env");
        Participant andrew = user("Andrew Brown");
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator", "/actuator/health-x"}) {
            client.get().uri(path).headers(bearer(andrew)).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail").isEqualTo("this resource is not available to you")
                    .jsonPath("$.errors[0]").isEqualTo("access_denied");
        }
    }

    // Refused methods: only GET of the user card is open; the other ways in are off.

    @Test
    void onlyGetOfTheUserCardIsOpen() {
        Participant bayko = user("Bayko");
        String card = "/api/users/@" + bayko.handle().value() + "/short";
        needsAToken(HttpMethod.POST, card);
        needsAToken(HttpMethod.PUT, card);
        needsAToken(HttpMethod.DELETE, card);
    }

    @Test
    void basicAuthenticationIsOff() {
        client.get().uri("/api/message_groups").headers(headers -> headers.setBasicAuth("andrew", "secret"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void formLoginAndLogoutAreOff() {
        isOpen(HttpMethod.GET, "/login", HttpStatus.NOT_FOUND);
        isOpen(HttpMethod.POST, "/login", HttpStatus.NOT_FOUND);
        isOpen(HttpMethod.POST, "/logout", HttpStatus.NOT_FOUND);
        isOpen(HttpMethod.GET, "/logout", HttpStatus.NOT_FOUND);
    }

    @Test
    void aPostWithATokenNeedsNoCsrfToken() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        client.post().uri("/api/messages").headers(bearer(andrew)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json("{'message':'hi','handle':'%s'}".formatted(bayko.handle().value())))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void noSessionIsKeptAndNoRequestIsSaved() {
        Participant andrew = user("Andrew Brown");
        client.get().uri("/api/message_groups").headers(bearer(andrew)).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        anonymous(HttpMethod.GET, "/api/message_groups")
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        // The token authenticates this request only: the next one without it is anonymous again.
        needsAToken(HttpMethod.GET, "/api/message_groups");
    }

    // Cross-origin calls: the frontend's origin, these methods and headers, on the API and the token issuer only.

    private WebTestClient.ResponseSpec preflight(String path, String method, String headers) {
        return client.options().uri(path)
                .header(HttpHeaders.ORIGIN, FRONTEND)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, headers)
                .exchange();
    }

    @Test
    void theFrontendMayGetHeadPostAndDeleteWithItsHeaders() {
        for (String method : new String[] {"GET", "HEAD", "POST", "DELETE"}) {
            preflight("/api/messages", method, "authorization,content-type,accept,idempotency-key")
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONTEND)
                    .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600")
                    .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                            allowed -> assertThat(allowed).contains(method));
        }
    }

    @Test
    void theFrontendMayEditAndDeleteMessages() {
        for (String method : new String[] {"PATCH", "DELETE"}) {
            preflight("/api/messages/" + UNKNOWN_GROUP + "/" + UNKNOWN_GROUP, method, "authorization,content-type")
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONTEND)
                    .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                            allowed -> assertThat(allowed).contains(method));
        }
    }

    @Test
    void theFrontendMayNotUseOtherMethodsOrHeaders() {
        preflight("/api/messages", "PUT", "authorization").expectStatus().isForbidden();
        preflight("/api/messages", "TRACE", "authorization").expectStatus().isForbidden();
        preflight("/api/messages", "POST", "x-other").expectStatus().isForbidden();
    }

    @Test
    void theTokenIssuerMayBeCalledFromTheFrontendAndTheActuatorMayNot() {
        preflight("/dev/token", "POST", "content-type")
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONTEND);
        preflight("/actuator/health", "GET", "accept")
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void theFrontendReadsTheAuthorizationAndLinkHeaders() {
        client.get().uri("/api/message_groups").headers(bearer(user("Andrew Brown")))
                .header(HttpHeaders.ORIGIN, FRONTEND)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed).contains("Authorization", "Link"));
    }
}
