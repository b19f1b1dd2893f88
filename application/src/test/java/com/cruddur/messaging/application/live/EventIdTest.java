package com.cruddur.messaging.application.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.application.contract.ContractFixtures;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdTest {

    private static final String UUID_TEXT = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";
    private static final String AT = "2026-11-22T10:15:30.123456+00:00";

    private final Participant andrew = ContractFixtures.participant("Andrew Brown");

    private Message messageAt(long seconds) {
        return ContractFixtures.message(new MessageGroupId(UUID.randomUUID()), andrew, "hi", ContractFixtures.at(seconds));
    }

    @Test
    void isWrittenAsTimeKindAndMessage() {
        EventId id = new EventId(Timestamp.parse(AT), 'm', MessageId.of(UUID_TEXT));

        assertThat(id).hasToString(AT + "~m~" + UUID_TEXT);
        assertThat(new EventId(Timestamp.parse(AT), 'g', MessageId.of(UUID_TEXT))).hasToString(AT + "~g~" + UUID_TEXT);
    }

    @Test
    void readsBackWhatItWrote() {
        Message message = messageAt(5);

        assertThat(EventId.parse(EventId.ofMessage(message).toString())).contains(EventId.ofMessage(message));
        assertThat(EventId.parse(EventId.ofConversation(message).toString())).contains(EventId.ofConversation(message));
        assertThat(EventId.ofMessage(message)).isEqualTo(new EventId(message.createdAt(), 'm', message.id()));
        assertThat(EventId.ofConversation(message)).isEqualTo(new EventId(message.createdAt(), 'g', message.id()));
    }

    @Test
    void anythingElseReadsAsNoId() {
        for (String text : new String[] {null, "", "garbage", AT + "~m", AT + "~m~" + UUID_TEXT + "~x",
                AT + "~mm~" + UUID_TEXT, AT + "~~" + UUID_TEXT, AT + "~x~" + UUID_TEXT, AT + "~m~not-a-uuid",
                "2026-11-22T10:15:30.123456Z~m~" + UUID_TEXT, "2026-11-22T10:15:30.1234567+00:00~m~" + UUID_TEXT,
                "2026-11-22T10:15:30.123456+0000~m~" + UUID_TEXT, "2026-11-22 10:15:30.123456+00:00~m~" + UUID_TEXT}) {
            assertThat(EventId.parse(text)).as(String.valueOf(text)).isEmpty();
        }
    }

    @Test
    void onlyConversationAndMessageAreKinds() {
        assertThatThrownBy(() -> new EventId(Timestamp.parse(AT), 'x', MessageId.of(UUID_TEXT)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventsOrderByTimeThenConversationBeforeItsMessage() {
        Message earlier = messageAt(1);
        Message later = messageAt(2);

        assertThat(EventId.ofMessage(later).isAfter(EventId.ofMessage(earlier))).isTrue();
        assertThat(EventId.ofConversation(later).isAfter(EventId.ofMessage(earlier))).isTrue();
        assertThat(EventId.ofMessage(earlier).isAfter(EventId.ofMessage(later))).isFalse();
        assertThat(EventId.ofMessage(earlier).isAfter(EventId.ofConversation(earlier))).isTrue();
        assertThat(EventId.ofConversation(earlier).isAfter(EventId.ofMessage(earlier))).isFalse();
        assertThat(EventId.ofMessage(earlier).isAfter(EventId.ofMessage(earlier))).isFalse();
        assertThat(EventId.ofMessage(earlier).compareTo(EventId.ofMessage(later))).isNegative();
        assertThat(EventId.ofMessage(later).compareTo(EventId.ofMessage(earlier))).isPositive();
        assertThat(EventId.ofMessage(later).compareTo(EventId.ofMessage(later))).isZero();
    }
}
