package com.cruddur.messaging.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.SentMessage;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code POST}, {@code DELETE /api/users/@{handle}/block}, {@code GET /api/blocks}, and the 403 a blocked sender gets. */
class BlocksApiTest extends WebApiTest {

    private Participant andrew;
    private Participant bayko;

    @BeforeEach
    void people() {
        andrew = user("Andrew Brown");
        bayko = user("Andrew Bayko");
    }

    private WebTestClient.RequestHeadersSpec<?> block(Participant blocker, String handle) {
        return client.post().uri("/api/users/@{handle}/block", handle).headers(auth(blocker));
    }

    private WebTestClient.RequestHeadersSpec<?> unblock(Participant blocker, String handle) {
        return client.delete().uri("/api/users/@{handle}/block", handle).headers(auth(blocker));
    }

    private WebTestClient.RequestHeadersSpec<?> send(Participant sender, String body) {
        return client.post().uri("/api/messages").headers(auth(sender)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body);
    }

    private String toGroup(MessageGroupId group, String text) {
        return json("{'message':'%s','message_group_uuid':'%s'}").formatted(text, group);
    }

    private String toHandle(Participant recipient, String text) {
        return json("{'message':'%s','handle':'%s'}").formatted(text, recipient.handle().value());
    }

    @Test
    void blockingAnswersTheBlockAndBlockingAgainTheSameOne() {
        String first = block(bayko, andrew.handle().value()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(first).contains("\"uuid\":\"" + andrew.id() + "\"", "\"handle\":\"" + andrew.handle().value() + "\"",
                "\"display_name\":\"Andrew Brown\"", "\"blocked_at\":\"");
        block(bayko, andrew.handle().value()).exchange()
                .expectStatus().isOk()
                .expectBody().json(first, JsonCompareMode.STRICT);
    }

    @Test
    void aBlockedSenderGetsForbiddenBlockedAndNothingIsStored() {
        SentMessage started = start(bayko, andrew, "hi andrew");
        MessageGroupId group = started.message().groupId();
        block(bayko, andrew.handle().value()).exchange().expectStatus().isOk();

        problem(send(andrew, toGroup(group, "but why")).header("Idempotency-Key", "k-1"), 403, "blocked");
        problem(send(andrew, toHandle(bayko, "but why")), 403, "blocked");

        assertThat(stored(bayko, group)).containsExactly(started.message());
        send(bayko, toGroup(group, "the blocker may still write")).exchange().expectStatus().isOk();
        assertThat(stored(bayko, group)).hasSize(2);
    }

    @Test
    void aBlockedUserCannotStartAConversationAndUnblockingRestoresSending() {
        block(bayko, andrew.handle().value()).exchange().expectStatus().isOk();

        problem(send(andrew, toHandle(bayko, "hello")), 403, "blocked");
        assertThat(store.messageGroups().findByPair(ParticipantPair.of(andrew.id(), bayko.id())).block()).isNull();
        assertThat(store.storedInbox(bayko.id())).isEmpty();

        unblock(bayko, andrew.handle().value()).exchange().expectStatus().isNoContent().expectBody().isEmpty();
        send(andrew, toHandle(bayko, "hello")).exchange().expectStatus().isOk();
        assertThat(store.storedInbox(bayko.id())).hasSize(1);
    }

    @Test
    void unblockingSomeoneNotBlockedIsNoContentToo() {
        unblock(bayko, andrew.handle().value()).exchange().expectStatus().isNoContent();
    }

    @Test
    void unknownHandlesAreNotFoundAndOneselfIsRefused() {
        problem(block(bayko, "nobodyhere"), 404, "user_not_found");
        problem(unblock(bayko, "nobodyhere"), 404, "user_not_found");
        problem(block(bayko, bayko.handle().value()), 422, "block_self");
        problem(unblock(bayko, bayko.handle().value()), 422, "block_self");
    }

    @Test
    void theListShowsTheCallersBlocksInPagesWithALinkToTheNext() {
        List<Participant> blocked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Participant someone = user("Someone " + (char) ('a' + i));
            blocked.add(someone);
            block(bayko, someone.handle().value()).exchange().expectStatus().isOk();
        }
        block(andrew, bayko.handle().value()).exchange().expectStatus().isOk();

        List<String> handles = new ArrayList<>();
        String next = "/api/blocks?limit=2";
        int pages = 0;
        while (next != null) {
            EntityExchangeResult<List<Map<String, Object>>> page = client.get().uri(next).headers(auth(bayko))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                    .returnResult();
            page.getResponseBody().forEach(row -> {
                assertThat(row).containsOnlyKeys("uuid", "handle", "display_name", "blocked_at");
                handles.add((String) row.get("handle"));
            });
            String link = page.getResponseHeaders().getFirst(HttpHeaders.LINK);
            next = link == null ? null : link.substring(1, link.indexOf('>'));
            pages++;
        }

        assertThat(handles).containsExactlyInAnyOrderElementsOf(
                blocked.stream().map(p -> p.handle().value()).toList());
        assertThat(pages).isEqualTo(2);
        problem(client.get().uri("/api/blocks?limit=0").headers(auth(bayko)), 400, "limit_invalid");
        problem(client.get().uri("/api/blocks?cursor=forged").headers(auth(bayko)), 400, "cursor_invalid");
    }
}
