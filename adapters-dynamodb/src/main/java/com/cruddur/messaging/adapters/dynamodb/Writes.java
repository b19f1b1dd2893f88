package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.domain.MessageGroupId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The conditional writes the adapters put into transactions ({@link Transaction} reads a cancelled one). */
final class Writes {

    static final String ABSENT = "attribute_not_exists(#pk)";
    static final String ABSENT_OR_EXPIRED =
            "attribute_not_exists(#pk) OR attribute_not_exists(#expires) OR #expires <= :now";
    static final String ABSENT_OR_SAME_GROUP = "attribute_not_exists(#pk) OR #group = :group";
    static final String CONDITION_FAILED = "ConditionalCheckFailed";
    static final String CONFLICT = "TransactionConflict";

    private final String table;

    Writes(String table) {
        this.table = table;
    }

    /** A put that fails when the key is taken; a failure returns the item that holds it. */
    TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression(ABSENT)
                .expressionAttributeNames(Map.of("#pk", Attr.PK))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }

    /** A condition check that no item has this key (no block, no pair's claim): fails when one does. */
    TransactWriteItem absent(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key)
                .conditionExpression(ABSENT)
                .expressionAttributeNames(Map.of("#pk", Attr.PK))
                .build()).build();
    }

    /**
     * The put of an idempotency record: it takes the key when no record holds it, or when the record there is past
     * its window at {@code now} (DynamoDB deletes expired items late, so they are still read) or has no window at
     * all. A failure returns the live record.
     */
    TransactWriteItem putIdempotencyRecord(Map<String, AttributeValue> item, Instant now) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression(ABSENT_OR_EXPIRED)
                .expressionAttributeNames(Map.of("#pk", Attr.PK, "#expires", Attr.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", IdempotencyItem.epochSeconds(now.getEpochSecond())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }

    /** A group-row put that may replace a row of the same group but never another group's row. */
    TransactWriteItem putGroupRow(Map<String, AttributeValue> item, MessageGroupId group) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression(ABSENT_OR_SAME_GROUP)
                .expressionAttributeNames(Map.of("#pk", Attr.PK, "#group", Attr.MESSAGE_GROUP_UUID))
                .expressionAttributeValues(Map.of(":group", Attr.s(group.toString())))
                .build()).build();
    }

    /** A group-row delete that never removes another group's row (and is harmless when the row is gone). */
    TransactWriteItem deleteGroupRow(Map<String, AttributeValue> key, MessageGroupId group) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key)
                .conditionExpression(ABSENT_OR_SAME_GROUP)
                .expressionAttributeNames(Map.of("#pk", Attr.PK, "#group", Attr.MESSAGE_GROUP_UUID))
                .expressionAttributeValues(Map.of(":group", Attr.s(group.toString())))
                .build()).build();
    }

    /** Whether another transaction on the same items cancelled this one. */
    static boolean conflicted(TransactionCanceledException cancelled) {
        return cancelled.hasCancellationReasons() && cancelled.cancellationReasons().stream()
                .map(CancellationReason::code).anyMatch(CONFLICT::equals);
    }

    static List<String> codes(TransactionCanceledException cancelled) {
        return cancelled.hasCancellationReasons()
                ? cancelled.cancellationReasons().stream().map(r -> r.code() == null ? "None" : r.code()).toList()
                : List.of();
    }
}
