package com.cruddur.messaging.bootstrap.startup;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;

/**
 * Prints a {@link CannotStart} as one line on standard error, instead of Spring Boot's stack trace: the reason is
 * the operator's to act on, the trace would only bury it. Any other start-up failure is left to Spring Boot.
 */
public final class CannotStartReporter implements SpringBootExceptionReporter, Ordered {

    static final String PREFIX = "Cruddur Messaging cannot start: ";

    @Override
    public boolean reportException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotStart refusal) {
                System.err.println(PREFIX + refusal.getMessage());
                System.err.flush();
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
