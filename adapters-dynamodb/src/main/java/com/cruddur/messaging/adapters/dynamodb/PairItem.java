package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.ParticipantPair;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The pair's claim on its one conversation: pk {@code PAIR#{lower}#{higher}}, sk {@code PAIR}, {@code group_uuid}. */
final class PairItem {

    static final String SK = "PAIR";

    private PairItem() {
    }

    static Map<String, AttributeValue> key(ParticipantPair pair) {
        return Attr.key(Attr.PAIR_PREFIX + pair.key(), SK);
    }

    static Map<String, AttributeValue> toItem(ParticipantPair pair, MessageGroupId group) {
        Map<String, AttributeValue> item = new HashMap<>(key(pair));
        item.put(Attr.GROUP_UUID, Attr.s(group.toString()));
        return item;
    }

    static MessageGroupId fromItem(Map<String, AttributeValue> item) {
        try {
            return MessageGroupId.of(Attr.string(item, Attr.GROUP_UUID));
        } catch (MalformedItemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw MalformedItemException.unreadable(item, e);
        }
    }
}
