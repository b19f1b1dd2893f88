package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.ReadPosition;
import com.cruddur.messaging.domain.ReadState;
import com.cruddur.messaging.domain.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The conversation record: pk {@code CONV#{group}}, sk {@code CONV}; both participants, the last message and each
 * participant's reading ({@code first_read_uuid}, {@code first_read_at} once they have read, {@code first_unread},
 * a Number, and {@code first_blocks_other}, {@code true}, while they block the other participant; the same for
 * {@code second_}). Its {@code last_message_at} always equals the sk of both group rows, so
 * a move knows which rows to replace, and each {@code *_unread} equals that participant's row's
 * {@code unread_count}.
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
        item.putAll(readAttributes(Attr.FIRST, group.firstRead()));
        item.putAll(readAttributes(Attr.SECOND, group.secondRead()));
        BlockingFlags.put(item, Attr.FIRST, group.firstRead());
        BlockingFlags.put(item, Attr.SECOND, group.secondRead());
        return item;
    }

    /** A participant's reading as attributes: the position once they have read, and the count. */
    static Map<String, AttributeValue> readAttributes(String prefix, ReadState read) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        read.seen().ifPresent(position -> {
            attributes.put(prefix + Attr.READ_UUID, Attr.s(position.message().toString()));
            attributes.put(prefix + Attr.READ_AT, Attr.s(position.at().format()));
        });
        attributes.put(prefix + Attr.UNREAD, Attr.n(read.unread()));
        return attributes;
    }

    private static ReadState readState(Map<String, AttributeValue> item, String prefix) {
        Optional<ReadPosition> seen = item.containsKey(prefix + Attr.READ_AT)
                ? Optional.of(new ReadPosition(MessageId.of(Attr.string(item, prefix + Attr.READ_UUID)),
                        Timestamp.parse(Attr.string(item, prefix + Attr.READ_AT))))
                : Optional.empty();
        return new ReadState(seen, Attr.optionalInt(item, prefix + Attr.UNREAD), BlockingFlags.read(item, prefix));
    }

    static MessageGroup fromItem(Map<String, AttributeValue> item) {
        try {
            String pk = Attr.string(item, Attr.PK);
            return new MessageGroup(
                    MessageGroupId.of(pk.substring(Attr.CONVERSATION_PREFIX.length())),
                    ParticipantAttrs.read(item, Attr.FIRST),
                    ParticipantAttrs.read(item, Attr.SECOND),
                    new LastMessage(Timestamp.parse(Attr.string(item, Attr.LAST_MESSAGE_AT)),
                            Attr.optionalString(item, Attr.LAST_MESSAGE)),
                    readState(item, Attr.FIRST),
                    readState(item, Attr.SECOND));
        } catch (MalformedItemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw MalformedItemException.unreadable(item, e);
        }
    }
}
