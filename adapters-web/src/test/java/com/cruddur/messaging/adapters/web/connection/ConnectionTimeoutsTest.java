package com.cruddur.messaging.adapters.web.connection;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionTimeoutsTest {

    private static final Duration S = Duration.ofSeconds(1);

    @Test
    void everyTimeoutMustBePositive() {
        assertThatCode(() -> new ConnectionTimeouts(Duration.ofNanos(1), S, S, S)).doesNotThrowAnyException();
        for (Duration bad : new Duration[] {null, Duration.ZERO, Duration.ofSeconds(-1)}) {
            assertThatThrownBy(() -> new ConnectionTimeouts(bad, S, S, S)).hasMessageContaining("idle timeout");
            assertThatThrownBy(() -> new ConnectionTimeouts(S, bad, S, S)).hasMessageContaining("header timeout");
            assertThatThrownBy(() -> new ConnectionTimeouts(S, S, bad, S)).hasMessageContaining("read timeout");
            assertThatThrownBy(() -> new ConnectionTimeouts(S, S, S, bad)).hasMessageContaining("request timeout");
        }
    }
}
