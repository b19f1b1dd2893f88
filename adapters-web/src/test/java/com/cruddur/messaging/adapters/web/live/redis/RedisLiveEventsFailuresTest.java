package com.cruddur.messaging.adapters.web.live.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cruddur.messaging.application.contract.ContractFixtures;
import com.cruddur.messaging.application.live.LiveEvent;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.UserId;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import reactor.core.Disposable;

/**
 * What the Redis fan-out does when Redis fails it, against the machine's Redis (127.0.0.1:6379), a port where
 * nothing listens, a server that never answers and a proxy that never lets a subscription through: a send that cannot
 * publish is counted; a stream connects off its caller's thread, and one whose connection cannot be made, whose
 * subscription is not confirmed in time or whose connection is lost ends counted (its client then resumes from the
 * table), and a closed instance has closed its connection and takes no new stream.
 */
class RedisLiveEventsFailuresTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int REDIS_PORT = 6379;

    private final String prefix = "cruddur-test-" + UUID.randomUUID() + ":";
    private final String clientName = "cruddur-failures-" + UUID.randomUUID();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<AutoCloseable> cleanUp = new ArrayList<>();
    private final UserId andrew = UserId.of(UUID.randomUUID().toString());
    private final Participant londo = ContractFixtures.participant("Londo Mollari");

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = cleanUp.size() - 1; i >= 0; i--) {
            cleanUp.get(i).close();
        }
    }

    @Test
    void aSendThatCannotReachRedisFailsAndIsCounted() throws IOException {
        RedisLiveEvents events = instance(unusedPort(), Duration.ofSeconds(30));

        AtomicReference<Throwable> failure = new AtomicReference<>();
        events.publish(someEvent()).subscribe(done -> { }, failure::set);

        await().atMost(WAIT).until(() -> failure.get() != null);
        assertThat(registry.get("cruddur.live.publish.failures").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aSendWaitsForRedisOffTheCallersThread() throws IOException {
        RedisLiveEvents events = instance(silentServer(), Duration.ofSeconds(30));

        AtomicReference<Throwable> failure = new AtomicReference<>();
        events.publish(someEvent()).subscribe(done -> { }, failure::set);
        assertThat(failure.get()).as("the send is still connecting").isNull();

        await().atMost(WAIT).until(() -> failure.get() != null);
        assertThat(registry.get("cruddur.live.publish.failures").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aSubscriptionNotConfirmedInTimeEndsTheStreamWithTheFanOutLost() throws IOException {
        RedisLiveEvents events = instance(redisThatNeverConfirmsASubscription(), Duration.ofMillis(300));
        AtomicBoolean ready = new AtomicBoolean();

        AtomicReference<Throwable> ended = new AtomicReference<>();
        events.receive(andrew, () -> ready.set(true)).subscribe(event -> { }, ended::set);

        await().atMost(WAIT).until(() -> ended.get() != null);
        assertThat(ended.get()).isInstanceOf(RedisLiveEvents.FanOutLostException.class)
                .hasMessageContaining("no Redis subscription within");
        assertThat(ready).isFalse();
        assertThat(registry.get("cruddur.live.fan.out.lost").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aStreamConnectsToRedisOffTheCallersThreadAndAFailedConnectionEndsItCounted() throws IOException {
        RedisLiveEvents events = instance(silentServer(), Duration.ofSeconds(30));

        AtomicReference<Throwable> ended = new AtomicReference<>();
        events.receive(andrew).subscribe(event -> { }, ended::set);
        // A server that never answers makes the connection wait for its timeout: had the caller's thread made it,
        // the stream would have ended before subscribe returned.
        assertThat(ended.get()).as("the stream is still connecting").isNull();

        await().atMost(WAIT).until(() -> ended.get() != null);
        assertThat(ended.get()).isInstanceOf(RedisConnectionFailureException.class);
        assertThat(registry.get("cruddur.live.fan.out.lost").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aLostConnectionEndsTheStreamAndTheNextStreamSubscribesAfresh() {
        RedisLiveEvents events = instance(REDIS_PORT, Duration.ofSeconds(30));
        AtomicBoolean ready = new AtomicBoolean();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        events.receive(andrew, () -> ready.set(true)).subscribe(event -> { }, ended::set);
        await().atMost(WAIT).untilTrue(ready);

        killOurConnections();

        await().atMost(WAIT).until(() -> ended.get() != null);
        assertThat(ended.get()).isInstanceOf(RedisLiveEvents.FanOutLostException.class)
                .hasMessageContaining("the connection to Redis was lost");
        assertThat(registry.get("cruddur.live.fan.out.lost").counter().count()).isEqualTo(1.0);

        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        AtomicBoolean readyAgain = new AtomicBoolean();
        cleanUp.add(events.receive(andrew, () -> readyAgain.set(true)).subscribe(received::add)::dispose);
        await().atMost(WAIT).untilTrue(readyAgain);
        LiveEvent sent = someEvent();
        events.publish(sent).block(WAIT);
        await().atMost(WAIT).until(() -> received.contains(sent));
    }

    @Test
    void aStreamWithoutAReadyCallbackReceives() {
        RedisLiveEvents events = instance(REDIS_PORT, Duration.ofSeconds(30));
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        cleanUp.add(events.receive(andrew).subscribe(received::add)::dispose);
        await().atMost(WAIT).until(() -> subscribers(events.channelOf(andrew)) == 1);

        LiveEvent sent = someEvent();
        events.publish(sent).block(WAIT);

        await().atMost(WAIT).until(() -> received.contains(sent));
    }

    @Test
    void closingTheInstanceClosesItsSubscriptionConnectionAndRefusesNewStreams() {
        RedisLiveEvents events = instance(REDIS_PORT, Duration.ofSeconds(30));
        AtomicBoolean ready = new AtomicBoolean();
        Disposable stream = events.receive(andrew, () -> ready.set(true)).subscribe();
        await().atMost(WAIT).untilTrue(ready);
        long before = ourConnections();
        // As the service shuts down: its streams end first (OpenStreams stops before the beans are closed).
        stream.dispose();

        events.close();

        await().atMost(WAIT).until(() -> ourConnections() < before);
        AtomicReference<Throwable> refused = new AtomicReference<>();
        events.receive(andrew).subscribe(event -> { }, refused::set);
        await().atMost(WAIT).until(() -> refused.get() != null);
        assertThat(refused.get()).isInstanceOf(RedisLiveEvents.FanOutLostException.class)
                .hasMessageContaining("shutting down");
    }

    private RedisLiveEvents instance(int port, Duration subscribeTimeout) {
        ClientResources resources = DefaultClientResources.create();
        cleanUp.add(resources::shutdown);
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder().clientResources(resources).clientName(clientName)
                        .commandTimeout(Duration.ofSeconds(5)).build());
        factory.afterPropertiesSet();
        factory.start();
        cleanUp.add(factory::destroy);
        RedisLiveEvents events = new RedisLiveEvents(factory, resources.eventBus(), prefix, subscribeTimeout, registry);
        cleanUp.add(events::close);
        return events;
    }

    private LiveEvent someEvent() {
        return new LiveEvent.NewMessage(andrew, new Message(new MessageId(UUID.randomUUID()),
                new MessageGroupId(UUID.randomUUID()), londo, "hello " + UUID.randomUUID(), ContractFixtures.at(1)));
    }

    /** Closes this test's connections to the machine's Redis (by their client name), as a failover would. */
    private void killOurConnections() {
        try (RedisClient redis = RedisClient.create("redis://127.0.0.1:" + REDIS_PORT);
             StatefulRedisConnection<String, String> admin = redis.connect()) {
            for (String line : admin.sync().clientList().lines().toList()) {
                if (line.contains(" name=" + clientName + " ")) {
                    String id = line.substring(line.indexOf("id=") + 3, line.indexOf(' ', line.indexOf("id=")));
                    admin.sync().clientKill(KillArgs.Builder.id(Long.parseLong(id)));
                }
            }
        }
    }

    /** How many connections this test has open to the machine's Redis. */
    private long ourConnections() {
        try (RedisClient redis = RedisClient.create("redis://127.0.0.1:" + REDIS_PORT);
             StatefulRedisConnection<String, String> admin = redis.connect()) {
            return admin.sync().clientList().lines().filter(line -> line.contains(" name=" + clientName + " "))
                    .count();
        }
    }

    private static long subscribers(String channel) {
        try (RedisClient redis = RedisClient.create("redis://127.0.0.1:" + REDIS_PORT);
             StatefulRedisConnection<String, String> admin = redis.connect()) {
            Map<String, Long> counts = admin.sync().pubsubNumsub(channel);
            return counts.getOrDefault(channel, 0L);
        }
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * A proxy on 127.0.0.1 to the machine's Redis that passes everything until a client asks to subscribe, and from
     * then on drops what that client sends: its connection works, its subscription is never confirmed.
     */
    private int redisThatNeverConfirmsASubscription() throws IOException {
        return localServer("redis-proxy", (client, sockets) -> {
            Socket redis = new Socket(InetAddress.getLoopbackAddress(), REDIS_PORT);
            sockets.add(redis);
            pump(redis, client, false);
            pump(client, redis, true);
        });
    }

    /** A server on 127.0.0.1 that accepts connections and never answers. */
    private int silentServer() throws IOException {
        return localServer("silent-redis", (client, sockets) -> { });
    }

    private interface Accepted {
        void handle(Socket client, List<Socket> sockets) throws IOException;
    }

    /** A server on 127.0.0.1 that hands each connection to {@code accepted}; it and its sockets close after the test. */
    private int localServer(String name, Accepted accepted) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<Socket> sockets = new CopyOnWriteArrayList<>();
        cleanUp.add(() -> {
            server.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        });
        Thread acceptor = new Thread(() -> {
            try {
                while (!server.isClosed()) {
                    Socket client = server.accept();
                    sockets.add(client);
                    accepted.handle(client, sockets);
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, name);
        acceptor.setDaemon(true);
        acceptor.start();
        return server.getLocalPort();
    }

    private static void pump(Socket from, Socket to, boolean dropFromSubscribe) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            boolean dropping = false;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    String text = new String(buffer, 0, read, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
                    dropping |= dropFromSubscribe && text.contains("SUBSCRIBE");
                    if (!dropping) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
            } catch (IOException closed) {
                // either side closed
            }
        }, "redis-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }
}
