package com.cruddur.messaging.adapters.web.api;

import com.cruddur.messaging.domain.InboxEntry;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One conversation of the inbox: its uuid, the other participant, the last message and its time, and how many of
 * the other's messages the caller has not read (exact up to 99; the client shows more as "99+").
 */
record MessageGroupResponse(String uuid,
                            @JsonProperty("display_name") String displayName,
                            String handle,
                            String message,
                            @JsonProperty("created_at") String createdAt,
                            @JsonProperty("unread_count") int unreadCount) {

    static MessageGroupResponse from(InboxEntry entry) {
        return new MessageGroupResponse(entry.groupId().toString(), entry.other().displayName(),
                entry.other().handle().value(), entry.lastMessage().text(), entry.lastMessage().at().format(),
                entry.unreadCount());
    }
}
