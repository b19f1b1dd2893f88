package com.cruddur.messaging.adapters.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LivePropertiesTest {

    private static LiveProperties of(int maxStreams, int buffer, int resumeMax) {
        return new LiveProperties(Duration.ofSeconds(25), maxStreams, buffer, Duration.ofSeconds(2),
                Duration.ofHours(24), resumeMax, Duration.ofMillis(500));
    }

    @Test
    void oneStreamOneBufferedEventAndOneResumedEventAreEnough() {
        LiveProperties least = of(1, 1, 1);

        assertThat(least.maxStreams()).isEqualTo(1);
        assertThat(least.buffer()).isEqualTo(1);
        assertThat(least.resumeMax()).isEqualTo(1);
    }

    @Test
    void zeroOfAnyIsRefused() {
        assertThatThrownBy(() -> of(0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-streams");
        assertThatThrownBy(() -> of(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> of(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
