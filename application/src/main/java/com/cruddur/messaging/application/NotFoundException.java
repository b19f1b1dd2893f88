package com.cruddur.messaging.application;

/**
 * What was asked for does not exist, or the caller may not know it exists: a conversation the caller is not in is
 * reported exactly as an unknown one.
 */
public class NotFoundException extends RuntimeException {

    private final String code;

    public NotFoundException(String code, String message) {
        super(message);
        this.code = code;
    }

    public static NotFoundException messageGroup(Object id) {
        return new NotFoundException("message_group_not_found", "no conversation " + id + " for you");
    }

    public static NotFoundException message(Object id) {
        return new NotFoundException("message_not_found", "no message " + id + " at that time in this conversation");
    }

    public static NotFoundException messageInGroup(Object id) {
        return new NotFoundException("message_not_found", "no message " + id + " in this conversation");
    }

    public static NotFoundException handle(Object handle) {
        return new NotFoundException("user_not_found", "no user with handle " + handle);
    }

    public String code() {
        return code;
    }
}
