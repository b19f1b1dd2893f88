package com.cruddur.messaging.adapters.web.api;

import com.cruddur.messaging.domain.Message;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One message of a conversation, with its sender; {@code edited_at} once it was edited and {@code deleted} once it
 * is a tombstone (with an empty {@code message}). A message never changed has the reference's fields alone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MessageResponse(String uuid,
                       @JsonProperty("display_name") String displayName,
                       String handle,
                       String message,
                       @JsonProperty("created_at") String createdAt,
                       @JsonProperty("edited_at") String editedAt,
                       Boolean deleted) {

    static MessageResponse from(Message message) {
        return new MessageResponse(message.id().toString(), message.sender().displayName(),
                message.sender().handle().value(), message.text(), message.createdAt().format(),
                editedAt(message), deleted(message));
    }

    static String editedAt(Message message) {
        return message.editedAt().map(at -> at.format()).orElse(null);
    }

    static Boolean deleted(Message message) {
        return message.deleted() ? Boolean.TRUE : null;
    }
}
