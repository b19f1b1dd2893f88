package com.cruddur.messaging.bootstrap.config;

import com.cruddur.messaging.adapters.redis.RedisLiveEvents;
import com.cruddur.messaging.adapters.web.live.LiveProperties;
import com.cruddur.messaging.application.live.Announcements;
import com.cruddur.messaging.application.live.InProcessLiveEvents;
import com.cruddur.messaging.application.live.MissedEvents;
import com.cruddur.messaging.application.port.LiveEvents;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
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
 * Live delivery: a send announces what it stored to the fan-out; {@code GET /api/events} reads it, and reads back
 * from the table what a reconnecting client missed. {@code cruddur.live.fan-out} chooses the fan-out:
 * {@code in-process} (the default: one instance, no Redis) or {@code redis} (many instances, one channel per user,
 * connected by Spring's {@code spring.data.redis.*}).
 */
@Configuration(proxyBeanMethods = false)
public class LiveDeliveryConfiguration {

    static final String FAN_OUT = "cruddur.live.fan-out";

    @Bean
    Announcements announcements(LiveEvents events, LiveProperties properties) {
        return new Announcements(events, properties.publishTimeout());
    }

    @Bean
    MissedEvents missedEvents(MessageGroups groups, Messages messages, Clock clock, LiveProperties properties) {
        return new MissedEvents(groups, messages, clock, properties.resumeWindow(), properties.resumeMax());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = FAN_OUT, havingValue = "in-process", matchIfMissing = true)
    static class InProcess {

        @Bean
        LiveEvents inProcessLiveEvents() {
            return new InProcessLiveEvents();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = FAN_OUT, havingValue = "redis")
    @EnableConfigurationProperties(RedisFanOutProperties.class)
    static class Redis {

        @Bean(destroyMethod = "close")
        LiveEvents redisLiveEvents(ReactiveRedisConnectionFactory connections, ClientResources resources,
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
    }

    /**
     * {@code cruddur.live.redis.*}: the fan-out through Redis (the connection itself is {@code spring.data.redis.*}).
     *
     * @param channelPrefix    prefix of every channel ({@code <prefix>user:<uuid>}); instances that share a Redis and
     *                         should not see each other's events take different ones
     * @param subscribeTimeout a stream whose subscription is not confirmed in this time reads back what its client
     *                         missed and ends (the client reconnects after {@code cruddur.live.reconnect})
     */
    @ConfigurationProperties("cruddur.live.redis")
    record RedisFanOutProperties(@DefaultValue("cruddur:live:") String channelPrefix,
                                 @DefaultValue("2s") Duration subscribeTimeout) {
    }
}
