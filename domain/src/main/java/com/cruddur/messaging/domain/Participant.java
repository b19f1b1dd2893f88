package com.cruddur.messaging.domain;

import java.util.Objects;

/** A user as a conversation sees them: who they are and how they are shown. */
public record Participant(UserId id, String displayName, Handle handle) {

    public Participant {
        Objects.requireNonNull(id, "participant id");
        Objects.requireNonNull(handle, "participant handle");
        displayName = displayName == null ? "" : displayName;
    }
}
