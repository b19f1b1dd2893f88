package com.cruddur.messaging.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cruddur.messaging.application.SendMessage;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.live.InProcessLiveEvents;
import com.cruddur.messaging.application.live.LiveEvent;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;

/** {@code PATCH} and {@code DELETE /api/messages/{message_group_uuid}/{message_uuid}}: one's own messages only. */
class EditDeleteApiTest extends WebApiTest {

    @Autowired
    SendMessage sendMessage;
    @Autowired
    TestApplication.TickingClock clock;
    @Autowired
    InProcessLiveEvents liveEvents;

    private Participant andrew;
    private Participant bayko;
    private Message first;
    private Message reply;
    private MessageGroupId group;

    @BeforeEach
    void aConversation() {
        andrew = user("Andrew Brown");
        bayko = user("Andrew Bayko");
        first = start(andrew, bayko, "helo").message();
        group = first.groupId();
        reply = sendMessage.send(SendMessage.Command.of(bayko, group.toString(), "hi", null)).block().message();
        new MoveGroupsToNewestMessage(store.messageGroups(), store.messages()).apply(List.of(reply)).block();
    }

    private WebTestClient.RequestHeadersSpec<?> patch(Participant caller, Object group, Object message, String body) {
        return client.patch().uri("/api/messages/{group}/{message}", group, message).headers(auth(caller))
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private WebTestClient.RequestHeadersSpec<?> delete(Participant caller, Object group, Object message) {
        return client.delete().uri("/api/messages/{group}/{message}", group, message).headers(auth(caller));
    }

    @Test
    void theOwnerEditsWithinTheWindowAndPatternAShowsTheTextAndWhenItWasEdited() {
        patch(andrew, group, first.id(), json("{'message':'hello'}")).exchange().expectStatus().isOk();

        Message edited = stored(andrew, group).get(0);
        assertThat(edited.text()).isEqualTo("hello");
        String editedAt = edited.editedAt().orElseThrow().format();
        client.get().uri("/api/messages/{group}", group).headers(auth(bayko)).exchange()
                .expectStatus().isOk()
                .expectBody().json(json("[{'uuid':'%s','display_name':'Andrew Brown','handle':'%s','message':'hello',"
                                + "'created_at':'%s','edited_at':'%s'},{'uuid':'%s','display_name':'Andrew Bayko',"
                                + "'handle':'%s','message':'hi','created_at':'%s'}]").formatted(first.id(),
                                andrew.handle(), first.createdAt().format(), editedAt, reply.id(), bayko.handle(),
                                reply.createdAt().format()), JsonCompareMode.STRICT);
        client.patch().uri("/api/messages/{group}/{message}", group, first.id()).headers(auth(andrew))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json("{'message':'hello again'}")).exchange()
                .expectBody().json(json("{'message_group_uuid':'%s','uuid':'%s','message':'hello again'}")
                        .formatted(group, first.id()), JsonCompareMode.LENIENT);
    }

    @Test
    void editingTheLastMessageChangesBothInboxRows() {
        patch(bayko, group, reply.id(), json("{'message':'hi there'}")).exchange().expectStatus().isOk();

        for (Participant owner : List.of(andrew, bayko)) {
            client.get().uri("/api/message_groups").headers(auth(owner)).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$[0].message").isEqualTo("hi there")
                    .jsonPath("$[0].created_at").isEqualTo(reply.createdAt().format());
        }
    }

    @Test
    void deleteLeavesATombstoneThatPatternAStillListsAndTheInboxRowsShowIt() {
        delete(bayko, group, reply.id()).exchange().expectStatus().isNoContent().expectBody().isEmpty();

        client.get().uri("/api/messages/{group}", group).headers(auth(andrew)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[1].uuid").isEqualTo(reply.id().toString())
                .jsonPath("$[1].message").isEqualTo("")
                .jsonPath("$[1].deleted").isEqualTo(true)
                .jsonPath("$[0].deleted").doesNotExist();
        for (Participant owner : List.of(andrew, bayko)) {
            client.get().uri("/api/message_groups").headers(auth(owner)).exchange()
                    .expectBody().jsonPath("$[0].message").isEqualTo("");
        }
        delete(bayko, group, reply.id()).exchange().expectStatus().isNoContent();
        problem(patch(bayko, group, reply.id(), json("{'message':'back'}")), 409, "message_deleted");
    }

    @Test
    void someoneElsesMessageIsForbidden() {
        problem(patch(bayko, group, first.id(), json("{'message':'mine now'}")), 403, "not_your_message");
        problem(delete(bayko, group, first.id()), 403, "not_your_message");
        assertThat(stored(andrew, group).get(0).text()).isEqualTo("helo");
    }

    @Test
    void aMessagePastTheEditWindowIsForbiddenToEditAndCanStillBeDeleted() {
        clock.advance(Duration.ofMinutes(16));

        problem(patch(andrew, group, first.id(), json("{'message':'too late'}")), 403, "edit_window_passed");
        delete(andrew, group, first.id()).exchange().expectStatus().isNoContent();
    }

    @Test
    void anUnknownMessageOrConversationIsNotFound() {
        problem(patch(andrew, group, UUID.randomUUID(), json("{'message':'x'}")), 404, "message_not_found");
        problem(delete(andrew, group, UUID.randomUUID()), 404, "message_not_found");
        problem(delete(andrew, UUID.randomUUID(), first.id()), 404, "message_group_not_found");
        Participant londo = user("Londo Mollari");
        problem(delete(londo, group, first.id()), 404, "message_group_not_found");
    }

    @Test
    void aBadBodyOrPathIsRefusedWithTheUsualCodes() {
        problem(patch(andrew, group, first.id(), json("{'message':'  '}")), 422, "message_blank");
        problem(patch(andrew, group, first.id(), json("{'message':'%s'}").formatted("x".repeat(1025))), 422,
                "message_exceed_max_chars_1024");
        problem(patch(andrew, group, first.id(), json("{}")), 422, "message_blank");
        problem(patch(andrew, group, first.id(), "{not json"), 400, "body_malformed");
        problem(patch(andrew, "not-a-uuid", first.id(), json("{'message':'x'}")), 400, null);
        problem(delete(andrew, group, "not-a-uuid"), 400, null);
        problem(client.delete().uri("/api/messages/{group}/{message}", group, first.id()), 401, "token_missing");
        assertThat(stored(andrew, group).get(0).text()).isEqualTo("helo");
    }

    @Test
    void editsAndDeletesReachBothParticipantsAsMessageUpdatedEvents() {
        List<ServerSentEvent<Map<String, Object>>> toAndrew = new CopyOnWriteArrayList<>();
        List<ServerSentEvent<Map<String, Object>>> toBayko = new CopyOnWriteArrayList<>();
        Disposable andrewsStream = open(andrew, toAndrew);
        Disposable baykosStream = open(bayko, toBayko);
        try {
            // The streams are listening once an event published meanwhile reaches both.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                liveEvents.publish(new LiveEvent.NewMessage(andrew.id(), reply)).block();
                liveEvents.publish(new LiveEvent.NewMessage(bayko.id(), reply)).block();
                return !toAndrew.isEmpty() && !toBayko.isEmpty();
            });
            patch(andrew, group, first.id(), json("{'message':'hello'}")).exchange().expectStatus().isOk();
            delete(andrew, group, first.id()).exchange().expectStatus().isNoContent();

            for (List<ServerSentEvent<Map<String, Object>>> received : List.of(toAndrew, toBayko)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> updates(received).size() == 2);
                List<ServerSentEvent<Map<String, Object>>> updates = updates(received);
                assertThat(updates.get(0).data()).containsEntry("message_group_uuid", group.toString())
                        .containsEntry("uuid", first.id().toString())
                        .containsEntry("message", "hello")
                        .containsKey("edited_at")
                        .doesNotContainKey("deleted");
                assertThat(updates.get(1).data()).containsEntry("message", "").containsEntry("deleted", true);
                assertThat(updates.get(1).id()).contains("~u~" + first.id());
            }
        } finally {
            andrewsStream.dispose();
            baykosStream.dispose();
        }
    }

    private static List<ServerSentEvent<Map<String, Object>>> updates(
            List<ServerSentEvent<Map<String, Object>>> received) {
        return received.stream().filter(event -> "message_updated".equals(event.event())).toList();
    }

    private Disposable open(Participant user, List<ServerSentEvent<Map<String, Object>>> events) {
        return client.get().uri("/api/events").accept(MediaType.TEXT_EVENT_STREAM).headers(auth(user))
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody()
                .filter(event -> event.event() != null)
                .subscribe(events::add, failure -> { });
    }
}
