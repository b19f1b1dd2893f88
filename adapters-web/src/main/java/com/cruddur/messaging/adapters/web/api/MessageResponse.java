package com.cruddur.messaging.adapters.web.api;

import com.cruddur.messaging.domain.Message;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One message of a conversation, with its sender. */
record MessageResponse(String uuid,
                       @JsonProperty("display_name") String displayName,
                       String handle,
                       String message,
                       @JsonProperty("created_at") String createdAt) {

    static MessageResponse from(Message message) {
        return new MessageResponse(message.id().toString(), message.sender().displayName(),
                message.sender().handle().value(), message.text(), message.createdAt().format());
    }
}
