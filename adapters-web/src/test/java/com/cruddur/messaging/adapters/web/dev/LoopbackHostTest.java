package com.cruddur.messaging.adapters.web.dev;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only a request for a loopback name gets a development token; a missing or malformed Host header does not. */
class LoopbackHostTest {

    @Test
    void loopbackNamesWithOrWithoutAPortAreLoopback() {
        assertThat(LoopbackHost.named("localhost")).isTrue();
        assertThat(LoopbackHost.named("127.0.0.1:8080")).isTrue();
        assertThat(LoopbackHost.named("[::1]:8080")).isTrue();
    }

    @Test
    void noHostHeaderOrAPortThatIsNotANumberIsRefused() {
        assertThat(LoopbackHost.named(null)).isFalse();
        assertThat(LoopbackHost.named("localhost:")).isFalse();
        assertThat(LoopbackHost.named("localhost:80a")).isFalse();
        assertThat(LoopbackHost.named("example.com")).isFalse();
    }
}
