package com.cruddur.messaging.adapters.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A stored item does not have the shape its key promises; names the item so it can be found and repaired. */
public class MalformedItemException extends IllegalStateException {

    MalformedItemException(String message, Throwable cause) {
        super(message, cause);
    }

    static MalformedItemException missing(Map<String, AttributeValue> item, String attribute) {
        return new MalformedItemException("item " + describe(item) + " has no string attribute '" + attribute + "'", null);
    }

    static MalformedItemException unreadable(Map<String, AttributeValue> item, RuntimeException cause) {
        return new MalformedItemException("item " + describe(item) + " cannot be read: " + cause.getMessage(), cause);
    }

    private static String describe(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get(Attr.PK);
        AttributeValue sk = item.get(Attr.SK);
        return "(pk=" + (pk == null ? "?" : pk.s()) + ", sk=" + (sk == null ? "?" : sk.s()) + ")";
    }
}
