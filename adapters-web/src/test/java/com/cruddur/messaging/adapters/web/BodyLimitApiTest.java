package com.cruddur.messaging.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.Participant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The request body limit as configured by default (16 KB = 16,384 bytes) at its edge, over HTTP: exactly the limit is
 * a message like any other, in one piece or in chunks; one byte more is 413 with a detail that names the limit.
 */
class BodyLimitApiTest extends WebApiTest {

    private static final int LIMIT = 16 * 1024;

    /** A valid message body padded with spaces (which JSON ignores) to exactly {@code size} bytes. */
    private static String bodyOf(Participant recipient, String text, int size) {
        String body = json("{'message':'%s','handle':'%s'}".formatted(text, recipient.handle().value()));
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        return body.substring(0, body.length() - 1) + " ".repeat(size - length) + "}";
    }

    /** The body in chunks of at most 1,000 bytes, sent without a Content-Length. */
    private static Flux<String> chunksOf(String body) {
        return Flux.range(0, (body.length() + 999) / 1000)
                .map(i -> body.substring(i * 1000, Math.min(body.length(), (i + 1) * 1000)));
    }

    private WebTestClient.RequestBodySpec post(Participant sender) {
        return client.post().uri("/api/messages").headers(headers -> headers.setBearerAuth(tokenOf(sender)))
                .contentType(MediaType.APPLICATION_JSON);
    }

    @Test
    void aBodyOfExactlyTheLimitIsAMessageInOnePieceAndInChunks() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        String whole = bodyOf(bayko, "in one piece", LIMIT);
        String chunked = bodyOf(bayko, "in chunks", LIMIT);
        assertThat(whole.getBytes(StandardCharsets.UTF_8)).hasSize(LIMIT);
        assertThat(chunked.getBytes(StandardCharsets.UTF_8)).hasSize(LIMIT);

        post(andrew).bodyValue(whole).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.message").isEqualTo("in one piece");
        post(andrew).body(chunksOf(chunked), String.class).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.message").isEqualTo("in chunks");
    }

    @Test
    void oneByteOverTheLimitIsTooLargeWithADetailThatNamesTheLimit() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        String over = bodyOf(bayko, "too long", LIMIT + 1);

        for (WebTestClient.RequestHeadersSpec<?> request : List.<WebTestClient.RequestHeadersSpec<?>>of(
                post(andrew).bodyValue(over), post(andrew).body(chunksOf(over), String.class))) {
            request.exchange()
                    .expectStatus().isEqualTo(413)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.CONNECTION, "close")
                    .expectBody()
                    .jsonPath("$.detail").isEqualTo("the request body must be at most 16384 bytes")
                    .jsonPath("$.errors").isEqualTo(List.of("body_too_large"));
        }
        assertThat(store.storedInbox(bayko.id())).isEmpty();
    }

    @Test
    void anAnonymousClientIsRefusedBeforeItsBodyIsWeighed() {
        Participant bayko = user("Bayko");

        client.post().uri("/api/messages").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(bodyOf(bayko, "anonymous", LIMIT + 1)).exchange()
                .expectStatus().isUnauthorized();
    }
}
