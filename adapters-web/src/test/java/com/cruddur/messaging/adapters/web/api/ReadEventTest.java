package com.cruddur.messaging.adapters.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.live.LiveEvent;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ReadPosition;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;

/** A moved read marker goes out as a {@code message_group} event: the reader's row with its new unread count. */
class ReadEventTest {

    @Test
    void aReadIsAMessageGroupEventWithTheRowAndItsUnreadCount() {
        Timestamp at = Timestamp.parse("2026-11-22T10:15:30.123456+00:00");
        MessageId seen = MessageId.of("a0000000-0000-4000-8000-000000000001");
        InboxEntry row = new InboxEntry(UserId.of("1d1a3e7a-0f0a-4d6c-9a39-5a0b7f2c1e01"),
                MessageGroupId.of("5ae290ed-55d1-47a0-bc6d-fe2bc2700399"),
                new Participant(UserId.of("7c4b2f11-8e3d-4b9a-a2c5-0d6e9f1a2b02"), "Andrew Bayko", new Handle("bayko")),
                new LastMessage(at, "three"), 1);

        ServerSentEvent<Object> sent = EventsController.live(new LiveEvent.InboxRowChanged(row, new ReadPosition(seen, at)));

        assertThat(sent.event()).isEqualTo("message_group");
        assertThat(sent.id()).isEqualTo("2026-11-22T10:15:30.123456+00:00~r~" + seen);
        assertThat(sent.data()).isEqualTo(new MessageGroupResponse("5ae290ed-55d1-47a0-bc6d-fe2bc2700399",
                "Andrew Bayko", "bayko", "three", "2026-11-22T10:15:30.123456+00:00", 1));
    }

    @Test
    void aChangedMessageIsAMessageUpdatedEventWithPatternAsFieldsAndItsConversation() {
        Timestamp at = Timestamp.parse("2026-11-22T10:15:30.123456+00:00");
        Timestamp changed = Timestamp.parse("2026-11-22T10:16:00.000000+00:00");
        Participant bayko = new Participant(UserId.of("7c4b2f11-8e3d-4b9a-a2c5-0d6e9f1a2b02"), "Andrew Bayko",
                new Handle("bayko"));
        com.cruddur.messaging.domain.Message sent = new com.cruddur.messaging.domain.Message(
                MessageId.of("a0000000-0000-4000-8000-000000000001"),
                MessageGroupId.of("5ae290ed-55d1-47a0-bc6d-fe2bc2700399"), bayko, "", at,
                java.util.Optional.of(changed), true);

        ServerSentEvent<Object> event = EventsController.live(new LiveEvent.MessageChanged(bayko.id(), sent, changed));

        assertThat(event.event()).isEqualTo("message_updated");
        assertThat(event.id()).isEqualTo("2026-11-22T10:16:00.000000+00:00~u~a0000000-0000-4000-8000-000000000001");
        assertThat(event.data()).isEqualTo(new SentMessageResponse("5ae290ed-55d1-47a0-bc6d-fe2bc2700399",
                "a0000000-0000-4000-8000-000000000001", "Andrew Bayko", "bayko", "",
                "2026-11-22T10:15:30.123456+00:00", "2026-11-22T10:16:00.000000+00:00", true));
    }
}
