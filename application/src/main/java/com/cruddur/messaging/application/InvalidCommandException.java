package com.cruddur.messaging.application;

import com.cruddur.messaging.domain.DomainViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Every rule a request broke, not just the first, so a client can fix them all at once. */
public class InvalidCommandException extends RuntimeException {

    private final List<DomainViolation> violations;

    public InvalidCommandException(List<DomainViolation> violations) {
        super(String.join("; ", violations.stream().map(DomainViolation::getMessage).toList()));
        this.violations = List.copyOf(violations);
    }

    public List<DomainViolation> violations() {
        return violations;
    }

    public List<String> codes() {
        return violations.stream().map(DomainViolation::code).toList();
    }

    /** Collects the violations of several value constructions; throws once, with all of them, at {@link #check()}. */
    static final class Collector {

        private final List<DomainViolation> violations = new ArrayList<>();

        <T> T attempt(Supplier<T> construction) {
            try {
                return construction.get();
            } catch (DomainViolation violation) {
                violations.addAll(violation.all());
                return null;
            }
        }

        void check() {
            if (!violations.isEmpty()) {
                throw new InvalidCommandException(violations);
            }
        }
    }
}
