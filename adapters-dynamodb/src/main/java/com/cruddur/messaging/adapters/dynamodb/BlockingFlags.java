package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.ReadState;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whether a participant blocks the other, on the conversation record: {@code first_blocks_other} (and
 * {@code second_}), {@code true}, present only while the block holds. Every update of the record is conditional on
 * both flags being as read, so a move or a read that read the record before a block cannot land after it.
 */
final class BlockingFlags {

    private static final AttributeValue TRUE = AttributeValue.fromBool(true);

    private BlockingFlags() {
    }

    static void put(Map<String, AttributeValue> item, String prefix, ReadState read) {
        if (read.blocksOther()) {
            item.put(prefix + Attr.BLOCKS_OTHER, TRUE);
        }
    }

    static boolean read(Map<String, AttributeValue> item, String prefix) {
        AttributeValue flag = item.get(prefix + Attr.BLOCKS_OTHER);
        return flag != null && Boolean.TRUE.equals(flag.bool());
    }

    /** Conditions on both flags as {@code current} has them; sets or removes those {@code next} changes. */
    static void update(MessageGroup current, MessageGroup next, Map<String, String> names,
                       Map<String, AttributeValue> values, List<String> sets, List<String> removes,
                       List<String> conditions) {
        flag(Attr.FIRST, current.firstRead(), next.firstRead(), names, values, sets, removes, conditions);
        flag(Attr.SECOND, current.secondRead(), next.secondRead(), names, values, sets, removes, conditions);
    }

    private static void flag(String prefix, ReadState current, ReadState next, Map<String, String> names,
                             Map<String, AttributeValue> values, List<String> sets, List<String> removes,
                             List<String> conditions) {
        String name = "#" + prefix + Attr.BLOCKS_OTHER;
        names.put(name, prefix + Attr.BLOCKS_OTHER);
        if (current.blocksOther() || next.blocksOther()) {
            values.put(":blocking", TRUE);
        }
        conditions.add(current.blocksOther() ? name + " = :blocking" : "attribute_not_exists(" + name + ")");
        if (next.blocksOther() && !current.blocksOther()) {
            sets.add(name + " = :blocking");
        } else if (!next.blocksOther() && current.blocksOther()) {
            removes.add(name);
        }
    }
}
