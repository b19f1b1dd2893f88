package com.cruddur.messaging.bootstrap.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;

/** The settings each mode starts with, read from the configuration files as Spring Boot reads them. */
class ModeSettingsTest {

    @Test
    void theAwsModeServesActuatorOnAPortOfItsOwn() {
        StandardEnvironment aws = settingsOf(RunMode.AWS);

        assertThat(aws.getProperty("management.server.port")).isEqualTo("8081");
        assertThat(aws.getProperty("server.port")).isEqualTo("8080");
        assertThat(aws.getProperty("server.address")).isNull();
    }

    @Test
    void theEmbeddedDefaultListensOnLoopbackOnlyAndKeepsHealthOnItsOnePort() {
        StandardEnvironment embedded = settingsOf(RunMode.EMBEDDED);

        assertThat(embedded.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(embedded.getProperty("management.server.port")).isNull();
        assertThat(embedded.getProperty("cruddur.auth.issuer")).isNull();
        assertThat(embedded.getProperty("cruddur.auth.client-ids")).isNull();
    }

    @Test
    void noProfileIsActiveUnlessOneIsChosen() {
        StandardEnvironment none = new StandardEnvironment();
        ConfigDataEnvironmentPostProcessor.applyTo(none);

        assertThat(none.getActiveProfiles()).isEmpty();
        assertThat(none.getProperty("spring.profiles.default")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8000", "http://127.0.0.1:8000", "http://127.8.9.10", "http://[::1]:8000",
            "HTTP://LOCALHOST:8000"})
    void endpointsOnThisMachine(String endpoint) {
        assertThat(RunMode.onThisMachine(endpoint)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://dynamodb.us-east-1.amazonaws.com", "http://192.0.2.10:8000",
            "http://localhost.example.com:8000", "http://127.0.0.1.nip.io:8000", "http://[::2]:8000", "not a url",
            "http://dynamodb-local:8000"})
    void endpointsElsewhere(String endpoint) {
        assertThat(RunMode.onThisMachine(endpoint)).isFalse();
    }

    private static StandardEnvironment settingsOf(String profile) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(profile);
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        return environment;
    }
}
