package com.cruddur.messaging.bootstrap.cli;

/**
 * A command could not do what was asked, for a reason a person can act on: printed as one line on the error stream,
 * with exit status {@link #EXIT_CODE}.
 */
final class CliFailure extends RuntimeException {

    static final int EXIT_CODE = 1;

    CliFailure(String message) {
        super(message);
    }

    CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
