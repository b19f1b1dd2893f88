package com.cruddur.messaging.domain;

import java.util.Objects;
import java.util.UUID;

/** A user's uuid, as the user directory assigns it. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    public static UserId of(String value) {
        return new UserId(Uuids.parse(value, "user_uuid_invalid", "user uuid"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
