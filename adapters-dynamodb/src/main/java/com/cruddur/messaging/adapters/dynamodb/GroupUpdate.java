package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.ReadState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The writes that store a conversation's next state in place of the one read: the conversation record updated on
 * condition that its last message, both read positions and both blocking flags are still {@code current}'s, both
 * group rows put with {@code next}'s last message and counts (the old ones deleted when the last message moved).
 * Pattern E's moves, the read markers and the blocks all write a conversation this way.
 */
final class GroupUpdate {

    private final String table;
    private final Writes writes;

    GroupUpdate(String table, Writes writes) {
        this.table = table;
        this.writes = writes;
    }

    List<TransactWriteItem> items(MessageGroup current, MessageGroup next) {
        String expected = current.lastMessage().at().format();
        String nextAt = next.lastMessage().at().format();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(conversationUpdate(current, next)).build());
        for (InboxEntry entry : next.inboxEntries()) {
            if (!expected.equals(nextAt)) {
                items.add(writes.deleteGroupRow(Attr.key(GroupRowItem.pk(entry.owner()), expected), current.id()));
            }
            items.add(writes.putGroupRow(GroupRowItem.toItem(entry), current.id()));
        }
        return items;
    }

    private Update conversationUpdate(MessageGroup current, MessageGroup next) {
        Map<String, String> names = new HashMap<>(Map.of("#at", Attr.LAST_MESSAGE_AT, "#text", Attr.LAST_MESSAGE));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":next", Attr.s(next.lastMessage().at().format()), ":text", Attr.s(next.lastMessage().text()),
                ":expected", Attr.s(current.lastMessage().at().format())));
        List<String> sets = new ArrayList<>(List.of("#at = :next", "#text = :text"));
        List<String> removes = new ArrayList<>();
        List<String> conditions = new ArrayList<>(List.of("#at = :expected"));
        Expression expression = new Expression(names, values, sets, removes, conditions);
        readOf(Attr.FIRST, current.firstRead(), next.firstRead(), expression);
        readOf(Attr.SECOND, current.secondRead(), next.secondRead(), expression);
        return Update.builder()
                .tableName(table)
                .key(ConversationItem.key(current.id()))
                .updateExpression("SET " + String.join(", ", sets)
                        + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes)))
                .conditionExpression(String.join(" AND ", conditions))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    private record Expression(Map<String, String> names, Map<String, AttributeValue> values, List<String> sets,
                              List<String> removes, List<String> conditions) {
    }

    /**
     * Sets a participant's reading to {@code next}'s, on condition that their read position and whether they block
     * the other are still current's. The blocking flag is only stored while it holds ({@code REMOVE}d after).
     */
    private static void readOf(String prefix, ReadState current, ReadState next, Expression expression) {
        String readAt = "#" + prefix + "read_at";
        expression.names().put(readAt, prefix + Attr.READ_AT);
        expression.conditions().add(current.seen()
                .map(position -> {
                    expression.values().put(":" + prefix + "seen", Attr.s(position.at().format()));
                    return readAt + " = :" + prefix + "seen";
                })
                .orElse("attribute_not_exists(" + readAt + ")"));
        ConversationItem.readAttributes(prefix, next).forEach((name, value) -> {
            if (!name.equals(prefix + Attr.BLOCKS_OTHER)) {
                expression.names().put("#" + name, name);
                expression.values().put(":" + name, value);
                expression.sets().add("#" + name + " = :" + name);
            }
        });
        String blocks = "#" + prefix + Attr.BLOCKS_OTHER;
        expression.names().put(blocks, prefix + Attr.BLOCKS_OTHER);
        if (current.blocksOther()) {
            expression.values().put(":blocking", AttributeValue.fromBool(true));
            expression.conditions().add(blocks + " = :blocking");
        } else {
            expression.conditions().add("attribute_not_exists(" + blocks + ")");
        }
        if (next.blocksOther() && !current.blocksOther()) {
            expression.values().put(":blocking", AttributeValue.fromBool(true));
            expression.sets().add(blocks + " = :blocking");
        } else if (!next.blocksOther() && current.blocksOther()) {
            expression.removes().add(blocks);
        }
    }
}
