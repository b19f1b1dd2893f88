package com.cruddur.messaging.bootstrap.cli;

import com.cruddur.messaging.adapters.dynamodb.Attr;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the attributes a person wants to see from any item of the table, whatever its type: the reference's group
 * rows and messages, and the conversation, pair and idempotency records this service adds.
 */
final class Items {

    private Items() {
    }

    /** An attribute as text (strings as they are, other types in a short form), empty when absent. */
    static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            return "";
        }
        if (value.s() != null) {
            return value.s();
        }
        if (value.n() != null) {
            return value.n();
        }
        if (value.bool() != null) {
            return value.bool().toString();
        }
        if (value.hasSs()) {
            return String.join(",", value.ss());
        }
        if (value.hasL()) {
            return value.l().size() + " values";
        }
        if (value.hasM()) {
            return value.m().keySet().stream().sorted().collect(Collectors.joining(",", "{", "}"));
        }
        return value.type().toString();
    }

    /** The conversation an item belongs to, when it says so ({@code message_group_uuid}, {@code group_uuid}). */
    static String conversation(Map<String, AttributeValue> item) {
        String group = text(item, Attr.MESSAGE_GROUP_UUID);
        return group.isEmpty() ? text(item, Attr.GROUP_UUID) : group;
    }

    /** The handle of the item's user, or the two participants of a conversation record. */
    static String handles(Map<String, AttributeValue> item) {
        String handle = text(item, Attr.USER_HANDLE);
        if (!handle.isEmpty()) {
            return handle;
        }
        String first = text(item, Attr.FIRST + Attr.USER_HANDLE);
        String second = text(item, Attr.SECOND + Attr.USER_HANDLE);
        return first.isEmpty() && second.isEmpty() ? "" : first + " & " + second;
    }

    static String message(Map<String, AttributeValue> item) {
        String message = text(item, Attr.MESSAGE);
        return message.isEmpty() ? text(item, Attr.LAST_MESSAGE) : message;
    }

    /**
     * An item as plain JSON values for {@code --output json}: strings, numbers (exact), booleans, null, lists and
     * maps as they are; string, number and binary sets as arrays; binary as base64. Attributes in name order.
     */
    static Map<String, Object> plain(Map<String, AttributeValue> item) {
        Map<String, Object> plain = new LinkedHashMap<>();
        new TreeMap<>(item).forEach((name, value) -> plain.put(name, plain(value)));
        return plain;
    }

    static Object plain(AttributeValue value) {
        if (value == null) {
            return null;
        }
        return switch (value.type()) {
            case S -> value.s();
            case N -> new BigDecimal(value.n());
            case BOOL -> value.bool();
            case NUL -> null;
            case B -> Base64.getEncoder().encodeToString(value.b().asByteArray());
            case SS -> value.ss();
            case NS -> value.ns().stream().map(BigDecimal::new).toList();
            case BS -> value.bs().stream().map(b -> Base64.getEncoder().encodeToString(b.asByteArray())).toList();
            case L -> value.l().stream().map(Items::plain).toList();
            case M -> plain(value.m());
            default -> value.toString();
        };
    }
}
