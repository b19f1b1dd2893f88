package com.cruddur.messaging.bootstrap.config;

import com.cruddur.messaging.adapters.web.live.redis.RedisLiveEventsConfiguration;
import com.cruddur.messaging.adapters.web.live.LiveProperties;
import com.cruddur.messaging.application.live.Announcements;
import com.cruddur.messaging.application.live.InProcessLiveEvents;
import com.cruddur.messaging.application.live.MissedEvents;
import com.cruddur.messaging.application.port.LiveEvents;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Live delivery: a send announces what it stored to the fan-out; {@code GET /api/events} reads it, and reads back
 * from the table what a reconnecting client missed. {@code cruddur.live.fan-out} chooses the fan-out:
 * {@code in-process} (the default: one instance, no Redis) or {@code redis} (many instances: Redis pub/sub, {@code adapters.web.live.redis}).
 */
@Configuration(proxyBeanMethods = false)
@Import(RedisLiveEventsConfiguration.class)
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
}
