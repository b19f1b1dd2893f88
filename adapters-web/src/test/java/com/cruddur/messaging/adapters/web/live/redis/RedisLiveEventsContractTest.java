package com.cruddur.messaging.adapters.web.live.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.contract.LiveEventsContract;
import com.cruddur.messaging.application.port.LiveEvents;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The contract against the machine's Redis (127.0.0.1:6379), under a channel prefix of this run's own; every
 * {@link #liveEvents()} is an instance of its own, with its own connections. Afterwards no channel of the run is
 * left subscribed.
 */
class RedisLiveEventsContractTest extends LiveEventsContract {

    private static final String HOST = "127.0.0.1";
    private static final int PORT = 6379;
    private final String prefix = "cruddur-test-" + UUID.randomUUID() + ":";
    private final List<LettuceConnectionFactory> factories = new ArrayList<>();
    private final List<RedisLiveEvents> instances = new ArrayList<>();
    private final List<ClientResources> resources = new ArrayList<>();

    @Override
    protected LiveEvents liveEvents() {
        ClientResources clientResources = DefaultClientResources.create();
        resources.add(clientResources);
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(HOST, PORT),
                LettuceClientConfiguration.builder().clientResources(clientResources).build());
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        RedisLiveEvents events = new RedisLiveEvents(factory, clientResources.eventBus(), prefix,
                Duration.ofSeconds(30), new SimpleMeterRegistry());
        instances.add(events);
        return events;
    }

    @AfterEach
    void closeAndCheckNothingIsLeft() {
        instances.forEach(RedisLiveEvents::close);
        factories.forEach(LettuceConnectionFactory::destroy);
        resources.forEach(ClientResources::shutdown);
        try (RedisClient redis = RedisClient.create("redis://" + HOST + ":" + PORT);
             StatefulRedisConnection<String, String> connection = redis.connect()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!connection.sync().pubsubChannels(prefix + "*").isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(connection.sync().pubsubChannels(prefix + "*")).isEmpty();
        }
    }
}
