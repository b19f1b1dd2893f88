package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.domain.Block;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A block: pk {@code BLK#{blocker}}, sk the blocked user's uuid, so the check of a send is one GetItem and a
 * blocker's list one Query; {@code blocked_user_uuid}, {@code blocked_user_display_name}, {@code blocked_user_handle}
 * as the blocked user was shown when blocked, and {@code blocked_at}. No {@code message_group_uuid}: it stays out
 * of the GSI, and the stream handler passes over it (not a {@code MSG#} item).
 */
final class BlockItem {

    private BlockItem() {
    }

    static String pk(UserId blocker) {
        return Attr.BLOCK_PREFIX + blocker;
    }

    static Map<String, AttributeValue> key(UserId blocker, UserId blocked) {
        return Attr.key(pk(blocker), blocked.toString());
    }

    static Map<String, AttributeValue> toItem(Block block) {
        Map<String, AttributeValue> item = new HashMap<>(key(block.blocker(), block.blocked().id()));
        ParticipantAttrs.put(item, Attr.BLOCKED, block.blocked());
        item.put(Attr.BLOCKED_AT, Attr.s(block.at().format()));
        return item;
    }

    static Block fromItem(Map<String, AttributeValue> item) {
        try {
            String pk = Attr.string(item, Attr.PK);
            return new Block(UserId.of(pk.substring(Attr.BLOCK_PREFIX.length())),
                    ParticipantAttrs.read(item, Attr.BLOCKED),
                    Timestamp.parse(Attr.string(item, Attr.BLOCKED_AT)));
        } catch (MalformedItemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw MalformedItemException.unreadable(item, e);
        }
    }
}
