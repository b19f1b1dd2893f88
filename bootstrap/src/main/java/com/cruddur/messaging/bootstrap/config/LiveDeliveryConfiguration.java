package com.cruddur.messaging.bootstrap.config;

import com.cruddur.messaging.adapters.web.live.LiveProperties;
import com.cruddur.messaging.application.live.Announcements;
import com.cruddur.messaging.application.live.InProcessLiveEvents;
import com.cruddur.messaging.application.live.MissedEvents;
import com.cruddur.messaging.application.port.LiveEvents;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Live delivery: a send announces what it stored to the fan-out; {@code GET /api/events} reads it, and reads back
 * from the table what a reconnecting client missed. One process fans out in memory unless a shared fan-out
 * (Redis) is configured.
 */
@Configuration(proxyBeanMethods = false)
public class LiveDeliveryConfiguration {

    @Bean
    @ConditionalOnMissingBean(LiveEvents.class)
    LiveEvents inProcessLiveEvents() {
        return new InProcessLiveEvents();
    }

    @Bean
    Announcements announcements(LiveEvents events, LiveProperties properties) {
        return new Announcements(events, properties.publishTimeout());
    }

    @Bean
    MissedEvents missedEvents(MessageGroups groups, Messages messages, Clock clock, LiveProperties properties) {
        return new MissedEvents(groups, messages, clock, properties.resumeWindow(), properties.resumeMax());
    }
}
