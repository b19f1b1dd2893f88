package com.cruddur.messaging.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.SendMessage;
import com.cruddur.messaging.application.SentMessage;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code POST /api/message_groups/{uuid}/read}, the unread counts of B and the read position on A. */
class ReadMarkersApiTest extends WebApiTest {

    @Autowired
    SendMessage sendMessage;

    private Participant andrew;
    private Participant bayko;
    /** Bayko's three messages to andrew, the inbox rows moved to the third. */
    private List<Message> sent;
    private MessageGroupId group;

    @BeforeEach
    void threeFromBaykoToAndrew() {
        andrew = user("Andrew Brown");
        bayko = user("Andrew Bayko");
        sent = threeFromBayko(bayko, andrew);
        group = sent.get(0).groupId();
    }

    private Message send(Participant sender, MessageGroupId group, String text) {
        return sendMessage.send(SendMessage.Command.of(sender, group.toString(), text, null)).block().message();
    }

    /** Bayko starts with andrew and sends two more, and the inbox rows move to the third. */
    private List<Message> threeFromBayko(Participant bayko, Participant andrew) {
        SentMessage first = start(bayko, andrew, "one");
        MessageGroupId group = first.message().groupId();
        List<Message> sent = List.of(first.message(), send(bayko, group, "two"), send(bayko, group, "three"));
        new MoveGroupsToNewestMessage(store.messageGroups(), store.messages()).apply(sent).block();
        return sent;
    }

    private WebTestClient.RequestHeadersSpec<?> read(Participant reader, Object group, String body) {
        return client.post().uri("/api/message_groups/{group}/read", group).headers(auth(reader))
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(body);
    }

    private static String position(Message message) {
        return json("{'uuid':'%s','created_at':'%s'}").formatted(message.id(), message.createdAt().format());
    }

    @Test
    void theInboxShowsUnreadCountsAndReadingUpToTheSecondLeavesOne() {

        client.get().uri("/api/message_groups").headers(auth(andrew)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].unread_count").isEqualTo(3);
        client.get().uri("/api/message_groups").headers(auth(bayko)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].unread_count").isEqualTo(0);

        read(andrew, group, position(sent.get(1))).exchange()
                .expectStatus().isOk()
                .expectBody().json(json("{'uuid':'%s','display_name':'Andrew Bayko','handle':'%s','message':'three',"
                        + "'created_at':'%s','unread_count':1}").formatted(group, bayko.handle(),
                        sent.get(2).createdAt().format()), JsonCompareMode.STRICT);
        client.get().uri("/api/message_groups").headers(auth(andrew)).exchange()
                .expectBody().jsonPath("$[0].unread_count").isEqualTo(1);
    }

    @Test
    void theSenderSeesHowFarTheOtherHasReadOnTheConversation() {

        client.get().uri("/api/messages/{group}", group).headers(auth(bayko)).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Other-Read-Position");
        read(andrew, group, position(sent.get(1))).exchange().expectStatus().isOk();

        client.get().uri("/api/messages/{group}", group).headers(auth(bayko)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Other-Read-Position",
                        sent.get(1).id() + " " + sent.get(1).createdAt().format());
        client.get().uri("/api/messages/{group}", group).headers(auth(andrew)).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Other-Read-Position");
    }

    @Test
    void readingBackwardsChangesNothing() {
        read(andrew, group, position(sent.get(2))).exchange().expectStatus().isOk();

        read(andrew, group, position(sent.get(0))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.unread_count").isEqualTo(0);
        assertThat(store.messageGroups().find(group).block().readStateOf(andrew.id()).seen().orElseThrow().message())
                .isEqualTo(sent.get(2).id());
    }

    @Test
    void aConversationOfOthersOrAnUnknownOneIsNotFound() {
        Participant londo = user("Londo Mollari");

        problem(read(londo, group, position(sent.get(2))), 404, "message_group_not_found");
        problem(read(andrew, "5ae290ed-55d1-47a0-bc6d-fe2bc2700399", position(sent.get(2))), 404,
                "message_group_not_found");
    }

    @Test
    void aMessageNotInTheConversationOrAtAnotherTimeIsNotFoundAndNothingMoves() {

        problem(read(andrew, group, json("{'uuid':'%s','created_at':'%s'}").formatted(sent.get(2).id(),
                sent.get(1).createdAt().format())), 404, "message_not_found");
        problem(read(andrew, group, json("{'uuid':'5ae290ed-55d1-47a0-bc6d-fe2bc2700399','created_at':'%s'}")
                .formatted(sent.get(2).createdAt().format())), 404, "message_not_found");
        assertThat(store.messageGroups().find(group).block().readStateOf(andrew.id()).unread()).isEqualTo(3);
    }

    @Test
    void malformedPositionsAreBadRequests() {

        problem(read(andrew, group, json("{'uuid':'nope','created_at':'%s'}")
                .formatted(sent.get(2).createdAt().format())), 400, "message_uuid_invalid");
        problem(read(andrew, group, json("{'uuid':'%s','created_at':'last tuesday'}").formatted(sent.get(2).id())),
                400, "timestamp_invalid");
        problem(read(andrew, group, "{}"), 400, "message_uuid_invalid");
        problem(read(andrew, "not-a-uuid", position(sent.get(2))), 400, "message_group_uuid_invalid");
        problem(read(andrew, group, "{not json"), 400, "body_malformed");
    }
}
