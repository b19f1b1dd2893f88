package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.application.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A paging position: the table key ({@code pk}, {@code sk}) of the last item of a page, the way DynamoDB's
 * LastEvaluatedKey names it, encoded as text. A position is only accepted for the partition it came from, so it
 * can never start a read in someone else's listing (the use cases sign it as well).
 */
final class PagePosition {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PagePosition() {
    }

    static String encode(Map<String, AttributeValue> key) {
        return "v1." + encodePart(key.get(Attr.PK).s()) + "." + encodePart(key.get(Attr.SK).s());
    }

    /** The ExclusiveStartKey for a position issued for partition {@code pk}. */
    static Map<String, AttributeValue> decode(String position, String pk) {
        String[] parts = position.split("\\.", -1);
        if (parts.length != 3 || !"v1".equals(parts[0])) {
            throw new InvalidCursorException("the paging position is malformed");
        }
        String positionPk;
        String sk;
        try {
            positionPk = decodePart(parts[1]);
            sk = decodePart(parts[2]);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidCursorException("the paging position is malformed");
        }
        if (!positionPk.equals(pk) || sk.isEmpty()) {
            throw new InvalidCursorException("the paging position belongs to another listing");
        }
        return Attr.key(pk, sk);
    }

    private static String encodePart(String value) {
        return ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodePart(String value) {
        return new String(DECODER.decode(value), StandardCharsets.UTF_8);
    }
}
