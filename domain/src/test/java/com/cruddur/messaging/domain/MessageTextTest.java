package com.cruddur.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageTextTest {

    private static final String GRINNING = "\uD83D\uDE00"; // one code point, two UTF-16 chars

    @Test
    void keepsTheTextAsWritten() {
        MessageText text = new MessageText("  hello, bayko\n");

        assertThat(text.value()).isEqualTo("  hello, bayko\n");
        assertThat(text).hasToString("  hello, bayko\n");
    }

    @Test
    void refusesMissingEmptyAndWhitespaceOnlyTextAsBlank() {
        for (String blank : new String[] {null, "", " ", "   ", "\t", "\n\r\n", " \t \n ", "\u2003"}) {
            assertThatThrownBy(() -> new MessageText(blank))
                    .as("text %s", blank == null ? "null" : "'" + blank.replace("\n", "\\n") + "'")
                    .isInstanceOfSatisfying(DomainViolation.class,
                            violation -> assertThat(violation.code()).isEqualTo("message_blank"));
        }
    }

    @Test
    void refusesLongWhitespaceAsBlankRatherThanTooLong() {
        assertThatThrownBy(() -> new MessageText(" ".repeat(MessageText.MAX_CHARS + 1)))
                .isInstanceOfSatisfying(DomainViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("message_blank"));
    }

    @Test
    void acceptsExactly1024Characters() {
        String longest = "a".repeat(1024);

        assertThat(new MessageText(longest).value()).isEqualTo(longest);
        assertThat(MessageText.MAX_CHARS).isEqualTo(1024);
    }

    @Test
    void refuses1025CharactersWithTheReferencesCode() {
        assertThatThrownBy(() -> new MessageText("a".repeat(1025)))
                .isInstanceOfSatisfying(DomainViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo("message_exceed_max_chars_1024");
                    assertThat(violation.getMessage()).contains("1024");
                });
    }

    @Test
    void countsCodePointsSo1024EmojiAreAccepted() {
        String emoji = GRINNING.repeat(1024);
        assertThat(emoji.length()).isEqualTo(2048);

        assertThat(new MessageText(emoji).value()).isEqualTo(emoji);
    }

    @Test
    void refuses1025Emoji() {
        assertThatThrownBy(() -> new MessageText(GRINNING.repeat(1025)))
                .isInstanceOfSatisfying(DomainViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("message_exceed_max_chars_1024"));
    }

    @Test
    void countsMixedTextByCodePoints() {
        String mixed = "a".repeat(1023) + GRINNING;

        assertThat(new MessageText(mixed).value()).isEqualTo(mixed);
        assertThatThrownBy(() -> new MessageText(mixed + "b"))
                .isInstanceOfSatisfying(DomainViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("message_exceed_max_chars_1024"));
    }
}
