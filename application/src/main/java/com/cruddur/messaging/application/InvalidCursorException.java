package com.cruddur.messaging.application;

/** A paging cursor that was not issued for this caller and this listing, or was altered. */
public class InvalidCursorException extends RuntimeException {

    public InvalidCursorException(String message) {
        super(message);
    }
}
