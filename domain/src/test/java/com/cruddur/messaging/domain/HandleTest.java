package com.cruddur.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HandleTest {

    @Test
    void keepsTheHandleExactlyAsGiven() {
        Handle handle = new Handle("Bayko_42");

        assertThat(handle.value()).isEqualTo("Bayko_42");
        assertThat(handle).hasToString("Bayko_42");
        assertThat(handle).isEqualTo(new Handle("Bayko_42")).isNotEqualTo(new Handle("bayko_42"));
    }

    @Test
    void refusesMissingOrBlankHandleWithTheReferencesCode() {
        for (String blank : new String[] {null, "", "  ", "\t"}) {
            assertThatThrownBy(() -> new Handle(blank))
                    .as("handle %s", blank)
                    .isInstanceOfSatisfying(DomainViolation.class,
                            violation -> assertThat(violation.code()).isEqualTo("user_reciever_handle_blank"));
        }
    }

    @Test
    void acceptsUpToSixtyFourCharacters() {
        String longest = "h".repeat(Handle.MAX_LENGTH);

        assertThat(new Handle(longest).value()).isEqualTo(longest);
        assertThat(Handle.MAX_LENGTH).isEqualTo(64);
    }

    @Test
    void refusesLongerHandles() {
        assertThatThrownBy(() -> new Handle("h".repeat(65)))
                .isInstanceOfSatisfying(DomainViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("handle_invalid"));
    }

    @Test
    void refusesSpacesAndControlCharactersInside() {
        for (String bad : new String[] {"andrew brown", " bayko", "bayko\t", "bay\nko", "bay\u0000ko", "bay\u007fko"}) {
            assertThatThrownBy(() -> new Handle(bad))
                    .as("handle '%s'", bad)
                    .isInstanceOfSatisfying(DomainViolation.class,
                            violation -> assertThat(violation.code()).isEqualTo("handle_invalid"));
        }
    }
}
