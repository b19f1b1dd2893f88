package com.cruddur.messaging.domain;

/**
 * The text of a message: not blank, at most {@value #MAX_CHARS} characters (counted as code points, the way the
 * reference's Python {@code len} counts them, so an emoji is one character).
 */
public record MessageText(String value) {

    public static final int MAX_CHARS = 1024;

    public MessageText {
        if (value == null || value.isBlank()) {
            throw new DomainViolation("message_blank", "message must not be blank");
        }
        if (value.codePointCount(0, value.length()) > MAX_CHARS) {
            throw new DomainViolation("message_exceed_max_chars_1024",
                    "message must be at most " + MAX_CHARS + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
