package com.cruddur.messaging.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cruddur.messaging.adapters.dynamodb.stream.pump.StreamPump;
import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.adapters.postgres.cognito.CognitoUserSync;
import com.cruddur.messaging.adapters.postgres.cognito.CognitoUsers;
import com.cruddur.messaging.adapters.postgres.testing.CognitoLocalFixture;
import com.cruddur.messaging.adapters.postgres.testing.PostgresFixture;
import com.cruddur.messaging.adapters.postgres.testing.UsersRows;
import com.cruddur.messaging.bootstrap.CruddurMessagingApplication;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The running application in the AWS mode over real stores: DynamoDB Local, PostgreSQL, and access tokens issued by
 * cognito-local for users synced into PostgreSQL by the Cognito sync. No development issuer: the production
 * validation chain. Health and metrics on the management port only.
 */
class ApiEndToEndTest {

    private static final String PASSWORD = "Secret-Passw0rd!";
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String ANDREW = "andrew" + SUFFIX;
    private static final String BAYKO = "bayko" + SUFFIX;
    private static final String LONDO = "londo" + SUFFIX;
    private static final String GKAR = "gkar" + SUFFIX;
    /** A pair with no conversation before the live-delivery test, whichever order the tests run in. */
    private static final String VIR = "vir" + SUFFIX;
    private static final String LENNIER = "lennier" + SUFFIX;
    /** The pair of the blocking test. */
    private static final String MARCUS = "marcus" + SUFFIX;
    private static final String NATOTH = "natoth" + SUFFIX;
    private static final String DELENN = "delenn" + SUFFIX;

    private static CognitoLocalFixture cognito;
    private static ConfigurableApplicationContext app;
    private static WebTestClient http;
    private static WebTestClient management;
    private static String clientId;

    @BeforeAll
    static void startEverything() {
        cognito = CognitoLocalFixture.start();
        String pool = cognito.createUserPool("cruddur-e2e");
        clientId = cognito.createAppClient(pool, "cruddur-frontend");
        PostgresFixture postgres = PostgresFixture.shared();
        UsersRows rows = new UsersRows(postgres.users().connectionFactory());
        for (String handle : List.of(ANDREW, BAYKO, LONDO, GKAR, VIR, LENNIER, DELENN, MARCUS, NATOTH)) {
            rows.insert(handle.replaceAll("[0-9a-f]{6}$", "").toUpperCase(), handle, null);
            cognito.createUser(pool, handle + "@example.com", handle, handle, PASSWORD);
        }
        CognitoUserSync.Report synced = new CognitoUserSync(
                new CognitoUsers(cognito.client()),
                postgres.users().connectionFactory()).sync(pool).block(Duration.ofSeconds(30));
        assertThat(synced.updated()).isEqualTo(9);

        app = new SpringApplicationBuilder(CruddurMessagingApplication.class)
                .profiles("aws")
                .run(arguments(Map.ofEntries(
                        Map.entry("server.port", "0"),
                        Map.entry("management.server.port", "0"),
                        Map.entry("cruddur.dynamodb.endpoint", DynamoDbLocalFixture.endpoint().toString()),
                        Map.entry("cruddur.dynamodb.table", DynamoDbLocalFixture.freshTable("e2e")),
                        Map.entry("cruddur.users.url", postgres.url()),
                        Map.entry("cruddur.users.username", postgres.username()),
                        Map.entry("cruddur.users.password", postgres.password()),
                        Map.entry("cruddur.auth.jwks-url", cognito.jwksUri(pool).toString()),
                        Map.entry("cruddur.auth.issuer", cognito.issuer(pool)),
                        Map.entry("cruddur.auth.client-ids", clientId),
                        Map.entry("cruddur.stream-pump.enabled", "true"))));
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        management = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.management.port"))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** As command-line arguments, which win over application.yml (default properties would not). */
    private static String[] arguments(Map<String, String> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    @AfterAll
    static void stopEverything() {
        if (app != null) {
            app.close();
            // The stream pump stops with the application: its thread is gone once close() returns.
            assertThat(Thread.getAllStackTraces().keySet()).map(Thread::getName)
                    .noneMatch(name -> name.startsWith(StreamPump.THREAD_NAME_PREFIX));
        }
        if (cognito != null) {
            cognito.close();
        }
    }

    private static String tokenOf(String handle) {
        return cognito.accessToken(clientId, handle + "@example.com", PASSWORD);
    }

    private static WebTestClient.ResponseSpec post(String handle, String json, String idempotencyKey) {
        WebTestClient.RequestBodySpec request = http.post().uri("/api/messages")
                .headers(h -> h.setBearerAuth(tokenOf(handle)))
                .contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.bodyValue(json).exchange();
    }

    private static String startConversation(String from, String to, String text) {
        post(from, "{\"handle\":\"" + to + "\",\"message\":\"" + text + "\"}", null)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.handle").isEqualTo(from)
                .jsonPath("$.message").isEqualTo(text);
        return groupOf(from, to);
    }

    private static List<Map<String, Object>> inboxOf(String owner) {
        return http.get().uri("/api/message_groups")
                .headers(h -> h.setBearerAuth(tokenOf(owner)))
                .exchange()
                .expectStatus().isOk()
                .expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    private static String groupOf(String owner, String other) {
        List<Map<String, Object>> groups = inboxOf(owner);
        return groups.stream().filter(g -> other.equals(g.get("handle"))).map(g -> (String) g.get("uuid"))
                .findFirst().orElseThrow(() -> new AssertionError(owner + " has no conversation with " + other));
    }

    @Test
    void sendStartReadAndListThroughHttpWithCognitoTokens() {
        String group = startConversation(ANDREW, BAYKO, "hello from andrew");
        String again = startConversation(BAYKO, ANDREW, "hello back");
        assertThat(again).isEqualTo(group);

        post(BAYKO, "{\"message_group_uuid\":\"" + group + "\",\"message\":\"into the group\"}", null)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.message_group_uuid").isEqualTo(group)
                .jsonPath("$.display_name").isEqualTo("BAYKO");

        http.get().uri("/api/messages/" + group)
                .headers(h -> h.setBearerAuth(tokenOf(ANDREW)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].message").isEqualTo("hello from andrew")
                .jsonPath("$[0].handle").isEqualTo(ANDREW)
                .jsonPath("$[2].message").isEqualTo("into the group")
                .jsonPath("$[2].handle").isEqualTo(BAYKO);

        List<Map<String, Object>> baykosInbox = http.get().uri("/api/message_groups")
                .headers(h -> h.setBearerAuth(tokenOf(BAYKO)))
                .exchange()
                .expectStatus().isOk()
                .expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(baykosInbox).filteredOn(row -> group.equals(row.get("uuid")))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("handle", ANDREW));
    }

    @Test
    void theStreamPumpMovesBothInboxRowsToTheNewestMessage() {
        String group = startConversation(GKAR, ANDREW, "first words");
        post(ANDREW, "{\"message_group_uuid\":\"" + group + "\",\"message\":\"the newest words\"}", null)
                .expectStatus().isOk();

        awaitBothInboxesShow(GKAR, ANDREW, group, "the newest words");
        for (String owner : List.of(GKAR, ANDREW)) {
            assertThat(inboxOf(owner)).filteredOn(row -> group.equals(row.get("uuid"))).hasSize(1);
        }
    }

    @Test
    void consumedCapacityIsBilledToThePatternOfEachUseCase() {
        String group = startConversation(LONDO, GKAR, "pattern D starts it");
        post(GKAR, "{\"message_group_uuid\":\"" + group + "\",\"message\":\"pattern C answers\"}", null)
                .expectStatus().isOk();
        awaitBothInboxesShow(LONDO, GKAR, group, "pattern C answers");

        Map<String, Double> units = consumedCapacityByPatternAndOperation();

        // The reads are the telling part: the same port method serves A, C and E, and only the use case knows which.
        assertThat(List.of("C GetItem", "C PutItem", "D GetItem", "D TransactWriteItems", "E GetItem",
                "E TransactWriteItems"))
                .allSatisfy(key -> assertThat(units.get(key)).as("units of %s in %s", key, units).isPositive());
    }

    @Test
    void aBlockedUserCannotSendTheBlockerKeepsTheHistoryAndUnblockingRestoresSending() {
        String group = startConversation(MARCUS, NATOTH, "hello natoth");
        await("natoth's row counts marcus's message").atMost(Duration.ofSeconds(30))
                .until(() -> unreadOf(NATOTH, group) == 1);

        http.post().uri("/api/users/@" + MARCUS + "/block").headers(h -> h.setBearerAuth(tokenOf(NATOTH)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.handle").isEqualTo(MARCUS)
                .jsonPath("$.display_name").isEqualTo("MARCUS")
                .jsonPath("$.blocked_at").isNotEmpty();
        assertThat(unreadOf(NATOTH, group)).isZero();

        for (String body : List.of("{\"message_group_uuid\":\"" + group + "\",\"message\":\"please\"}",
                "{\"handle\":\"" + NATOTH + "\",\"message\":\"please\"}")) {
            post(MARCUS, body, "blocked-" + SUFFIX)
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0]").isEqualTo("blocked");
        }
        assertThat(messagesOf(NATOTH, group)).containsExactly("hello natoth");
        http.get().uri("/api/blocks").headers(h -> h.setBearerAuth(tokenOf(NATOTH))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].handle").isEqualTo(MARCUS);

        // The blocker may still write; the blocked still reads
        post(NATOTH, "{\"message_group_uuid\":\"" + group + "\",\"message\":\"goodbye\"}", null)
                .expectStatus().isOk();
        assertThat(messagesOf(MARCUS, group)).containsExactly("hello natoth", "goodbye");

        http.delete().uri("/api/users/@" + MARCUS + "/block").headers(h -> h.setBearerAuth(tokenOf(NATOTH)))
                .exchange()
                .expectStatus().isNoContent();
        post(MARCUS, "{\"message_group_uuid\":\"" + group + "\",\"message\":\"thank you\"}", "blocked-" + SUFFIX)
                .expectStatus().isOk();
        await("natoth's row counts marcus's message after the unblock").atMost(Duration.ofSeconds(30))
                .until(() -> lastMessageIs(NATOTH, group, "thank you") && unreadOf(NATOTH, group) == 1);
        Map<String, Double> units = consumedCapacityByPatternAndOperation();
        assertThat(List.of("K GetItem", "K TransactWriteItems", "K Query"))
                .allSatisfy(key -> assertThat(units.get(key)).as("units of %s in %s", key, units).isPositive());
    }

    private static int unreadOf(String owner, String group) {
        return inboxOf(owner).stream().filter(row -> group.equals(row.get("uuid")))
                .map(row -> ((Number) row.get("unread_count")).intValue())
                .findFirst().orElse(-1);
    }

    private static List<String> messagesOf(String reader, String group) {
        return http.get().uri("/api/messages/" + group)
                .headers(h -> h.setBearerAuth(tokenOf(reader)))
                .exchange()
                .expectStatus().isOk()
                .expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody().stream().map(row -> (String) row.get("message")).toList();
    }

    /** The stream pump moved both inbox rows of the conversation to the message. */
    private static void awaitBothInboxesShow(String one, String other, String group, String text) {
        await("inbox rows moved by the stream pump").atMost(Duration.ofSeconds(30))
                .until(() -> lastMessageIs(one, group, text) && lastMessageIs(other, group, text));
    }

    /** {@code cruddur_dynamodb_consumed_capacity} as Prometheus scrapes it, keyed "pattern operation". */
    private static Map<String, Double> consumedCapacityByPatternAndOperation() {
        String metrics = management.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Pattern sample = Pattern.compile(
                "^cruddur_dynamodb_consumed_capacity\\w*\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        Pattern tag = Pattern.compile("(\\w+)=\"([^\"]*)\"");
        Map<String, Double> units = new TreeMap<>();
        Matcher samples = sample.matcher(metrics);
        while (samples.find()) {
            Map<String, String> tagValues = new TreeMap<>();
            Matcher tags = tag.matcher(samples.group(1));
            while (tags.find()) {
                tagValues.put(tags.group(1), tags.group(2));
            }
            units.merge(tagValues.get("pattern") + " " + tagValues.get("operation"),
                    Double.parseDouble(samples.group(2)), Double::sum);
        }
        return units;
    }

    private static boolean lastMessageIs(String owner, String group, String text) {
        return inboxOf(owner).stream()
                .anyMatch(row -> group.equals(row.get("uuid")) && text.equals(row.get("message")));
    }

    @Test
    void aMessageSentTwiceWithTheSameIdempotencyKeyIsStoredOnce() {
        String group = startConversation(LONDO, ANDREW, "londo here");
        String body = "{\"message_group_uuid\":\"" + group + "\",\"message\":\"only once\"}";

        String first = new String(post(LONDO, body, "retry-" + SUFFIX).expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent());
        String second = new String(post(LONDO, body, "retry-" + SUFFIX).expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent());
        assertThat(second).isEqualTo(first);

        http.get().uri("/api/messages/" + group)
                .headers(h -> h.setBearerAuth(tokenOf(ANDREW)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[1].message").isEqualTo("only once");
    }

    @Test
    void aThirdUserCannotReadOrPostIntoOthersConversation() {
        String group = startConversation(BAYKO, LONDO, "just us two");

        http.get().uri("/api/messages/" + group)
                .headers(h -> h.setBearerAuth(tokenOf(ANDREW)))
                .exchange()
                .expectStatus().isNotFound();
        post(ANDREW, "{\"message_group_uuid\":\"" + group + "\",\"message\":\"let me in\"}", null)
                .expectStatus().isNotFound();
        http.get().uri("/api/messages/" + group)
                .headers(h -> h.setBearerAuth(tokenOf(LONDO)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void readinessChecksBothStoresAndMetricsShowLatencyPerRouteAndConsumedCapacity() {
        startConversation(ANDREW, LONDO, "metrics please");

        management.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP");
        management.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk();
        String metrics = management.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics)
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/api/messages\"")
                .containsPattern("cruddur_dynamodb_consumed_capacity[_a-z]*\\{[^}]*pattern=\"D\"");
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthorized() {
        http.get().uri("/api/message_groups").exchange().expectStatus().isUnauthorized()
                .expectHeader().exists("WWW-Authenticate");
        http.get().uri("/api/message_groups").headers(h -> h.setBearerAuth("not-a-token")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void theApiPortServesNoHealthMetricsOrDevelopmentTokens() {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/prometheus",
                "/actuator/info")) {
            http.get().uri(path).exchange().expectStatus().isNotFound();
        }
        http.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"handle\":\"" + ANDREW + "\"}")
                .exchange()
                .expectStatus().isNotFound();
        assertThat(app.getEnvironment().getProperty("local.management.port"))
                .isNotEqualTo(app.getEnvironment().getProperty("local.server.port"));
    }

    /** An open {@code GET /api/events} of {@code handle}, its events (heartbeats left out) gathered as they come. */
    private static final class EventStream implements AutoCloseable {

        final List<ServerSentEvent<Map<String, Object>>> events = new CopyOnWriteArrayList<>();
        private final Disposable subscription;

        EventStream(String handle, String lastEventId) {
            this.subscription = http.get().uri("/api/events")
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .headers(h -> {
                        h.setBearerAuth(tokenOf(handle));
                        if (lastEventId != null) {
                            h.set("Last-Event-ID", lastEventId);
                        }
                    })
                    .exchange()
                    .expectStatus().isOk()
                    .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                    .getResponseBody()
                    .filter(event -> event.event() != null)
                    .subscribe(events::add);
        }

        List<ServerSentEvent<Map<String, Object>>> await(int count) {
            Awaitility.await("events on the stream").atMost(Duration.ofSeconds(30)).until(() -> events.size() >= count);
            return List.copyOf(events);
        }

        @Override
        public void close() {
            subscription.dispose();
        }
    }

    private static List<String> uuidsOfMessages(String reader, String group) {
        return http.get().uri("/api/messages/" + group)
                .headers(h -> h.setBearerAuth(tokenOf(reader)))
                .exchange()
                .expectStatus().isOk()
                .expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody().stream().map(row -> (String) row.get("uuid")).toList();
    }

    private static String send(String from, String group, String text) {
        return (String) post(from, "{\"message_group_uuid\":\"" + group + "\",\"message\":\"" + text + "\"}", null)
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody().get("uuid");
    }

    private static WebTestClient.ResponseSpec change(HttpMethod method, String handle, String group, String message,
                                                     String text) {
        WebTestClient.RequestBodySpec request = http.method(method).uri("/api/messages/{group}/{message}", group, message)
                .headers(h -> h.setBearerAuth(tokenOf(handle)));
        return text == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"message\":\"" + text + "\"}").exchange();
    }

    @Test
    void theSenderEditsAndDeletesTheirLastMessageAndBothInboxesAndTheOthersStreamShowIt() {
        String group = startConversation(DELENN, LENNIER, "helo");
        String message = uuidsOfMessages(DELENN, group).get(0);
        try (EventStream lennier = new EventStream(LENNIER, null)) {
            change(HttpMethod.PATCH, DELENN, group, message, "hello").expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.message").isEqualTo("hello")
                    .jsonPath("$.message_group_uuid").isEqualTo(group)
                    .jsonPath("$.edited_at").isNotEmpty();
            awaitBothInboxesShow(DELENN, LENNIER, group, "hello");
            http.get().uri("/api/messages/" + group).headers(h -> h.setBearerAuth(tokenOf(LENNIER))).exchange()
                    .expectBody().jsonPath("$[0].message").isEqualTo("hello").jsonPath("$[0].edited_at").isNotEmpty();

            change(HttpMethod.PATCH, LENNIER, group, message, "mine").expectStatus().isForbidden()
                    .expectBody().jsonPath("$.errors[0]").isEqualTo("not_your_message");
            change(HttpMethod.DELETE, LENNIER, group, message, null).expectStatus().isForbidden();
            change(HttpMethod.DELETE, DELENN, group, UUID.randomUUID().toString(), null).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.errors[0]").isEqualTo("message_not_found");

            change(HttpMethod.DELETE, DELENN, group, message, null).expectStatus().isNoContent();
            awaitBothInboxesShow(DELENN, LENNIER, group, "");
            http.get().uri("/api/messages/" + group).headers(h -> h.setBearerAuth(tokenOf(LENNIER))).exchange()
                    .expectBody().jsonPath("$.length()").isEqualTo(1)
                    .jsonPath("$[0].uuid").isEqualTo(message)
                    .jsonPath("$[0].message").isEqualTo("")
                    .jsonPath("$[0].deleted").isEqualTo(true);
            change(HttpMethod.PATCH, DELENN, group, message, "back").expectStatus().isEqualTo(409);

            List<ServerSentEvent<Map<String, Object>>> received = lennier.await(2);
            assertThat(received).map(ServerSentEvent::event).containsExactly("message_updated", "message_updated");
            assertThat(received).map(event -> event.data().get("uuid")).containsOnly(message);
            assertThat(received.get(0).data()).containsEntry("message", "hello");
            assertThat(received.get(1).data()).containsEntry("message", "").containsEntry("deleted", true);
        }
    }

    @Test
    void liveEventsReachTheOtherParticipantInOrderAndNoOneElse() {
        try (EventStream londo = new EventStream(VIR, null); EventStream andrew = new EventStream(ANDREW, null)) {
            String group = startConversation(LENNIER, VIR, "live one");
            send(LENNIER, group, "live two");

            List<ServerSentEvent<Map<String, Object>>> received = londo.await(3);
            assertThat(received).map(ServerSentEvent::event).containsExactly("message_group", "message", "message");
            assertThat(received.get(0).data()).containsEntry("uuid", group).containsEntry("handle", LENNIER)
                    .containsEntry("message", "live one");
            assertThat(received.subList(1, 3)).map(event -> event.data().get("uuid"))
                    .containsExactlyElementsOf(uuidsOfMessages(VIR, group));
            assertThat(received.subList(1, 3)).map(event -> event.data().get("message_group_uuid"))
                    .containsOnly(group);
            assertThat(received).map(ServerSentEvent::id).doesNotContainNull().isSorted();
            assertThat(andrew.events).as("a third user's stream").isEmpty();
        }
    }

    @Test
    void aStreamReopenedWithItsLastIdReceivesExactlyWhatItMissed() {
        String group = startConversation(GKAR, BAYKO, "before the break");
        String lastId;
        try (EventStream bayko = new EventStream(BAYKO, null)) {
            send(GKAR, group, "seen live");
            lastId = bayko.await(1).get(0).id();
        }
        String missedOne = send(GKAR, group, "missed one");
        String missedTwo = send(GKAR, group, "missed two");
        // Reopened at once, before pattern E necessarily moved the inbox row by which the read back finds the
        // conversation: the stream waits for pattern E itself (cruddur.live.resume-settle).

        try (EventStream bayko = new EventStream(BAYKO, lastId)) {
            assertThat(bayko.await(2)).map(event -> event.data().get("uuid")).containsExactly(missedOne, missedTwo);
            String liveAgain = send(GKAR, group, "live again");
            assertThat(bayko.await(3)).map(event -> event.data().get("uuid"))
                    .containsExactly(missedOne, missedTwo, liveAgain);
        }
    }

    @Test
    void anUnknownLastEventIdGivesAReset() {
        try (EventStream bayko = new EventStream(BAYKO, "not-an-id")) {
            assertThat(bayko.await(1)).map(ServerSentEvent::event).containsExactly("reset");
        }
    }

    @Test
    void theEventStreamNeedsAToken() {
        http.get().uri("/api/events").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isUnauthorized();
    }
}
