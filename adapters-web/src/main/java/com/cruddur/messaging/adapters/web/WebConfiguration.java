package com.cruddur.messaging.adapters.web;

import com.cruddur.messaging.adapters.web.api.ApiConfiguration;
import com.cruddur.messaging.adapters.web.connection.ConnectionTimeouts;
import com.cruddur.messaging.adapters.web.dev.DevTokenConfiguration;
import com.cruddur.messaging.adapters.web.problem.ProblemConfiguration;
import com.cruddur.messaging.adapters.web.security.SecurityConfiguration;
import com.cruddur.messaging.adapters.web.live.LiveProperties;
import com.cruddur.messaging.adapters.web.live.OpenStreams;
import com.cruddur.messaging.adapters.web.ui.UiConfiguration;
import com.cruddur.messaging.adapters.web.ui.UiProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The HTTP side of the service: the API routes, their security, their error responses and the bounds on slow
 * connections; the web UI where it is on. Expects the use cases
 * ({@code ListMessages}, {@code ListMessageGroups}, {@code SendMessage}, {@code StartConversation},
 * {@code IdentifyCaller}, {@code ShowUser}, {@code MissedEvents}) and the port {@code LiveEvents} as beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WebProperties.class, LiveProperties.class, UiProperties.class})
@Import({ApiConfiguration.class, ProblemConfiguration.class, SecurityConfiguration.class,
        DevTokenConfiguration.class, UiConfiguration.class})
public class WebConfiguration {

    @Bean
    RequestLog requestLog() {
        return new RequestLog();
    }

    @Bean
    RequestBodyLimitFilter requestBodyLimitFilter(WebProperties properties) {
        return new RequestBodyLimitFilter(properties.maxRequestBody().toBytes());
    }

    @Bean
    OpenStreams openStreams(LiveProperties properties, MeterRegistry registry) {
        return new OpenStreams(properties.maxStreams(), registry);
    }

    @Bean
    ConnectionTimeouts connectionTimeouts(WebProperties properties) {
        return new ConnectionTimeouts(properties.idleTimeout(), properties.headerTimeout(), properties.readTimeout(),
                properties.requestTimeout());
    }
}
