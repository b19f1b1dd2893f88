package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.UserId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A participant as three attributes {@code {prefix}user_uuid, _display_name, _handle}. */
final class ParticipantAttrs {

    private ParticipantAttrs() {
    }

    static void put(Map<String, AttributeValue> item, String prefix, Participant participant) {
        item.put(prefix + Attr.USER_UUID, Attr.s(participant.id().toString()));
        item.put(prefix + Attr.USER_DISPLAY_NAME, Attr.s(participant.displayName()));
        item.put(prefix + Attr.USER_HANDLE, Attr.s(participant.handle().value()));
    }

    static Participant read(Map<String, AttributeValue> item, String prefix) {
        return new Participant(
                UserId.of(Attr.string(item, prefix + Attr.USER_UUID)),
                Attr.optionalString(item, prefix + Attr.USER_DISPLAY_NAME),
                new Handle(Attr.string(item, prefix + Attr.USER_HANDLE)));
    }
}
