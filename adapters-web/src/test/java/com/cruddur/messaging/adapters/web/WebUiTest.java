package com.cruddur.messaging.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code cruddur.ui.enabled=true} the service serves the web UI: the page at {@code /}, its files under
 * {@code /ui/}, to anyone without a token, with a content security policy that allows only the page's own files and
 * calls; the API keeps needing its token. (Off, both are 404: {@code MessagingApiTest}.) The UI itself is tested in a
 * browser by {@code WebUiIT} in bootstrap.
 */
@TestPropertySource(properties = "cruddur.ui.enabled=true")
class WebUiTest extends WebApiTest {

    @Test
    void thePageIsServedAtTheRootWithoutAToken() {
        String page = client.get().uri("/")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'",
                                "frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline", "unsafe-eval"))
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-cache"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<script type=\"module\" src=\"/ui/app.js\"></script>", "<html lang=\"en\">");
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.js", "api.js", "live.js", "time.js"})
    void itsModulesAreJavaScript(String file) {
        client.get().uri("/ui/" + file)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).startsWith("text/javascript"))
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }

    @Test
    void itsStylesAreCss() {
        client.get().uri("/ui/app.css")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
    }

    @Test
    void nothingElseOfTheClassPathIsServed() {
        client.get().uri("/ui/nothing.js").exchange().expectStatus().isNotFound();
        // A path that climbs out of the folder is refused before any handler (400)
        client.get().uri("/ui/../application.yml").exchange().expectStatus().is4xxClientError();
        client.get().uri("/ui/%2e%2e/application.yml").exchange().expectStatus().is4xxClientError();
        client.get().uri("/index.html").exchange().expectStatus().isNotFound();
    }

    @Test
    void theApiStillNeedsItsToken() {
        client.get().uri("/api/message_groups").exchange().expectStatus().isUnauthorized();
        client.post().uri("/").exchange().expectStatus().isNotFound();
    }
}
