package com.cruddur.messaging.application.contract;

import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.IdempotencyKey;
import com.cruddur.messaging.domain.IdempotentRequest;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.MessageText;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.RequestFingerprint;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Fresh test data: every call makes new ids, so tests never see each other's items in a shared store. */
public final class ContractFixtures {

    /** A fixed past instant with a non-zero microsecond part, so the formats are exercised fully. */
    public static final Instant BASE = Instant.parse("2026-03-14T15:09:26.535897Z");

    private ContractFixtures() {
    }

    public static Participant participant(String displayName) {
        UserId id = new UserId(UUID.randomUUID());
        String handle = displayName.toLowerCase().replaceAll("[^a-z]", "") + id.value().toString().substring(0, 8);
        return new Participant(id, displayName, new Handle(handle));
    }

    public static Timestamp at(long secondsAfterBase) {
        return Timestamp.of(BASE.plusSeconds(secondsAfterBase));
    }

    public static MessageGroup.Conversation conversation(Participant sender, Participant recipient, String text,
                                                         Timestamp at) {
        return MessageGroup.start(new MessageGroupId(UUID.randomUUID()), new MessageId(UUID.randomUUID()), sender,
                recipient, new MessageText(text), at);
    }

    /** A day: how long the keys of the contract tests are remembered unless a test says otherwise. */
    public static final Duration WINDOW = Duration.ofHours(24);

    /** A key with the request of sending {@code message}'s text into its conversation, remembered for a day. */
    public static IdempotentRequest request(IdempotencyKey key, Message message) {
        return request(key, message, WINDOW);
    }

    public static IdempotentRequest request(IdempotencyKey key, Message message, Duration window) {
        return new IdempotentRequest(key, RequestFingerprint.ofGroupSend(message.groupId(),
                new MessageText(message.text())), message.createdAt().instant().plus(window));
    }

    /** The group moved to {@code message}, the only message since its last one. */
    public static MessageGroup movedTo(MessageGroup group, Message message) {
        return group.movedTo(message).orElseThrow();
    }

    public static Message message(MessageGroupId group, Participant sender, String text, Timestamp at) {
        return Message.compose(new MessageId(UUID.randomUUID()), group, sender, new MessageText(text), at);
    }
}
