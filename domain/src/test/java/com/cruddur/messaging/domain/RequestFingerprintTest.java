package com.cruddur.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    @Test
    void isSixtyFourHexDigitsAndReadsBackAsItsValue() {
        String hex = "0123456789abcdef".repeat(4);

        assertThat(new RequestFingerprint(hex)).hasToString(hex);
        assertThat(new RequestFingerprint(hex.toUpperCase()).value()).isEqualTo(hex.toUpperCase());
    }

    @Test
    void anythingButSixtyFourHexDigitsIsRefused() {
        String hex = "0123456789abcdef".repeat(4);

        assertThatThrownBy(() -> new RequestFingerprint(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestFingerprint(hex.substring(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestFingerprint(hex + "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestFingerprint("g" + hex.substring(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestFingerprint(hex.substring(1) + " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameRequestHasTheSameFingerprintAndAnotherOneAnother() {
        Handle handle = new Handle("bayko");
        MessageText text = new MessageText("hello");

        assertThat(RequestFingerprint.ofHandleSend(handle, text))
                .isEqualTo(RequestFingerprint.ofHandleSend(new Handle("bayko"), new MessageText("hello")))
                .isNotEqualTo(RequestFingerprint.ofHandleSend(handle, new MessageText("hello!")))
                .isNotEqualTo(RequestFingerprint.ofHandleSend(new Handle("andrew"), text));
    }
}
