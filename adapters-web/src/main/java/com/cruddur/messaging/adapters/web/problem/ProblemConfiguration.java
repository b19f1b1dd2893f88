package com.cruddur.messaging.adapters.web.problem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;

/** Error responses as RFC 9457 problem+json. */
@Configuration(proxyBeanMethods = false)
public class ProblemConfiguration {

    @Bean
    ProblemWriter problemWriter(ServerCodecConfigurer codecs) {
        return new ProblemWriter(codecs);
    }

    @Bean
    ProblemWebExceptionHandler problemWebExceptionHandler(ProblemWriter writer) {
        return new ProblemWebExceptionHandler(writer);
    }
}
