package com.cruddur.messaging.adapters.web.api;

import com.cruddur.messaging.domain.InboxEntry;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One conversation of the inbox: its uuid, the other participant, the last message and its time. */
record MessageGroupResponse(String uuid,
                            @JsonProperty("display_name") String displayName,
                            String handle,
                            String message,
                            @JsonProperty("created_at") String createdAt) {

    static MessageGroupResponse from(InboxEntry entry) {
        return new MessageGroupResponse(entry.groupId().toString(), entry.other().displayName(),
                entry.other().handle().value(), entry.lastMessage().text(), entry.lastMessage().at().format());
    }
}
