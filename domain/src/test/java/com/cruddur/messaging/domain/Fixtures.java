package com.cruddur.messaging.domain;

import java.util.UUID;

/** Fixed people, groups and messages, so a failing test prints the same values every run. */
final class Fixtures {

    static final Participant ANDREW =
            participant("1d1a3e7a-0f0a-4d6c-9a39-5a0b7f2c1e01", "Andrew Brown", "andrewbrown");
    static final Participant BAYKO = participant("7c4b2f11-8e3d-4b9a-a2c5-0d6e9f1a2b02", "Andrew Bayko", "bayko");
    static final Participant LONDO = participant("c9e8d7f6-5a4b-4c3d-8e2f-1a0b9c8d7e03", "Londo Mollari", "londo");

    static final MessageGroupId GROUP = MessageGroupId.of("5ae290ed-55d1-47a0-bc6d-fe2bc2700399");
    static final MessageGroupId OTHER_GROUP = MessageGroupId.of("0f3c6a52-1b7e-4d89-9c1a-2e4f6b8d0a11");

    private Fixtures() {
    }

    static Participant participant(String uuid, String displayName, String handle) {
        return new Participant(UserId.of(uuid), displayName, new Handle(handle));
    }

    static Timestamp at(String text) {
        return Timestamp.parse(text);
    }

    static MessageId messageId(String uuid) {
        return MessageId.of(uuid);
    }

    /** A message with a fresh id; for tie-break tests pass the id explicitly. */
    static Message message(MessageGroupId group, Participant sender, String text, String createdAt) {
        return message(new MessageId(UUID.randomUUID()), group, sender, text, createdAt);
    }

    static Message message(MessageId id, MessageGroupId group, Participant sender, String text, String createdAt) {
        return Message.compose(id, group, sender, new MessageText(text), at(createdAt));
    }
}
