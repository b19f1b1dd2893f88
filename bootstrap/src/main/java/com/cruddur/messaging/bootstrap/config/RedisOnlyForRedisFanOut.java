package com.cruddur.messaging.bootstrap.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Spring Boot's Redis auto-configurations apply only with {@code cruddur.live.fan-out=redis}. Lettuce is on the
 * class path for that fan-out, and Spring Boot configures Redis whenever it is: without this a service that never
 * talks to Redis loads some 540 classes of Spring Data Redis and Lettuce and starts Lettuce's timer thread.
 *
 * <p>They are added to {@code spring.autoconfigure.exclude} (to whatever it holds already) because exclusions are
 * applied before any auto-configuration's conditions are read: even a {@code @ConditionalOnClass} check loads the
 * class it names.
 */
public final class RedisOnlyForRedisFanOut implements EnvironmentPostProcessor {

    static final String EXCLUDE = "spring.autoconfigure.exclude";

    /** Those of {@code spring-boot-data-redis}'s {@code AutoConfiguration.imports}. */
    static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // As RedisLiveEventsConfiguration's @ConditionalOnProperty reads it (the value's case does not matter).
        if ("redis".equalsIgnoreCase(environment.getProperty(LiveDeliveryConfiguration.FAN_OUT))) {
            return;
        }
        Set<String> exclude = new LinkedHashSet<>(Binder.get(environment).bind(EXCLUDE, String[].class)
                .map(List::of).orElse(List.of()));
        exclude.addAll(REDIS_AUTO_CONFIGURATIONS);
        environment.getPropertySources().addFirst(new MapPropertySource("redisOnlyForRedisFanOut",
                Map.of(EXCLUDE, String.join(",", exclude))));
    }
}
