package com.cruddur.messaging.domain;

import java.util.Objects;

/** A message cannot be edited or deleted by this person now; the {@link Reason} says why, with a stable code. */
public final class MessageChangeRefused extends RuntimeException {

    public enum Reason {
        /** Only the sender may change a message. */
        NOT_YOUR_MESSAGE("not_your_message"),
        /** The message is older than the edit window. */
        EDIT_WINDOW_PASSED("edit_window_passed"),
        /** The message is a tombstone: it has no text left to edit. */
        MESSAGE_DELETED("message_deleted");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public MessageChangeRefused(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return reason.code();
    }
}
