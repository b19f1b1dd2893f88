package com.cruddur.messaging.domain;

import java.util.Objects;
import java.util.UUID;

/** A conversation's uuid ({@code message_group_uuid}). */
public record MessageGroupId(UUID value) {

    public MessageGroupId {
        Objects.requireNonNull(value, "message group id");
    }

    /** Parses a uuid sent by a client; blank and malformed values are violations, not crashes. */
    public static MessageGroupId of(String value) {
        if (value == null || value.isBlank()) {
            throw new DomainViolation("message_group_uuid_blank", "message_group_uuid must not be blank");
        }
        return new MessageGroupId(Uuids.parse(value, "message_group_uuid_invalid", "message_group_uuid"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
