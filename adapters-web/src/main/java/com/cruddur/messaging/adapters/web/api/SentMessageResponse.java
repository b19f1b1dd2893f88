package com.cruddur.messaging.adapters.web.api;

import com.cruddur.messaging.application.SentMessage;
import com.cruddur.messaging.domain.Message;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The stored message and the conversation it is in (the frontend navigates there). */
record SentMessageResponse(@JsonProperty("message_group_uuid") String messageGroupUuid,
                           String uuid,
                           @JsonProperty("display_name") String displayName,
                           String handle,
                           String message,
                           @JsonProperty("created_at") String createdAt) {

    static SentMessageResponse from(SentMessage sent) {
        Message message = sent.message();
        return new SentMessageResponse(message.groupId().toString(), message.id().toString(),
                message.sender().displayName(), message.sender().handle().value(), message.text(),
                message.createdAt().format());
    }
}
