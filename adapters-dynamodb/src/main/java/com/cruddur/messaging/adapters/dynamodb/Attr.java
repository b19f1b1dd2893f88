package com.cruddur.messaging.adapters.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Attribute names and key prefixes of the messages table, as the reference spells them where it has them. */
final class Attr {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String MESSAGE_GROUP_UUID = "message_group_uuid";
    static final String MESSAGE_UUID = "message_uuid";
    static final String MESSAGE = "message";
    static final String USER_UUID = "user_uuid";
    static final String USER_DISPLAY_NAME = "user_display_name";
    static final String USER_HANDLE = "user_handle";

    // Added item types: never message_group_uuid, so they stay out of the GSI.
    static final String GROUP_UUID = "group_uuid";
    static final String LAST_MESSAGE_AT = "last_message_at";
    static final String LAST_MESSAGE = "last_message";
    static final String CREATED_AT = "created_at";
    static final String REQUEST_FINGERPRINT = "request_fingerprint";
    static final String EXPIRES_AT = MessagesTable.TIME_TO_LIVE_ATTRIBUTE;
    static final String FIRST = "first_";
    static final String SECOND = "second_";

    static final String GROUP_ROW_PREFIX = "GRP#";
    static final String MESSAGE_PREFIX = "MSG#";
    static final String CONVERSATION_PREFIX = "CONV#";
    static final String PAIR_PREFIX = "PAIR#";
    static final String IDEMPOTENCY_PREFIX = "IDEM#";

    private Attr() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
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
