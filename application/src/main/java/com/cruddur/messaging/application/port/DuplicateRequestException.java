package com.cruddur.messaging.application.port;

import com.cruddur.messaging.domain.Message;

/** The idempotency key was used before: {@link #original()} is what that first request stored. */
public class DuplicateRequestException extends RuntimeException {

    private final Message original;

    public DuplicateRequestException(Message original) {
        super("this Idempotency-Key was used already, for message " + original.id());
        this.original = original;
    }

    public Message original() {
        return original;
    }
}
