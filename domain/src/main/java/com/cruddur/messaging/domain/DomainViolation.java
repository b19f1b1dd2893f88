package com.cruddur.messaging.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule of the domain was broken by the caller's input. The {@code code} is stable and machine-readable
 * (the reference's codes, such as {@code message_blank}, where it had one); the message is for people.
 *
 * <p>Its {@link Kind} says whether the input could not even be read as what it stands for (a uuid that is not one)
 * or was read and breaks a rule (a blank message): a client fixes the one by sending what was meant, the other by
 * changing what it says.
 *
 * <p>One value can break several rules at once (a text both too long and with a control character in it): the
 * violation then carries the others too ({@link #all()}), so the client hears of every one in one answer.
 */
public final class DomainViolation extends RuntimeException {

    /** How the input is wrong. */
    public enum Kind {
        /** It is not of the form of what it stands for (a uuid that is not a uuid, a paging limit out of range). */
        MALFORMED,
        /** It has the right form and breaks a rule (a blank message, a conversation with oneself). */
        INVALID
    }

    private final Kind kind;
    private final String code;
    private final List<DomainViolation> alongside;

    /** A broken rule ({@link Kind#INVALID}). */
    public DomainViolation(String code, String message) {
        this(Kind.INVALID, code, message, List.of());
    }

    private DomainViolation(Kind kind, String code, String message, List<DomainViolation> alongside) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.alongside = List.copyOf(alongside);
    }

    /** Input not of the form of what it stands for ({@link Kind#MALFORMED}). */
    public static DomainViolation malformed(String code, String message) {
        return new DomainViolation(Kind.MALFORMED, code, message, List.of());
    }

    /** The first of {@code violations}, carrying the rest. */
    public static DomainViolation allOf(List<DomainViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("no violation to report");
        }
        DomainViolation first = violations.get(0);
        List<DomainViolation> rest = new ArrayList<>(first.alongside);
        violations.subList(1, violations.size()).forEach(other -> rest.addAll(other.all()));
        return new DomainViolation(first.kind, first.code, first.getMessage(), rest);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isMalformed() {
        return kind == Kind.MALFORMED;
    }

    public String code() {
        return code;
    }

    /** This violation and every other one the same value broke, in the order they were found. */
    public List<DomainViolation> all() {
        List<DomainViolation> all = new ArrayList<>();
        all.add(new DomainViolation(kind, code, getMessage(), List.of()));
        all.addAll(alongside);
        return List.copyOf(all);
    }
}
