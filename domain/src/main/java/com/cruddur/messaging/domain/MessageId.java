package com.cruddur.messaging.domain;

import java.util.Objects;
import java.util.UUID;

/** A message's own uuid ({@code message_uuid}). */
public record MessageId(UUID value) {

    public MessageId {
        Objects.requireNonNull(value, "message id");
    }

    public static MessageId of(String value) {
        return new MessageId(Uuids.parse(value, "message_uuid_invalid", "message uuid"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
