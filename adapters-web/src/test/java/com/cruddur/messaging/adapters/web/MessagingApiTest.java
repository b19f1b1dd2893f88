package com.cruddur.messaging.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.SentMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.json.JSONException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.skyscreamer.jsonassert.JSONAssert;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** The four routes the frontend calls, with the exact JSON it reads. */
class MessagingApiTest extends WebApiTest {

    @Test
    void userCardIsPublicAndHasTheReferenceFields() {
        Participant bayko = user("Bayko");

        client.get().uri("/api/users/@{handle}/short", bayko.handle().value())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().json(json("{'uuid':'%s','handle':'%s','display_name':'Bayko'}"
                        .formatted(bayko.id(), bayko.handle())), JsonCompareMode.STRICT);
    }

    @Test
    void unknownUserCardIsNotFound() {
        client.get().uri("/api/users/@nobodyhere/short")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.errors").isEqualTo(List.of("user_not_found"))
                .jsonPath("$.instance").isEqualTo("/api/users/@nobodyhere/short");
    }

    @Test
    void messageToAHandleStartsAConversationAndAnswersWithTheStoredMessage() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");

        byte[] body = post(andrew, json("{'message':'Hello there','handle':'%s'}".formatted(bayko.handle())))
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent();

        List<Message> inbox = store.storedInbox(bayko.id()).stream()
                .map(entry -> stored(bayko, entry.groupId())).flatMap(List::stream).toList();
        assertThat(inbox).hasSize(1);
        Message message = inbox.get(0);
        assertThat(message.sender()).isEqualTo(andrew);
        assertJson(body, json("{'message_group_uuid':'%s','uuid':'%s','display_name':'Andrew Brown','handle':'%s',"
                + "'message':'Hello there','created_at':'%s'}").formatted(message.groupId(), message.id(),
                andrew.handle(), message.createdAt().format()));
    }

    @Test
    void aLeadingAtInTheHandleIsAccepted() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");

        post(andrew, json("{'message':'hi','handle':'@%s'}".formatted(bayko.handle())))
                .expectStatus().isOk();

        assertThat(store.storedInbox(bayko.id())).hasSize(1);
    }

    @Test
    void messageToAHandleTwiceReusesTheConversation() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        String body = json("{'message':'hi','handle':'%s'}".formatted(bayko.handle()));

        String first = groupOf(post(andrew, body));
        String second = groupOf(post(andrew, body));

        assertThat(second).isEqualTo(first);
        assertThat(store.storedInbox(andrew.id())).hasSize(1);
    }

    @Test
    void messageIntoAConversationAnswersWithTheStoredMessage() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        SentMessage started = start(andrew, bayko, "first");

        byte[] body = post(bayko, json("{'message':'Reply <b>&</b> \\u00e9','message_group_uuid':'%s'}"
                .formatted(started.message().groupId())))
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent();

        List<Message> messages = stored(andrew, started.message().groupId());
        assertThat(messages).hasSize(2);
        Message reply = messages.get(1);
        assertThat(reply.text()).isEqualTo("Reply <b>&</b> \u00e9");
        assertJson(body, json("{'message_group_uuid':'%s','uuid':'%s','display_name':'Bayko','handle':'%s',"
                + "'message':'Reply <b>&</b> \u00e9','created_at':'%s'}").formatted(started.message().groupId(),
                reply.id(), bayko.handle(), reply.createdAt().format()));
    }

    @Test
    void bothGroupAndHandleSentGoesIntoTheGroupAsTheReferenceDid() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        Participant londo = user("Londo");
        SentMessage started = start(andrew, bayko, "first");

        post(andrew, json("{'message':'hi','message_group_uuid':'%s','handle':'%s'}"
                .formatted(started.message().groupId(), londo.handle())))
                .expectStatus().isOk();

        assertThat(stored(andrew, started.message().groupId())).hasSize(2);
        assertThat(store.storedInbox(londo.id())).isEmpty();
    }

    @Test
    void theSameIdempotencyKeyStoresOneMessage() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        SentMessage started = start(andrew, bayko, "first");
        String body = json("{'message':'once','message_group_uuid':'%s'}".formatted(started.message().groupId()));

        String first = uuidOf(post(andrew, body, "key-123"));
        String second = uuidOf(post(andrew, body, "key-123"));

        assertThat(second).isEqualTo(first);
        assertThat(stored(andrew, started.message().groupId())).hasSize(2);
    }

    @Test
    void theSameIdempotencyKeyOnAFirstMessageStartsOneConversationWithOneMessage() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        String body = json("{'message':'hello once','handle':'%s'}".formatted(bayko.handle()));

        String first = uuidOf(post(andrew, body, "first-key"));
        String second = uuidOf(post(andrew, body, "first-key"));

        assertThat(second).isEqualTo(first);
        assertThat(store.storedInbox(bayko.id())).hasSize(1);
        assertThat(stored(bayko, store.storedInbox(bayko.id()).get(0).groupId())).hasSize(1);
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestIsUnprocessableAndStoresNothing() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        SentMessage started = start(andrew, bayko, "first");
        String group = started.message().groupId().toString();
        post(andrew, json("{'message':'once','message_group_uuid':'%s'}".formatted(group)), "key-reused")
                .expectStatus().isOk();

        problem(postSpec(andrew, json("{'message':'another text','message_group_uuid':'%s'}".formatted(group)))
                .header("Idempotency-Key", "key-reused"), 422, "idempotency_key_reused");
        problem(postSpec(andrew, json("{'message':'once','handle':'%s'}".formatted(bayko.handle())))
                .header("Idempotency-Key", "key-reused"), 422, "idempotency_key_reused");

        assertThat(stored(andrew, started.message().groupId())).extracting(Message::text)
                .containsExactly("first", "once");
    }

    @Test
    void textWithControlCharactersOrALoneSurrogateIsUnprocessable() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        String group = start(andrew, bayko, "first").message().groupId().toString();

        // JSON escapes, as a client sends them: ESC, NUL, a lone high surrogate.
        for (String text : List.of("\\u001b[2J cleared", "nul \\u0000", "half an emoji \\ud83d")) {
            problem(postSpec(andrew, json("{'message':'%s','message_group_uuid':'%s'}".formatted(text, group))),
                    422, "message_invalid_characters");
        }
        post(andrew, json("{'message':'two\\nlines\\tand a tab \\ud83d\\ude00','message_group_uuid':'%s'}"
                .formatted(group))).expectStatus().isOk();

        assertThat(stored(andrew, MessageGroupId.of(group))).extracting(Message::text)
                .containsExactly("first", "two\nlines\tand a tab \uD83D\uDE00");
    }

    @Test
    void healthIsOpenAndOtherActuatorEndpointsAreClosed() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
        client.get().uri("/actuator/env").headers(auth(user("Andrew Brown"))).exchange().expectStatus().isForbidden();
    }

    @Test
    void conversationMessagesComeOldestToNewestWithTheirSenders() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        SentMessage started = start(andrew, bayko, "one");
        post(bayko, json("{'message':'two','message_group_uuid':'%s'}".formatted(started.message().groupId())))
                .expectStatus().isOk();
        List<Message> messages = stored(andrew, started.message().groupId());

        client.get().uri("/api/messages/{group}", started.message().groupId())
                .headers(auth(bayko))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.LINK)
                .expectBody().json(json("[{'uuid':'%s','display_name':'Andrew Brown','handle':'%s','message':'one',"
                        + "'created_at':'%s'},{'uuid':'%s','display_name':'Bayko','handle':'%s','message':'two',"
                        + "'created_at':'%s'}]").formatted(
                        messages.get(0).id(), andrew.handle(), messages.get(0).createdAt().format(),
                        messages.get(1).id(), bayko.handle(), messages.get(1).createdAt().format()),
                        JsonCompareMode.STRICT);
    }

    @Test
    void inboxListsConversationsNewestFirstWithTheOtherParticipant() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        Participant londo = user("Londo Mollari");
        SentMessage older = start(bayko, andrew, "from bayko");
        SentMessage newer = start(andrew, londo, "to londo");

        client.get().uri("/api/message_groups")
                .headers(auth(andrew))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.LINK)
                .expectBody().json(json("[{'uuid':'%s','display_name':'Londo Mollari','handle':'%s','message':'to londo',"
                        + "'created_at':'%s','unread_count':0},{'uuid':'%s','display_name':'Bayko','handle':'%s',"
                        + "'message':'from bayko','created_at':'%s','unread_count':1}]").formatted(
                        newer.message().groupId(), londo.handle(), newer.message().createdAt().format(),
                        older.message().groupId(), bayko.handle(), older.message().createdAt().format()),
                        JsonCompareMode.STRICT);
    }

    @Test
    void emptyInboxIsAnEmptyArray() {
        client.get().uri("/api/message_groups").headers(auth(user("Nobody Yet")))
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("[]", JsonCompareMode.STRICT);
    }

    @Test
    void olderMessagesAreReachedThroughTheNextLink() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        SentMessage started = start(andrew, bayko, "m1");
        String group = started.message().groupId().toString();
        post(andrew, json("{'message':'m2','message_group_uuid':'%s'}".formatted(group))).expectStatus().isOk();
        post(andrew, json("{'message':'m3','message_group_uuid':'%s'}".formatted(group))).expectStatus().isOk();

        WebTestClient.ResponseSpec first = client.get().uri("/api/messages/{group}?limit=2", group)
                .headers(auth(andrew)).exchange().expectStatus().isOk();
        String link = first.returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.LINK);
        first.expectBody().jsonPath("$[*].message").isEqualTo(List.of("m2", "m3"));

        assertThat(link).matches("</api/messages/" + group + "\\?limit=2&cursor=[A-Za-z0-9_.%-]+>; rel=\"next\"");
        String next = link.substring(1, link.indexOf('>'));
        client.get().uri(next).headers(auth(andrew))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.LINK)
                .expectBody().jsonPath("$[*].message").isEqualTo(List.of("m1"));
    }

    @Test
    void inboxPagesThroughTheNextLink() {
        Participant andrew = user("Andrew Brown");
        for (int i = 0; i < 3; i++) {
            start(andrew, user("Friend " + i), "hello " + i);
        }

        WebTestClient.ResponseSpec first = client.get().uri("/api/message_groups?limit=2")
                .headers(auth(andrew)).exchange().expectStatus().isOk();
        String link = first.returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.LINK);
        first.expectBody().jsonPath("$[*].message").isEqualTo(List.of("hello 2", "hello 1"));

        assertThat(link).startsWith("</api/message_groups?limit=2&cursor=").endsWith(">; rel=\"next\"");
        client.get().uri(link.substring(1, link.indexOf('>'))).headers(auth(andrew))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].message").isEqualTo(List.of("hello 0"));
    }

    @Test
    void aCursorOfAnotherCallerIsRefused() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        for (int i = 0; i < 2; i++) {
            start(andrew, user("Friend " + i), "hello " + i);
        }
        String link = client.get().uri("/api/message_groups?limit=1").headers(auth(andrew)).exchange()
                .returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.LINK);

        problem(client.get().uri(link.substring(1, link.indexOf('>'))).headers(auth(bayko)),
                400, "cursor_invalid");
        problem(client.get().uri("/api/message_groups?cursor=garbage").headers(auth(andrew)), 400, "cursor_invalid");
    }

    @Test
    void limitOutsideOneToFiftyIsABadRequest() {
        Participant andrew = user("Andrew Brown");
        for (String limit : List.of("0", "51", "-1", "abc", "1.5")) {
            problem(client.get().uri("/api/message_groups?limit={limit}", limit).headers(auth(andrew)),
                    400, "limit_invalid");
        }
        client.get().uri("/api/message_groups?limit=50").headers(auth(andrew)).exchange().expectStatus().isOk();
        client.get().uri("/api/message_groups?limit=1").headers(auth(andrew)).exchange().expectStatus().isOk();
    }

    @Test
    void malformedGroupUuidInThePathIsABadRequest() {
        problem(client.get().uri("/api/messages/not-a-uuid").headers(auth(user("Andrew Brown"))),
                400, "message_group_uuid_invalid");
    }

    @Test
    void malformedGroupUuidInTheBodyIsABadRequest() {
        problem(postSpec(user("Andrew Brown"), json("{'message':'hi','message_group_uuid':'1-1-1-1-1'}")),
                400, "message_group_uuid_invalid");
    }

    @Test
    void unknownConversationIsNotFound() {
        Participant andrew = user("Andrew Brown");
        String unknown = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";

        problem(client.get().uri("/api/messages/{group}", unknown).headers(auth(andrew)),
                404, "message_group_not_found");
        problem(postSpec(andrew, json("{'message':'hi','message_group_uuid':'%s'}".formatted(unknown))),
                404, "message_group_not_found");
    }

    @Test
    void unknownHandleIsNotFound() {
        problem(postSpec(user("Andrew Brown"), json("{'message':'hi','handle':'nobodyhere'}")),
                404, "user_not_found");
    }

    @Test
    void malformedJsonIsABadRequest() {
        Participant andrew = user("Andrew Brown");
        problem(postSpec(andrew, "{\"message\": \"hi\", "), 400, "body_malformed");
        problem(postSpec(andrew, "[1, 2]"), 400, "body_malformed");
        problem(postSpec(andrew, "{\"message\": {\"nested\": true}, \"handle\": \"x\"}"), 400, "body_malformed");
    }

    @Test
    void missingBodyIsABadRequest() {
        client.post().uri("/api/messages").headers(auth(user("Andrew Brown")))
                .contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        problem(client.post().uri("/api/messages").headers(auth(user("Andrew Brown")))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("message=hi"), 415, "content_type_unsupported");
    }

    @Test
    void bodyOverTheLimitIsTooLarge() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        String huge = json("{'message':'%s','handle':'%s'}".formatted("x".repeat(20_000), bayko.handle()));

        problem(postSpec(andrew, huge), 413, "body_too_large");
        assertThat(store.storedInbox(bayko.id())).isEmpty();
    }

    @Test
    void chunkedBodyOverTheLimitIsTooLarge() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        Flux<String> chunks = Flux.concat(
                Flux.just(json("{'handle':'%s','message':'".formatted(bayko.handle()))),
                Flux.range(0, 40).map(i -> "y".repeat(1000)),
                Flux.just("\"}"));

        client.post().uri("/api/messages").headers(auth(andrew)).contentType(MediaType.APPLICATION_JSON)
                .body(chunks, String.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().valueEquals(HttpHeaders.CONNECTION, "close")
                .expectBody().jsonPath("$.errors").isEqualTo(List.of("body_too_large"));
        assertThat(store.storedInbox(bayko.id())).isEmpty();
    }

    @Test
    void refusedBodiesDoNotBreakTheRequestsThatFollowThem() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        for (int attempt = 0; attempt < 20; attempt++) {
            Flux<String> chunks = Flux.concat(Flux.just("{\"message\":\""),
                    Flux.range(0, 40).map(i -> "z".repeat(1000)), Flux.just("\"}"));
            client.post().uri("/api/messages").headers(auth(andrew)).contentType(MediaType.APPLICATION_JSON)
                    .body(chunks, String.class)
                    .exchange()
                    .expectStatus().isEqualTo(413);
            problem(postSpec(andrew, json("{'message':'%s','handle':'%s'}".formatted("x".repeat(20_000),
                    bayko.handle()))), 413, "body_too_large");
            client.get().uri("/api/message_groups").headers(auth(andrew))
                    .exchange()
                    .expectStatus().isOk();
        }
        assertThat(store.storedInbox(bayko.id())).isEmpty();
    }

    @Test
    void invalidContentIsUnprocessableWithTheReferenceCodes() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        String group = start(andrew, bayko, "first").message().groupId().toString();
        String handle = bayko.handle().value();

        problem(postSpec(andrew, json("{'message':'   ','message_group_uuid':'%s'}".formatted(group))),
                422, "message_blank");
        problem(postSpec(andrew, json("{'message':'%s','message_group_uuid':'%s'}".formatted("x".repeat(1025), group))),
                422, "message_exceed_max_chars_1024");
        problem(postSpec(andrew, json("{'message':'hi','message_group_uuid':''}")), 422, "message_group_uuid_blank");
        problem(postSpec(andrew, json("{'message':'hi'}")), 422, "user_reciever_handle_blank");
        problem(postSpec(andrew, json("{'handle':'%s'}".formatted(handle))), 422, "message_blank");
        problem(postSpec(andrew, json("{'message':'hi','handle':'%s'}".formatted(andrew.handle()))), 422, "message_self");
        assertThat(stored(andrew, start(andrew, bayko, "second").message().groupId())).hasSize(2);
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        postSpec(user("Andrew Brown"), json("{'message':'','handle':''}"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors").isEqualTo(List.of("user_reciever_handle_blank", "message_blank"));
    }

    @Test
    void aMessageOfExactlyTheLimitIsAccepted() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        post(andrew, json("{'message':'%s','handle':'%s'}".formatted("\uD83D\uDE00".repeat(1024), bayko.handle())))
                .expectStatus().isOk();
    }

    @Test
    void invalidIdempotencyKeyIsUnprocessable() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        problem(postSpec(andrew, json("{'message':'hi','handle':'%s'}".formatted(bayko.handle())))
                .header("Idempotency-Key", "has space"), 422, "idempotency_key_invalid");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void unavailableMessageStoreIsServiceUnavailableWithAGenericDetailAndTheReasonInTheLog(CapturedOutput log) {
        Participant andrew = user("Andrew Brown");
        store.simulateUnavailable(true);
        try {
            client.get().uri("/api/message_groups").headers(auth(andrew))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail").isEqualTo("the messages store is unavailable; try again shortly")
                    .jsonPath("$.errors").isEqualTo(List.of("store_unavailable"));
        } finally {
            store.simulateUnavailable(false);
        }
        assertThat(log.getOut() + log.getErr())
                .contains("GET /api/message_groups -> 503: the message store is unavailable");
    }

    @Test
    void unavailableUserDirectoryIsServiceUnavailable() {
        Participant andrew = user("Andrew Brown");
        directory.simulateUnavailable(true);
        try {
            client.get().uri("/api/message_groups").headers(auth(andrew))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.detail").isEqualTo("the users store is unavailable; try again shortly");
            client.get().uri("/api/users/@{handle}/short", andrew.handle().value())
                    .exchange()
                    .expectStatus().isEqualTo(503);
        } finally {
            directory.simulateUnavailable(false);
        }
    }

    @Test
    void aThirdUserCannotReadOrPostIntoAConversationOfTwoOthers() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");
        Participant mallory = user("Mallory");
        SentMessage started = start(andrew, bayko, "private");
        String group = started.message().groupId().toString();

        problem(client.get().uri("/api/messages/{group}", group).headers(auth(mallory)), 404, "message_group_not_found");
        problem(postSpec(mallory, json("{'message':'let me in','message_group_uuid':'%s'}".formatted(group))),
                404, "message_group_not_found");
        problem(postSpec(mallory, json("{'message':'let me in','message_group_uuid':'%s'}".formatted(group)))
                .header("Idempotency-Key", "k1"), 404, "message_group_not_found");

        assertThat(stored(andrew, started.message().groupId())).extracting(Message::text).containsExactly("private");
        assertThat(store.storedInbox(mallory.id())).isEmpty();
        client.get().uri("/api/message_groups").headers(auth(mallory)).exchange()
                .expectStatus().isOk().expectBody().json("[]", JsonCompareMode.STRICT);
    }

    @Test
    void senderFieldsComeFromTheDirectoryNotTheBody() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Bayko");

        post(andrew, json("{'message':'hi','handle':'%s','display_name':'Someone Else','user_uuid':'%s'}"
                .formatted(bayko.handle(), bayko.id())))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.display_name").isEqualTo("Andrew Brown")
                .jsonPath("$.handle").isEqualTo(andrew.handle().value());
    }

    @Test
    void unknownRoutesAreNotFoundProblems() {
        problem(client.get().uri("/nothing/here"), 404, null);
        problem(client.get().uri("/api/nothing").headers(auth(user("Andrew Brown"))), 404, null);
    }

    @Test
    void developmentTokenIssuerDoesNotExistOutsideTheLocalProfile() {
        Participant bayko = user("Bayko");
        problem(client.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json("{'handle':'%s'}".formatted(bayko.handle()))), 404, null);
        problem(client.get().uri("/dev/users"), 404, null);
    }

    @Test
    void theWebUiIsOffUnlessConfigured() {
        problem(client.get().uri("/"), 404, null);
        problem(client.get().uri("/ui/app.js"), 404, null);
    }

    @Test
    void frontendOriginMayCallWithATokenAndReadTheLinkHeader() {
        client.options().uri("/api/messages")
                .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,idempotency-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        value -> assertThat(value.toLowerCase()).contains("authorization", "content-type",
                                "idempotency-key"));

        client.get().uri("/api/message_groups").headers(auth(user("Andrew Brown")))
                .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        value -> assertThat(value).contains("Authorization", "Link"));
    }

    @Test
    void otherOriginsAreRefused() {
        client.options().uri("/api/messages")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    private WebTestClient.ResponseSpec post(Participant sender, String body) {
        return postSpec(sender, body).exchange();
    }

    private WebTestClient.ResponseSpec post(Participant sender, String body, String idempotencyKey) {
        return postSpec(sender, body).header("Idempotency-Key", idempotencyKey).exchange();
    }

    private WebTestClient.RequestHeadersSpec<?> postSpec(Participant sender, String body) {
        return client.post().uri("/api/messages").headers(auth(sender))
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(body);
    }

    private static String groupOf(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()
                .get("message_group_uuid").toString();
    }

    private static String uuidOf(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()
                .get("uuid").toString();
    }

    private static void assertJson(byte[] actual, String expected) {
        try {
            JSONAssert.assertEquals(expected,
                    new String(actual, StandardCharsets.UTF_8), true);
        } catch (JSONException e) {
            throw new AssertionError(e);
        }
    }
}
