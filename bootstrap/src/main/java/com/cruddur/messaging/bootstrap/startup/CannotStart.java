package com.cruddur.messaging.bootstrap.startup;

import org.springframework.boot.ExitCodeGenerator;

/**
 * The service refuses to start, for a reason its operator can act on: the message is the one line printed (by
 * {@link CannotStartReporter}), without a stack trace, and the process exits with status 1.
 */
public final class CannotStart extends RuntimeException implements ExitCodeGenerator {

    public CannotStart(String reason) {
        super(reason);
    }

    public CannotStart(String reason, Throwable cause) {
        super(reason, cause);
    }

    @Override
    public int getExitCode() {
        return 1;
    }
}
