package com.cruddur.messaging.adapters.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {message, message_group_uuid}} (into a conversation) or {@code {message, handle}} (to a person). */
record SendMessageRequest(String message,
                          @JsonProperty("message_group_uuid") String messageGroupUuid,
                          String handle) {
}
