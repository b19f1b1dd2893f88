package com.cruddur.messaging.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** A body limit must let at least one byte through: nothing would refuse every send, a negative one means nothing. */
class WebPropertiesTest {

    private static WebProperties withBodyLimit(DataSize limit) {
        Duration s = Duration.ofSeconds(1);
        return new WebProperties(List.of(), limit, s, s, s, s);
    }

    @Test
    void aBodyLimitOfOneByteOrMoreIsValid() {
        assertThat(withBodyLimit(DataSize.ofBytes(1)).isMaxRequestBodyPositive()).isTrue();
        assertThat(withBodyLimit(DataSize.ofKilobytes(16)).isMaxRequestBodyPositive()).isTrue();
    }

    @Test
    void aBodyLimitOfNothingNoneOrLessIsRefused() {
        assertThat(withBodyLimit(DataSize.ofBytes(0)).isMaxRequestBodyPositive()).isFalse();
        assertThat(withBodyLimit(DataSize.ofBytes(-1)).isMaxRequestBodyPositive()).isFalse();
        assertThat(withBodyLimit(null).isMaxRequestBodyPositive()).isFalse();
    }
}
