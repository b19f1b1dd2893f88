package com.cruddur.messaging.domain;

/**
 * A user's public handle, as in {@code @bayko}. Compared exactly as stored; a leading {@code @} is not part of it.
 */
public record Handle(String value) {

    public static final int MAX_LENGTH = 64;

    public Handle {
        if (value == null || value.isBlank()) {
            throw new DomainViolation("user_reciever_handle_blank", "handle must not be blank");
        }
        if (value.length() > MAX_LENGTH || value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new DomainViolation("handle_invalid", "handle must be at most " + MAX_LENGTH + " characters without spaces");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
