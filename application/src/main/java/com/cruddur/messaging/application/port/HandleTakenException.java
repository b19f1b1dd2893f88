package com.cruddur.messaging.application.port;

import com.cruddur.messaging.domain.Handle;

/** A user cannot take a handle another user has: handles are unique. */
public class HandleTakenException extends RuntimeException {

    private final Handle handle;

    public HandleTakenException(Handle handle) {
        super("the handle '" + handle + "' belongs to another user");
        this.handle = handle;
    }

    public Handle handle() {
        return handle;
    }
}
