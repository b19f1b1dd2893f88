package com.cruddur.messaging.adapters.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Attribute names and key prefixes of the messages table, as the reference spells them where it has them. Public,
 * so that the admin command line reads the items by the same names the adapters write them with.
 */
public final class Attr {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String MESSAGE_GROUP_UUID = "message_group_uuid";
    public static final String MESSAGE_UUID = "message_uuid";
    public static final String MESSAGE = "message";
    public static final String USER_UUID = "user_uuid";
    public static final String USER_DISPLAY_NAME = "user_display_name";
    public static final String USER_HANDLE = "user_handle";

    // Added item types: never message_group_uuid, so they stay out of the GSI.
    public static final String GROUP_UUID = "group_uuid";
    public static final String LAST_MESSAGE_AT = "last_message_at";
    public static final String LAST_MESSAGE = "last_message";
    public static final String CREATED_AT = "created_at";
    public static final String REQUEST_FINGERPRINT = "request_fingerprint";
    public static final String EXPIRES_AT = MessagesTable.TIME_TO_LIVE_ATTRIBUTE;
    /** On the conversation record, per participant ({@link #FIRST}, {@link #SECOND}): how far they have read. */
    public static final String READ_UUID = "read_uuid";
    public static final String READ_AT = "read_at";
    public static final String UNREAD = "unread";
    /** On the conversation record, per participant: {@code true} while they block the other one. */
    public static final String BLOCKS_OTHER = "blocks_other";
    /** On a block item: the blocked user ({@code blocked_user_uuid}, ...) and when the block was made. */
    public static final String BLOCKED = "blocked_";
    public static final String BLOCKED_AT = "blocked_at";
    /** Added to the reference's group row (a Number; the reference's own reads ignore it). */
    public static final String UNREAD_COUNT = "unread_count";
    /** Added to the reference's message item once it is edited (a String, its format) or deleted (a Boolean). */
    public static final String EDITED_AT = "edited_at";
    public static final String DELETED = "deleted";
    public static final String FIRST = "first_";
    public static final String SECOND = "second_";

    public static final String GROUP_ROW_PREFIX = "GRP#";
    public static final String MESSAGE_PREFIX = "MSG#";
    public static final String CONVERSATION_PREFIX = "CONV#";
    public static final String PAIR_PREFIX = "PAIR#";
    public static final String IDEMPOTENCY_PREFIX = "IDEM#";
    public static final String BLOCK_PREFIX = "BLK#";

    private Attr() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }

    /** A Boolean attribute that items written before it existed lack: they read as false. */
    static boolean optionalBool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    /** A whole-number attribute that items written before it existed lack: they read as 0. */
    static int optionalInt(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Integer.parseInt(value.n());
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    /** A string attribute of a stored item; a missing one means the item is not of the expected shape. */
    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw MalformedItemException.missing(item, name);
        }
        return value.s();
    }

    /** A string attribute that the reference may have left out (display names). */
    static String optionalString(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }
}
