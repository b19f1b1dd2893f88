package com.cruddur.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainViolationTest {

    @Test
    void malformedInputIsToldFromABrokenRule() {
        DomainViolation malformed = DomainViolation.malformed("limit_invalid", "limit must be between 1 and 50");
        DomainViolation broken = new DomainViolation("message_blank", "the message must not be blank");

        assertThat(malformed.isMalformed()).isTrue();
        assertThat(malformed.kind()).isEqualTo(DomainViolation.Kind.MALFORMED);
        assertThat(broken.isMalformed()).isFalse();
        assertThat(broken.kind()).isEqualTo(DomainViolation.Kind.INVALID);
    }
}
