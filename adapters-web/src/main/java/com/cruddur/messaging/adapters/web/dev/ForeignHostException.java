package com.cruddur.messaging.adapters.web.dev;

/** A request for a development token that did not name this machine's loopback interface as its {@code Host}. */
public final class ForeignHostException extends RuntimeException {

    public ForeignHostException() {
        super("development tokens are issued only to requests for localhost, 127.0.0.1 or [::1]");
    }

    /** {@code what} is what is refused, e.g. "the list of users". */
    public ForeignHostException(String what) {
        super(what + " is given only to requests for localhost, 127.0.0.1 or [::1]");
    }
}
