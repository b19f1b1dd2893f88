package com.cruddur.messaging.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.adapters.postgres.cognito.CognitoUserSync;
import com.cruddur.messaging.adapters.postgres.cognito.CognitoUsers;
import com.cruddur.messaging.adapters.postgres.testing.CognitoLocalFixture;
import com.cruddur.messaging.adapters.postgres.testing.PostgresFixture;
import com.cruddur.messaging.adapters.postgres.testing.UsersRows;
import com.cruddur.messaging.bootstrap.CruddurMessagingApplication;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;

/**
 * Live delivery across instances: two instances of the application (the AWS mode, on ephemeral ports) over one
 * DynamoDB Local table, fanning out through Redis.
 *
 * <ul>
 *   <li>The machine's Redis (127.0.0.1:6379), under a channel prefix of this run's own: a message sent through one
 *       instance reaches a stream held on the other. Afterwards no channel of this run is left subscribed.</li>
 *   <li>A Redis of the test's own (the machine's {@code redis-server} on an ephemeral port), stopped mid-run: sends
 *       still answer 200, the stream on the other instance ends, and reconnected with its last id it receives what
 *       it missed from the table; once Redis is back, live delivery is too.</li>
 * </ul>
 */
class LiveDeliveryAcrossInstancesTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String PASSWORD = "Secret-Passw0rd!";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String PREFIX = "cruddur-test-" + RUN + ":";
    private static final String REDIS_SERVER = "/usr/bin/redis-server";
    private static final String SHARED_REDIS_HOST = "127.0.0.1";
    private static final int SHARED_REDIS_PORT = 6379;

    private static final String LONDO = "londo" + RUN.substring(0, 6);
    private static final String BAYKO = "bayko" + RUN.substring(0, 6);
    private static final String VIR = "vir" + RUN.substring(0, 6);
    private static final String LENNIER = "lennier" + RUN.substring(0, 6);

    private static CognitoLocalFixture cognito;
    private static String clientId;
    private static String pool;
    private static final Map<String, String> tokens = new ConcurrentHashMap<>();
    private static final List<ConfigurableApplicationContext> apps = new ArrayList<>();
    private static String table;
    private static PostgresFixture postgres;
    private static OwnRedis ownRedis;

    @BeforeAll
    static void startEverything() throws IOException {
        cognito = CognitoLocalFixture.start();
        pool = cognito.createUserPool("cruddur-live");
        clientId = cognito.createAppClient(pool, "cruddur-frontend");
        postgres = PostgresFixture.shared();
        UsersRows rows = new UsersRows(postgres.users().connectionFactory());
        List<String> handles = List.of(LONDO, BAYKO, VIR, LENNIER);
        for (String handle : handles) {
            rows.insert(handle.replaceAll("[0-9a-f]{6}$", "").toUpperCase(), handle, null);
            cognito.createUser(pool, handle + "@example.com", handle, handle, PASSWORD);
        }
        CognitoUserSync.Report synced = new CognitoUserSync(new CognitoUsers(cognito.client()),
                postgres.users().connectionFactory()).sync(pool).block(Duration.ofSeconds(60));
        assertThat(synced.updated()).isEqualTo(handles.size());
        table = DynamoDbLocalFixture.freshTable("live");
        ownRedis = OwnRedis.start();
    }

    @AfterAll
    static void stopEverything() {
        apps.forEach(ConfigurableApplicationContext::close);
        if (ownRedis != null) {
            ownRedis.stop();
        }
        if (cognito != null) {
            cognito.close();
        }
        // Nothing of this run is left on the machine's Redis: every stream unsubscribed when its instance stopped.
        try (RedisClient redis = RedisClient.create("redis://" + SHARED_REDIS_HOST + ":" + SHARED_REDIS_PORT);
             StatefulRedisConnection<String, String> connection = redis.connect()) {
            await("no channel of this run is subscribed").atMost(WAIT)
                    .until(() -> connection.sync().pubsubChannels(PREFIX + "*").isEmpty());
            assertThat(connection.sync().keys(PREFIX + "*")).isEmpty();
        }
    }

    /** An instance in the AWS mode, fanning out through the Redis on {@code redisPort}. */
    private static Instance instance(int redisPort) {
        Map<String, String> properties = new HashMap<>(Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("management.server.port", "0"),
                Map.entry("cruddur.dynamodb.endpoint", DynamoDbLocalFixture.endpoint().toString()),
                Map.entry("cruddur.dynamodb.table", table),
                Map.entry("cruddur.users.url", postgres.url()),
                Map.entry("cruddur.users.username", postgres.username()),
                Map.entry("cruddur.users.password", postgres.password()),
                Map.entry("cruddur.auth.jwks-url", cognito.jwksUri(pool).toString()),
                Map.entry("cruddur.auth.issuer", cognito.issuer(pool)),
                Map.entry("cruddur.auth.client-ids", clientId),
                Map.entry("cruddur.stream-pump.enabled", "true"),
                Map.entry("cruddur.live.fan-out", "redis"),
                Map.entry("cruddur.live.redis.channel-prefix", PREFIX),
                // Generous on a busy build machine; a stream without its subscription ends after reading back.
                Map.entry("cruddur.live.redis.subscribe-timeout", "10s"),
                Map.entry("cruddur.live.publish-timeout", "5s"),
                // Longer than pattern E's lag on a busy machine: a resume reads back after the pump moved the rows.
                Map.entry("cruddur.live.resume-settle", "5s"),
                Map.entry("spring.data.redis.host", "127.0.0.1"),
                Map.entry("spring.data.redis.port", String.valueOf(redisPort))));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CruddurMessagingApplication.class)
                .profiles("aws")
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        apps.add(app);
        return new Instance(app);
    }

    @Test
    void aMessageSentThroughOneInstanceReachesAStreamHeldOnTheOther() {
        Instance one = instance(SHARED_REDIS_PORT);
        Instance two = instance(SHARED_REDIS_PORT);
        try (EventStream londo = two.stream(LONDO, null); EventStream baykoElsewhere = two.stream(BAYKO, null)) {
            String group = one.startConversation(BAYKO, LONDO, "across instances");
            String second = one.send(BAYKO, group, "and again");

            List<ServerSentEvent<Map<String, Object>>> received = londo.await(3);
            assertThat(received).map(ServerSentEvent::event).containsExactly("message_group", "message", "message");
            assertThat(received.get(0).data()).containsEntry("uuid", group).containsEntry("handle", BAYKO);
            assertThat(received.subList(1, 3)).map(event -> event.data().get("uuid"))
                    .containsExactlyElementsOf(two.uuidsOfMessages(LONDO, group))
                    .endsWith(second);
            assertThat(received).map(ServerSentEvent::id).isSorted();
            // The sender's own stream on the other instance (another device of theirs) is told too.
            assertThat(baykoElsewhere.await(3)).map(ServerSentEvent::event)
                    .containsExactly("message_group", "message", "message");

            assertThat(two.metric("cruddur_live_events_sent_total", "event=\"message\"")).isEqualTo(4);
            assertThat(two.metric("cruddur_live_events_sent_total", "event=\"message_group\"")).isEqualTo(2);
            assertThat(two.metric("cruddur_live_streams_open", "")).isEqualTo(2);
            assertThat(one.metric("cruddur_live_streams_open", "")).isZero();
        }
    }

    @Test
    void withRedisStoppedSendsStillAnswerAndTheStreamCatchesUpOnReconnect() {
        Instance one = instance(ownRedis.port);
        Instance two = instance(ownRedis.port);
        String group;
        String lastId;
        try (EventStream vir = two.stream(VIR, null)) {
            group = one.startConversation(LENNIER, VIR, "before redis stops");
            lastId = vir.await(2).get(1).id();

            ownRedis.stop();
            await("the stream ends with its Redis connection").atMost(WAIT).untilTrue(vir.ended);
        }

        Instant before = Instant.now();
        String missedOne = one.send(LENNIER, group, "while redis is down");
        String missedTwo = one.send(LENNIER, group, "still down");
        assertThat(Duration.between(before, Instant.now())).as("two sends without Redis")
                .isLessThan(Duration.ofSeconds(30));
        assertThat(one.metric("cruddur_live_publish_failures_total", "")).isPositive();

        try (EventStream vir = two.stream(VIR, lastId)) {
            assertThat(vir.await(2)).map(event -> event.data().get("uuid")).containsExactly(missedOne, missedTwo);
            // Without Redis the stream cannot go on live: it ends, and its client comes back after the retry.
            await("the stream without Redis ends").atMost(WAIT).untilTrue(vir.ended);
            lastId = vir.events.get(1).id();
        }

        ownRedis.restart();
        String[] resumedFrom = {lastId};
        await("live delivery across instances once Redis is back").atMost(WAIT).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    try (EventStream vir = two.stream(VIR, resumedFrom[0])) {
                        String live = one.send(LENNIER, group, "redis is back " + UUID.randomUUID());
                        vir.awaitAtMost(Duration.ofSeconds(15), 1);
                        boolean liveArrived = !vir.ended.get() && vir.events.stream()
                                .anyMatch(event -> live.equals(event.data().get("uuid")));
                        if (!vir.events.isEmpty()) {
                            resumedFrom[0] = vir.events.get(vir.events.size() - 1).id();
                        }
                        return liveArrived;
                    }
                });
    }

    /** One running instance and its clients. */
    private static final class Instance {

        private final WebTestClient http;
        private final WebTestClient management;

        Instance(ConfigurableApplicationContext app) {
            this.http = WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                    .responseTimeout(WAIT).build();
            this.management = WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.management.port"))
                    .responseTimeout(WAIT).build();
        }

        EventStream stream(String handle, String lastEventId) {
            return new EventStream(http, handle, lastEventId);
        }

        String startConversation(String from, String to, String text) {
            post(from, "{\"handle\":\"" + to + "\",\"message\":\"" + text + "\"}");
            return http.get().uri("/api/message_groups").headers(h -> h.setBearerAuth(tokenOf(from)))
                    .exchange().expectStatus().isOk()
                    .expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() { })
                    .returnResult().getResponseBody().stream()
                    .filter(row -> to.equals(row.get("handle"))).map(row -> (String) row.get("uuid"))
                    .findFirst().orElseThrow();
        }

        String send(String from, String group, String text) {
            return (String) post(from, "{\"message_group_uuid\":\"" + group + "\",\"message\":\"" + text + "\"}")
                    .get("uuid");
        }

        private Map<String, Object> post(String from, String json) {
            return http.post().uri("/api/messages").headers(h -> h.setBearerAuth(tokenOf(from)))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                    .returnResult().getResponseBody();
        }

        List<String> uuidsOfMessages(String reader, String group) {
            return http.get().uri("/api/messages/" + group).headers(h -> h.setBearerAuth(tokenOf(reader)))
                    .exchange().expectStatus().isOk()
                    .expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() { })
                    .returnResult().getResponseBody().stream().map(row -> (String) row.get("uuid")).toList();
        }

        /** The sum of a metric's samples whose tags contain {@code tag}, as Prometheus scrapes it. */
        double metric(String name, String tag) {
            String metrics = management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            Matcher samples = Pattern.compile("^" + name + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE)
                    .matcher(metrics);
            double sum = 0;
            while (samples.find()) {
                if (samples.group(1) == null ? tag.isEmpty() : samples.group(1).contains(tag)) {
                    sum += Double.parseDouble(samples.group(2));
                }
            }
            return sum;
        }
    }

    private static String tokenOf(String handle) {
        return tokens.computeIfAbsent(handle, h -> cognito.accessToken(clientId, h + "@example.com", PASSWORD));
    }

    /** An open {@code GET /api/events}: its events (heartbeats left out) as they come, and whether it ended. */
    private static final class EventStream implements AutoCloseable {

        final List<ServerSentEvent<Map<String, Object>>> events = new CopyOnWriteArrayList<>();
        final AtomicBoolean ended = new AtomicBoolean();
        private final Disposable subscription;

        EventStream(WebTestClient http, String handle, String lastEventId) {
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
                    .doFinally(signal -> ended.set(true))
                    .subscribe(events::add, failure -> { });
        }

        List<ServerSentEvent<Map<String, Object>>> await(int count) {
            return awaitAtMost(WAIT, count);
        }

        /** What arrived once {@code count} events did, the stream ended or {@code wait} passed. */
        List<ServerSentEvent<Map<String, Object>>> awaitAtMost(Duration wait, int count) {
            try {
                org.awaitility.Awaitility.await("events on the stream").atMost(wait)
                        .until(() -> events.size() >= count || ended.get());
            } catch (org.awaitility.core.ConditionTimeoutException notYet) {
                // the caller looks at what arrived
            }
            return List.copyOf(events);
        }

        @Override
        public void close() {
            subscription.dispose();
        }
    }

    /** The machine's redis-server on a port of its own, for a test that stops it; never the shared one. */
    private static final class OwnRedis {

        final int port;
        private final Path dir;
        private Process process;

        private OwnRedis(int port, Path dir) {
            this.port = port;
            this.dir = dir;
        }

        static OwnRedis start() throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            OwnRedis redis = new OwnRedis(port, Files.createTempDirectory("cruddur-redis"));
            redis.restart();
            return redis;
        }

        synchronized void restart() {
            try {
                process = new ProcessBuilder(REDIS_SERVER, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                        "--save", "", "--appendonly", "no", "--dir", dir.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("redis.log").toFile())
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + REDIS_SERVER, e);
            }
            await("redis-server on port " + port).atMost(WAIT).ignoreExceptions().until(() -> {
                try (RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
                     StatefulRedisConnection<String, String> connection = client.connect()) {
                    return "PONG".equals(connection.sync().ping());
                }
            });
        }

        synchronized void stop() {
            if (process != null && process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
