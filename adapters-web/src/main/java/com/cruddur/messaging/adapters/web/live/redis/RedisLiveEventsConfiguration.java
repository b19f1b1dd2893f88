package com.cruddur.messaging.adapters.web.live.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * The fan-out through Redis, with {@code cruddur.live.fan-out=redis}; the connection is Spring Boot's, configured by
 * {@code spring.data.redis.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cruddur.live.fan-out", havingValue = "redis")
@EnableConfigurationProperties(RedisLiveEventsConfiguration.RedisFanOutProperties.class)
public class RedisLiveEventsConfiguration {

    @Bean(destroyMethod = "close")
    RedisLiveEvents redisLiveEvents(ReactiveRedisConnectionFactory connections, ClientResources resources,
                                    RedisFanOutProperties properties, MeterRegistry registry) {
        return new RedisLiveEvents(connections, resources.eventBus(), properties.channelPrefix(),
                properties.subscribeTimeout(), registry);
    }

    /**
     * While the connection is down, a publish fails at once instead of waiting in Lettuce's queue for the
     * reconnection: the send answers without waiting for the publish timeout, and the failure is counted.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /**
     * {@code cruddur.live.redis.*}.
     *
     * @param channelPrefix    prefix of every channel ({@code <prefix>user:<uuid>}); deployments that share a Redis
     *                         and must not see each other's events take different ones
     * @param subscribeTimeout a stream whose subscription is not confirmed in this time reads back what its client
     *                         missed and ends (the client reconnects after {@code cruddur.live.reconnect})
     */
    @ConfigurationProperties("cruddur.live.redis")
    public record RedisFanOutProperties(@DefaultValue("cruddur:live:") String channelPrefix,
                                        @DefaultValue("2s") Duration subscribeTimeout) {
    }
}
