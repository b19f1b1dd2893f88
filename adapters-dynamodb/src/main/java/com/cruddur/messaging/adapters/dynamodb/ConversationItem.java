package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Timestamp;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The conversation record: pk {@code CONV#{group}}, sk {@code CONV}; both participants and the last message.
 * Its {@code last_message_at} always equals the sk of both group rows, so a move knows which rows to replace.
 */
final class ConversationItem {

    static final String SK = "CONV";

    private ConversationItem() {
    }

    static Map<String, AttributeValue> key(MessageGroupId group) {
        return Attr.key(Attr.CONVERSATION_PREFIX + group, SK);
    }

    static Map<String, AttributeValue> toItem(MessageGroup group) {
        Map<String, AttributeValue> item = new HashMap<>(key(group.id()));
        ParticipantAttrs.put(item, Attr.FIRST, group.first());
        ParticipantAttrs.put(item, Attr.SECOND, group.second());
        item.put(Attr.LAST_MESSAGE_AT, Attr.s(group.lastMessage().at().format()));
        item.put(Attr.LAST_MESSAGE, Attr.s(group.lastMessage().text()));
        return item;
    }

    static MessageGroup fromItem(Map<String, AttributeValue> item) {
        try {
            String pk = Attr.string(item, Attr.PK);
            return new MessageGroup(
                    MessageGroupId.of(pk.substring(Attr.CONVERSATION_PREFIX.length())),
                    ParticipantAttrs.read(item, Attr.FIRST),
                    ParticipantAttrs.read(item, Attr.SECOND),
                    new LastMessage(Timestamp.parse(Attr.string(item, Attr.LAST_MESSAGE_AT)),
                            Attr.optionalString(item, Attr.LAST_MESSAGE)));
        } catch (MalformedItemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw MalformedItemException.unreadable(item, e);
        }
    }
}
