package com.cruddur.messaging.domain;

import java.time.Duration;
import java.util.Objects;

/** How long after sending a message its sender may still edit it. */
public record EditWindow(Duration length) {

    public static final Duration DEFAULT = Duration.ofMinutes(15);

    public EditWindow {
        Objects.requireNonNull(length, "edit window");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("an edit window must be longer than zero, was " + length);
        }
    }

    /** Whether a message sent at {@code sentAt} can still be edited at {@code now} (the window's end included). */
    public boolean isOpen(Timestamp sentAt, Timestamp now) {
        return !now.instant().isAfter(sentAt.instant().plus(length));
    }

    /** The earliest send time still editable at {@code now}: older messages are past the window. */
    public Timestamp opensAt(Timestamp now) {
        return Timestamp.of(now.instant().minus(length));
    }

    @Override
    public String toString() {
        long minutes = length.toMinutes();
        return length.equals(Duration.ofMinutes(minutes)) ? minutes + " minutes" : length.toString();
    }
}
