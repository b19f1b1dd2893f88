package com.cruddur.messaging.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule of the domain was broken by the caller's input. The {@code code} is stable and machine-readable
 * (the reference's codes, such as {@code message_blank}, where it had one); the message is for people.
 *
 * <p>One value can break several rules at once (a text both too long and with a control character in it): the
 * violation then carries the others too ({@link #all()}), so the client hears of every one in one answer.
 */
public final class DomainViolation extends RuntimeException {

    private final String code;
    private final List<DomainViolation> alongside;

    public DomainViolation(String code, String message) {
        this(code, message, List.of());
    }

    private DomainViolation(String code, String message, List<DomainViolation> alongside) {
        super(message);
        this.code = code;
        this.alongside = List.copyOf(alongside);
    }

    /** The first of {@code violations}, carrying the rest. */
    public static DomainViolation allOf(List<DomainViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("no violation to report");
        }
        DomainViolation first = violations.get(0);
        List<DomainViolation> rest = new ArrayList<>(first.alongside);
        violations.subList(1, violations.size()).forEach(other -> rest.addAll(other.all()));
        return new DomainViolation(first.code, first.getMessage(), rest);
    }

    public String code() {
        return code;
    }

    /** This violation and every other one the same value broke, in the order they were found. */
    public List<DomainViolation> all() {
        List<DomainViolation> all = new ArrayList<>();
        all.add(new DomainViolation(code, getMessage()));
        all.addAll(alongside);
        return List.copyOf(all);
    }
}
