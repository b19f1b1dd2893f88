package com.cruddur.messaging.domain;

/**
 * A rule of the domain was broken by the caller's input. The {@code code} is stable and machine-readable
 * (the reference's codes, such as {@code message_blank}, where it had one); the message is for people.
 */
public final class DomainViolation extends RuntimeException {

    private final String code;

    public DomainViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
