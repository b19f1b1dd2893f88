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

    @Test
    void keepsNewlinesTabsAndEmoji() {
        String text = "line one\n\tindented " + GRINNING + " \u200d \u00e9";

        assertThat(new MessageText(text).value()).isEqualTo(text);
    }

    @Test
    void refusesControlCharactersOtherThanNewlineAndTab() {
        for (String bad : new String[] {"nul \u0000 here", "esc \u001b[31m red", "bell \u0007", "cr \r\n",
                "del \u007f", "c1 \u009b"}) {
            assertThatThrownBy(() -> new MessageText(bad))
                    .as("text %s", bad.codePoints().mapToObj(c -> String.format("%04x", c)).toList())
                    .isInstanceOfSatisfying(DomainViolation.class,
                            violation -> assertThat(violation.code()).isEqualTo("message_invalid_characters"));
        }
    }

    @Test
    void refusesUnpairedSurrogatesWhereverTheyAre() {
        String high = "\uD83D";
        String low = "\uDE00";
        for (String bad : new String[] {"lone high " + high, high + " at the start", "lone low " + low,
                "reversed " + low + high, "high then text " + high + "x" + low}) {
            assertThatThrownBy(() -> new MessageText(bad))
                    .isInstanceOfSatisfying(DomainViolation.class, violation -> {
                        assertThat(violation.code()).isEqualTo("message_invalid_characters");
                        assertThat(violation.getMessage()).contains("U+D");
                    });
        }
    }

    @Test
    void namesTheFirstInvalidCharacterAndWhereItIs() {
        assertThatThrownBy(() -> new MessageText(GRINNING + "ab\u001bc"))
                .isInstanceOfSatisfying(DomainViolation.class,
                        violation -> assertThat(violation.getMessage()).contains("U+001B at character 4"));
    }

    @Test
    void aTextTooLongAndWithInvalidCharactersReportsBoth() {
        assertThatThrownBy(() -> new MessageText("a".repeat(1025) + "\u0000"))
                .isInstanceOfSatisfying(DomainViolation.class, violation -> assertThat(violation.all())
                        .extracting(DomainViolation::code)
                        .containsExactly("message_exceed_max_chars_1024", "message_invalid_characters"));
    }
}
