package com.cruddur.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotentRequestTest {

    private final MessageGroupId group = new MessageGroupId(UUID.randomUUID());
    private final MessageText hello = new MessageText("hello");

    @Test
    void theSameRequestHasTheSameFingerprint() {
        assertThat(RequestFingerprint.ofGroupSend(group, hello))
                .isEqualTo(RequestFingerprint.ofGroupSend(MessageGroupId.of(group.toString()), new MessageText("hello")));
        assertThat(RequestFingerprint.ofHandleSend(new Handle("bayko"), hello))
                .isEqualTo(RequestFingerprint.ofHandleSend(new Handle("bayko"), new MessageText("hello")));
        assertThat(RequestFingerprint.ofGroupSend(group, hello).value()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void anotherKindTargetOrTextIsAnotherRequest() {
        RequestFingerprint original = RequestFingerprint.ofHandleSend(new Handle("bayko"), hello);

        assertThat(RequestFingerprint.ofHandleSend(new Handle("londo"), hello)).isNotEqualTo(original);
        assertThat(RequestFingerprint.ofHandleSend(new Handle("bayko"), new MessageText("hello!")))
                .isNotEqualTo(original);
        assertThat(RequestFingerprint.ofHandleSend(new Handle(group.toString()), hello))
                .isNotEqualTo(RequestFingerprint.ofGroupSend(group, hello));
    }

    @Test
    void theWindowEndsOnAWholeSecondNeverEarlierThanAsked() {
        IdempotencyKey key = new IdempotencyKey("k");
        RequestFingerprint fingerprint = RequestFingerprint.ofGroupSend(group, hello);
        Instant fractional = Instant.parse("2026-11-22T10:15:30.123456Z");

        assertThat(new IdempotentRequest(key, fingerprint, fractional).expiresAt())
                .isEqualTo(Instant.parse("2026-11-22T10:15:31Z"));
        assertThat(new IdempotentRequest(key, fingerprint, Instant.parse("2026-11-22T10:15:30Z")).expiresAt())
                .isEqualTo(Instant.parse("2026-11-22T10:15:30Z"));
    }

    @Test
    void aKeyIsExpiredFromItsLastSecondOn() {
        Instant expiresAt = Instant.parse("2026-11-22T10:15:31Z");

        assertThat(IdempotentRequest.isExpired(expiresAt, Instant.parse("2026-11-22T10:15:30.999999Z"))).isFalse();
        assertThat(IdempotentRequest.isExpired(expiresAt, expiresAt)).isTrue();
        assertThat(IdempotentRequest.isExpired(expiresAt, Instant.parse("2026-11-23T00:00:00Z"))).isTrue();
    }
}
