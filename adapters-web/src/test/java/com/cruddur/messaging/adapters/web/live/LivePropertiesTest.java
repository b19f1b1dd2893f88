package com.cruddur.messaging.adapters.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bounds of the event stream are checked when the settings are bound: none may be zero. */
class LivePropertiesTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static LiveProperties of(int maxStreams, int buffer, int resumeMax) {
        return new LiveProperties(Duration.ofSeconds(25), maxStreams, buffer, Duration.ofSeconds(2),
                Duration.ofHours(24), resumeMax, Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    private static Set<String> refused(LiveProperties properties) {
        return VALIDATOR.validate(properties).stream()
                .map(ConstraintViolation::getPropertyPath).map(Object::toString).collect(Collectors.toSet());
    }

    @Test
    void oneStreamOneBufferedEventAndOneResumedEventAreEnough() {
        LiveProperties least = of(1, 1, 1);

        assertThat(refused(least)).isEmpty();
        assertThat(least.maxStreams()).isEqualTo(1);
        assertThat(least.buffer()).isEqualTo(1);
        assertThat(least.resumeMax()).isEqualTo(1);
    }

    @Test
    void zeroOfAnyIsRefused() {
        assertThat(refused(of(0, 1, 1))).containsExactly("maxStreams");
        assertThat(refused(of(1, 0, 1))).containsExactly("buffer");
        assertThat(refused(of(1, 1, 0))).containsExactly("resumeMax");
    }
}
