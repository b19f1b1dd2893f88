package com.cruddur.messaging.domain;

import java.util.Objects;

/** What an inbox row shows of its conversation: the newest message's time and text. */
public record LastMessage(Timestamp at, String text) {

    public LastMessage {
        Objects.requireNonNull(at, "last message time");
        text = text == null ? "" : text;
    }

    public static LastMessage of(Message message) {
        return new LastMessage(message.createdAt(), message.text());
    }
}
