package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The reference's message-group row: pk {@code GRP#{owner}}, sk last_message_at, the other participant's fields,
 * the last text and {@code message_group_uuid} (the GSI key); and, added, {@code unread_count} (a Number: the
 * other participant's messages its owner has not read; rows the reference wrote lack it and read as 0).
 */
final class GroupRowItem {

    private GroupRowItem() {
    }

    static String pk(UserId owner) {
        return Attr.GROUP_ROW_PREFIX + owner;
    }

    static Map<String, AttributeValue> toItem(InboxEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Attr.PK, Attr.s(pk(entry.owner())));
        item.put(Attr.SK, Attr.s(entry.lastMessage().at().format()));
        item.put(Attr.MESSAGE_GROUP_UUID, Attr.s(entry.groupId().toString()));
        item.put(Attr.MESSAGE, Attr.s(entry.lastMessage().text()));
        ParticipantAttrs.put(item, "", entry.other());
        item.put(Attr.UNREAD_COUNT, Attr.n(entry.unreadCount()));
        return item;
    }

    static InboxEntry fromItem(Map<String, AttributeValue> item) {
        return read(item).entry();
    }

    /** A row as stored, keeping its raw sk (the reference wrote several timestamp forms). */
    static Row read(Map<String, AttributeValue> item) {
        try {
            String pk = Attr.string(item, Attr.PK);
            if (!pk.startsWith(Attr.GROUP_ROW_PREFIX)) {
                throw new IllegalArgumentException("not a message-group row");
            }
            String sk = Attr.string(item, Attr.SK);
            InboxEntry entry = new InboxEntry(
                    UserId.of(pk.substring(Attr.GROUP_ROW_PREFIX.length())),
                    MessageGroupId.of(Attr.string(item, Attr.MESSAGE_GROUP_UUID)),
                    ParticipantAttrs.read(item, ""),
                    new LastMessage(Timestamp.parse(sk), Attr.optionalString(item, Attr.MESSAGE)),
                    Attr.optionalInt(item, Attr.UNREAD_COUNT));
            return new Row(sk, entry);
        } catch (MalformedItemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw MalformedItemException.unreadable(item, e);
        }
    }

    record Row(String sk, InboxEntry entry) {

        UserId owner() {
            return entry.owner();
        }

        Participant other() {
            return entry.other();
        }

        Map<String, AttributeValue> key() {
            return Attr.key(pk(entry.owner()), sk);
        }
    }
}
