package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.application.port.IdempotencyKeyReusedException;
import com.cruddur.messaging.domain.IdempotencyKey;
import com.cruddur.messaging.domain.IdempotentRequest;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A used idempotency key: pk {@code IDEM#{sender}#{key}}, sk {@code IDEM}, the message stored the first time (so a
 * repeated request gets the same answer), the fingerprint of that request and the end of the key's window in
 * epoch seconds (the table's time-to-live attribute).
 */
final class IdempotencyItem {

    static final String SK = "IDEM";

    private IdempotencyItem() {
    }

    static Map<String, AttributeValue> key(UserId sender, IdempotencyKey key) {
        return Attr.key(Attr.IDEMPOTENCY_PREFIX + sender + "#" + key.value(), SK);
    }

    static Map<String, AttributeValue> toItem(Message message, IdempotentRequest request) {
        Map<String, AttributeValue> item = new HashMap<>(key(message.sender().id(), request.key()));
        item.put(Attr.GROUP_UUID, Attr.s(message.groupId().toString()));
        item.put(Attr.MESSAGE_UUID, Attr.s(message.id().toString()));
        item.put(Attr.MESSAGE, Attr.s(message.text()));
        item.put(Attr.CREATED_AT, Attr.s(message.createdAt().format()));
        ParticipantAttrs.put(item, "", message.sender());
        item.put(Attr.REQUEST_FINGERPRINT, Attr.s(request.fingerprint().value()));
        item.put(Attr.EXPIRES_AT, epochSeconds(request.expiresAt().getEpochSecond()));
        return item;
    }

    /**
     * The message a record holds for {@code request}; a record of another request under the same key refuses it.
     * Only records whose window is still open reach here: the write's condition treats the others as absent.
     */
    static Message originalFor(Map<String, AttributeValue> item, IdempotentRequest request) {
        AttributeValue fingerprint = item.get(Attr.REQUEST_FINGERPRINT);
        if (fingerprint == null || !request.fingerprint().value().equals(fingerprint.s())) {
            throw new IdempotencyKeyReusedException(request.key());
        }
        return fromItem(item);
    }

    static Message fromItem(Map<String, AttributeValue> item) {
        try {
            return new Message(
                    MessageId.of(Attr.string(item, Attr.MESSAGE_UUID)),
                    MessageGroupId.of(Attr.string(item, Attr.GROUP_UUID)),
                    ParticipantAttrs.read(item, ""),
                    Attr.optionalString(item, Attr.MESSAGE),
                    Timestamp.parse(Attr.string(item, Attr.CREATED_AT)));
        } catch (MalformedItemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw MalformedItemException.unreadable(item, e);
        }
    }

    static AttributeValue epochSeconds(long seconds) {
        return AttributeValue.fromN(Long.toString(seconds));
    }
}
