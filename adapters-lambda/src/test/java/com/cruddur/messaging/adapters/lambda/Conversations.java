package com.cruddur.messaging.adapters.lambda;

import com.cruddur.messaging.application.fake.InMemoryMessageStore;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.MessageText;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import java.util.Optional;
import java.util.UUID;

/** The people and conversations of the recorded events (see {@code src/test/scripts/generate-events.py}). */
final class Conversations {

    static final Participant ANDREW = participant("0e4b8f5d-3b1c-4f5a-9d0e-7a1b2c3d4e5f", "Andrew Brown", "andrewbrown");
    static final Participant BAYKO = participant("9c1a7e2b-6d4f-4a3e-8b5c-1f2e3d4c5b6a", "Andrew Bayko", "bayko");
    static final Participant LONDO = participant("4d7e2a91-8c3b-4e6f-a5d2-3b9c8e7f6a15", "Londo Mollari", "londo");

    /** andrewbrown and bayko. */
    static final MessageGroupId GROUP_A = MessageGroupId.of("5ae290ed-55d1-47a0-bc6d-fe2bc2700399");
    /** andrewbrown and londo. */
    static final MessageGroupId GROUP_B = MessageGroupId.of("7f3c2b1a-9e8d-4c7b-a6f5-e4d3c2b1a098");

    private final InMemoryMessageStore store;

    Conversations(InMemoryMessageStore store) {
        this.store = store;
    }

    /** Group {@code g} (0..9) of hundred-messages.json: andrewbrown and friend{g}. */
    static MessageGroupId hundredGroup(int g) {
        return MessageGroupId.of(String.format("3b5d0c7e-1a2f-4e6b-9c8d-%012d", g));
    }

    static Participant friend(int g) {
        return participant(String.format("6c2e8f4a-0b3d-4a7e-9f1c-%012d", g), "Friend " + g, "friend" + g);
    }

    /** The sequence number of record {@code n} in the generated events. */
    static String sequenceNumber(int n) {
        return String.format("4421584500000000017450%06d", n * 100 + 100);
    }

    void start(MessageGroupId id, Participant sender, Participant recipient, String text, String at) {
        store.messageGroups().start(MessageGroup.start(id, new MessageId(UUID.randomUUID()), sender, recipient,
                new MessageText(text), Timestamp.parse(at)), Optional.empty()).block();
    }

    /** Groups A and B, each with one message sent before every message of the events. */
    void startAAndB() {
        start(GROUP_A, ANDREW, BAYKO, "hi bayko", "2026-11-22T09:00:00.000000+00:00");
        start(GROUP_B, ANDREW, LONDO, "hi londo", "2026-11-22T09:00:00.000000+00:00");
    }

    void startHundredGroups() {
        for (int g = 0; g < 10; g++) {
            start(hundredGroup(g), ANDREW, friend(g), "hello friend " + g, "2026-11-22T10:00:00.000000+00:00");
        }
    }

    LastMessage lastMessage(MessageGroupId id) {
        return store.messageGroups().find(id).blockOptional().orElseThrow().lastMessage();
    }

    static LastMessage last(String at, String text) {
        return new LastMessage(Timestamp.parse(at), text);
    }

    private static Participant participant(String id, String name, String handle) {
        return new Participant(UserId.of(id), name, new Handle(handle));
    }
}
