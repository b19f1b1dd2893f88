package com.cruddur.messaging.adapters.web.api;

import com.cruddur.messaging.application.SentMessage;
import com.cruddur.messaging.domain.Message;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The stored message and the conversation it is in (the frontend navigates there); an edited or deleted one also
 * carries {@code edited_at} and {@code deleted}, as pattern A lists it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SentMessageResponse(@JsonProperty("message_group_uuid") String messageGroupUuid,
                           String uuid,
                           @JsonProperty("display_name") String displayName,
                           String handle,
                           String message,
                           @JsonProperty("created_at") String createdAt,
                           @JsonProperty("edited_at") String editedAt,
                           Boolean deleted) {

    static SentMessageResponse from(SentMessage sent) {
        return from(sent.message());
    }

    static SentMessageResponse from(Message message) {
        return new SentMessageResponse(message.groupId().toString(), message.id().toString(),
                message.sender().displayName(), message.sender().handle().value(), message.text(),
                message.createdAt().format(), MessageResponse.editedAt(message), MessageResponse.deleted(message));
    }
}
