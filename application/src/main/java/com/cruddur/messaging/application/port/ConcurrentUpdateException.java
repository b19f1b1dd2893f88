package com.cruddur.messaging.application.port;

/** A conditional write lost to another writer; reading again and retrying is safe. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String message) {
        super(message);
    }

    public ConcurrentUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
