package com.cruddur.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void acceptsPrintableAsciiUpTo128Characters() {
        for (String key : new String[] {"k", "5ae290ed-55d1-47a0-bc6d-fe2bc2700399", "!~#%/=:+", "x".repeat(128)}) {
            assertThat(new IdempotencyKey(key).value()).isEqualTo(key);
            assertThat(new IdempotencyKey(key)).hasToString(key);
        }
        assertThat(IdempotencyKey.MAX_LENGTH).isEqualTo(128);
    }

    @Test
    void sameTextIsTheSameKey() {
        assertThat(new IdempotencyKey("retry-1")).isEqualTo(new IdempotencyKey("retry-1"))
                .isNotEqualTo(new IdempotencyKey("Retry-1"));
    }

    @Test
    void refusesEmptyTooLongSpacedOrNonAsciiKeys() {
        String[] refused = {null, "", "x".repeat(129), " ", "two words", "tab\there", "line\n", "caf\u00e9",
                "del\u007f", "nul\u0000", "\uD83D\uDE00"};
        for (String key : refused) {
            assertThatThrownBy(() -> new IdempotencyKey(key))
                    .as("key %s", key)
                    .isInstanceOfSatisfying(DomainViolation.class,
                            violation -> assertThat(violation.code()).isEqualTo("idempotency_key_invalid"));
        }
    }
}
