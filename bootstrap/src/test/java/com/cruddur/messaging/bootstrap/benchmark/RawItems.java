package com.cruddur.messaging.bootstrap.benchmark;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table's items written by hand, in the shapes {@code MessagesTable} documents, for what bypasses the service:
 * the store's ceiling (the same requests the adapter makes, sent straight with the SDK) and the bulk-seeded scale
 * data. Kept apart from the adapter's package-private codecs on purpose: the ceiling must not run our code.
 */
final class RawItems {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'")
            .withZone(ZoneOffset.UTC);
    private static final AtomicLong MICROS = new AtomicLong();

    private RawItems() {
    }

    /** Distinct, increasing instants (one microsecond apart at least), near now. */
    static String uniqueNow() {
        long now = Instant.now().toEpochMilli() * 1000;
        long micros = MICROS.updateAndGet(last -> Math.max(last + 1, now));
        return TIME.format(Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000));
    }

    static String at(Instant instant) {
        return TIME.format(instant);
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    static Map<String, AttributeValue> conversationKey(String group) {
        return key("CONV#" + group, "CONV");
    }

    static Map<String, AttributeValue> conversation(String group, DataSet.User first, DataSet.User second,
                                                    String lastAt, String lastText) {
        Map<String, AttributeValue> item = new HashMap<>(conversationKey(group));
        participant(item, "first_", first);
        participant(item, "second_", second);
        item.put("last_message_at", s(lastAt));
        item.put("last_message", s(lastText));
        return item;
    }

    private static void participant(Map<String, AttributeValue> item, String prefix, DataSet.User user) {
        item.put(prefix + "user_uuid", s(user.uuid().toString()));
        item.put(prefix + "user_display_name", s(user.displayName()));
        item.put(prefix + "user_handle", s(user.handle()));
    }

    static Map<String, AttributeValue> pairKey(UUID a, UUID b) {
        String low = a.toString().compareTo(b.toString()) < 0 ? a.toString() : b.toString();
        String high = low.equals(a.toString()) ? b.toString() : a.toString();
        return key("PAIR#" + low + "#" + high, "PAIR");
    }

    static Map<String, AttributeValue> pair(UUID a, UUID b, String group) {
        Map<String, AttributeValue> item = new HashMap<>(pairKey(a, b));
        item.put("group_uuid", s(group));
        return item;
    }

    /** The owner's inbox row of a conversation, showing the other participant. */
    static Map<String, AttributeValue> groupRow(UUID owner, String at, String group, DataSet.User other, String text) {
        Map<String, AttributeValue> item = new HashMap<>(key("GRP#" + owner, at));
        item.put("message_group_uuid", s(group));
        item.put("message", s(text));
        item.put("user_uuid", s(other.uuid().toString()));
        item.put("user_display_name", s(other.displayName()));
        item.put("user_handle", s(other.handle()));
        return item;
    }

    static Map<String, AttributeValue> message(String group, String at, DataSet.User sender, String text) {
        Map<String, AttributeValue> item = new HashMap<>(key("MSG#" + group, at));
        item.put("message_uuid", s(UUID.randomUUID().toString()));
        item.put("message", s(text));
        item.put("user_uuid", s(sender.uuid().toString()));
        item.put("user_display_name", s(sender.displayName()));
        item.put("user_handle", s(sender.handle()));
        return item;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
