package com.cruddur.messaging.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a message: not blank, at most {@value #MAX_CHARS} characters (counted as code points, the way the
 * reference's Python {@code len} counts them, so an emoji is one character), and valid text: no unpaired UTF-16
 * surrogate (strict JSON parsers on the other participant's page refuse it) and no control character but newline
 * and tab (NUL, ESC and the like reach terminals and logs). A text that breaks both of the last two rules reports
 * both.
 */
public record MessageText(String value) {

    public static final int MAX_CHARS = 1024;

    public MessageText {
        if (value == null || value.isBlank()) {
            throw new DomainViolation("message_blank", "message must not be blank");
        }
        List<DomainViolation> broken = new ArrayList<>();
        if (value.codePointCount(0, value.length()) > MAX_CHARS) {
            broken.add(new DomainViolation("message_exceed_max_chars_1024",
                    "message must be at most " + MAX_CHARS + " characters"));
        }
        int invalidAt = firstInvalidCharacter(value);
        if (invalidAt >= 0) {
            broken.add(new DomainViolation("message_invalid_characters", String.format(
                    "message must be valid text: U+%04X at character %d is not allowed (of the control characters "
                            + "only newline and tab are, and no unpaired surrogate)",
                    value.codePointAt(invalidAt), value.codePointCount(0, invalidAt) + 1)));
        }
        if (!broken.isEmpty()) {
            throw DomainViolation.allOf(broken);
        }
    }

    /** The index of the first unpaired surrogate or forbidden control character, or -1. */
    private static int firstInvalidCharacter(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            // codePointAt yields a lone surrogate as itself: a paired one comes back as its supplementary code point.
            boolean unpairedSurrogate = Character.getType(codePoint) == Character.SURROGATE;
            boolean forbiddenControl = Character.getType(codePoint) == Character.CONTROL
                    && codePoint != '\n' && codePoint != '\t';
            if (unpairedSurrogate || forbiddenControl) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }

    @Override
    public String toString() {
        return value;
    }
}
