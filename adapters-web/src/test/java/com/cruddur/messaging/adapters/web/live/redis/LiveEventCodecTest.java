package com.cruddur.messaging.adapters.web.live.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.application.contract.ContractFixtures;
import com.cruddur.messaging.application.live.LiveEvent;
import com.cruddur.messaging.domain.EditWindow;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.MessageText;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ReadPosition;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A live event read back from its channel is the event that was published, id and all. */
class LiveEventCodecTest {

    private final LiveEventCodec codec = new LiveEventCodec();
    private final Participant londo = ContractFixtures.participant("Londo Mollari");
    private final Participant vir = ContractFixtures.participant("Vir \"Cotto\" ✓");
    private final Message message = new Message(new MessageId(UUID.randomUUID()),
            new MessageGroupId(UUID.randomUUID()), londo, "hello\nthere \u00e9 \"quoted\"", ContractFixtures.at(7));

    @Test
    void aNewMessageTravelsWhole() {
        LiveEvent event = new LiveEvent.NewMessage(vir.id(), message);

        LiveEvent read = codec.decode(codec.encode(event));

        assertThat(read).isEqualTo(event);
        assertThat(read.id()).isEqualTo(event.id());
    }

    @Test
    void aNewConversationTravelsWhole() {
        InboxEntry entry = new InboxEntry(vir.id(), message.groupId(), londo, LastMessage.of(message));
        LiveEvent event = new LiveEvent.NewConversation(entry, message);

        LiveEvent read = codec.decode(codec.encode(event));

        assertThat(read).isEqualTo(event);
        assertThat(read.id()).isEqualTo(event.id());
    }

    @Test
    void aReadMarkerTravelsWholeWithItsUnreadCount() {
        InboxEntry entry = new InboxEntry(vir.id(), message.groupId(), londo, LastMessage.of(message), 3);
        LiveEvent event = new LiveEvent.InboxRowChanged(entry, ReadPosition.of(message));

        LiveEvent read = codec.decode(codec.encode(event));

        assertThat(read).isEqualTo(event);
        assertThat(read.id()).isEqualTo(event.id());
        assertThat(((LiveEvent.InboxRowChanged) read).entry().unreadCount()).isEqualTo(3);
    }

    @Test
    void aNewConversationKeepsItsUnreadCount() {
        InboxEntry entry = new InboxEntry(vir.id(), message.groupId(), londo, LastMessage.of(message), 1);

        LiveEvent read = codec.decode(codec.encode(new LiveEvent.NewConversation(entry, message)));

        assertThat(((LiveEvent.NewConversation) read).entry().unreadCount()).isEqualTo(1);
    }

    @Test
    void anEditedMessageTravelsWholeWithWhenItWasEditedAndTheIdOfItsChange() {
        Message edited = message.editedBy(londo.id(), new MessageText("hello again"), ContractFixtures.at(9),
                new EditWindow(EditWindow.DEFAULT));
        LiveEvent event = new LiveEvent.MessageChanged(vir.id(), edited, ContractFixtures.at(9));

        LiveEvent read = codec.decode(codec.encode(event));

        assertThat(read).isEqualTo(event);
        assertThat(read.id()).isEqualTo(event.id());
        assertThat(((LiveEvent.MessageChanged) read).message().editedAt()).contains(ContractFixtures.at(9));
    }

    @Test
    void aTombstoneTravelsWhole() {
        LiveEvent event = new LiveEvent.MessageChanged(londo.id(), message.deletedBy(londo.id()).orElseThrow(),
                ContractFixtures.at(10));

        LiveEvent read = codec.decode(codec.encode(event));

        assertThat(read).isEqualTo(event);
        assertThat(((LiveEvent.MessageChanged) read).message().deleted()).isTrue();
    }

    @Test
    void aMessageFromAnInstanceThatPredatesEditsReadsAsNeverEdited() {
        String encoded = codec.encode(new LiveEvent.NewMessage(vir.id(), message))
                .replace(",\"editedAt\":null", "").replace(",\"deleted\":false", "");
        assertThat(encoded).doesNotContain("editedAt").doesNotContain("deleted");

        LiveEvent read = codec.decode(encoded);

        assertThat(read).isEqualTo(new LiveEvent.NewMessage(vir.id(), message));
    }

    @Test
    void somethingElseOnTheChannelIsRefused() {
        assertThatThrownBy(() -> codec.decode("{\"kind\":\"other\"}")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> codec.decode("not json")).isInstanceOf(RuntimeException.class);
    }
}
