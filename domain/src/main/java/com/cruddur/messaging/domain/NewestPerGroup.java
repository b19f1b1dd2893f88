package com.cruddur.messaging.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The batch rule of pattern E: however many messages a batch holds for a group, only its newest moves the group. */
public final class NewestPerGroup {

    private NewestPerGroup() {
    }

    /** The newest message of each group in {@code batch}, in the order each group first appears. */
    public static List<Message> of(Collection<Message> batch) {
        Map<MessageGroupId, Message> newest = new LinkedHashMap<>();
        for (Message message : batch) {
            newest.merge(message.groupId(), message, (kept, next) -> next.isNewerThan(kept) ? next : kept);
        }
        return List.copyOf(newest.values());
    }
}
