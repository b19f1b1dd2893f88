package com.cruddur.messaging.application;

/** The caller proved who they are (a valid token) but the user directory does not know them. */
public class UnknownCallerException extends RuntimeException {

    public UnknownCallerException(String subject) {
        super("signed-in user " + subject + " has no Cruddur account");
    }
}
