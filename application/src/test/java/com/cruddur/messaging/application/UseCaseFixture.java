package com.cruddur.messaging.application;

import com.cruddur.messaging.application.contract.ContractFixtures;
import com.cruddur.messaging.application.fake.InMemoryMessageStore;
import com.cruddur.messaging.application.fake.InMemoryUserDirectory;
import com.cruddur.messaging.application.port.Ids;
import com.cruddur.messaging.domain.EditWindow;
import com.cruddur.messaging.domain.Participant;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Every use case wired over the in-memory fakes, with a clock the test moves. */
final class UseCaseFixture {

    final InMemoryMessageStore store = new InMemoryMessageStore();
    final InMemoryUserDirectory directory = new InMemoryUserDirectory();
    final MutableClock clock = new MutableClock(ContractFixtures.BASE);
    final Cursors cursors = Cursors.withRandomKey();

    final SendMessage sendMessage = new SendMessage(store.messageGroups(), store.messages(), Ids.random(), clock,
            IdempotencyWindow.defaults());
    final StartConversation startConversation =
            new StartConversation(directory, store.messageGroups(), store.blocks(), sendMessage, Ids.random(), clock);
    final ListMessages listMessages = new ListMessages(store.messageGroups(), store.messages(), cursors);
    final ListMessageGroups listMessageGroups = new ListMessageGroups(store.messageGroups(), cursors);
    final MoveGroupsToNewestMessage moveGroups = new MoveGroupsToNewestMessage(store.messageGroups(), store.messages());
    final MarkConversationRead markRead = new MarkConversationRead(store.messageGroups(), store.messages());
    final BlockUser blockUser = new BlockUser(directory, store.messageGroups(), store.blocks(), clock);
    final UnblockUser unblockUser = new UnblockUser(directory, store.messageGroups(), store.blocks());
    final ListBlocks listBlocks = new ListBlocks(store.blocks(), cursors);
    final EditMessage editMessage = new EditMessage(store.messageGroups(), store.messages(), clock,
            new EditWindow(EditWindow.DEFAULT));
    final DeleteMessage deleteMessage = new DeleteMessage(store.messageGroups(), store.messages(), clock);

    Participant user(String displayName) {
        Participant participant = ContractFixtures.participant(displayName);
        directory.add(participant, UUID.randomUUID().toString());
        return participant;
    }

    /** D then E, as production runs them: the send, then the stream handler's move. */
    SentMessage start(Participant sender, Participant recipient, String text) {
        SentMessage sent = startConversation.send(
                StartConversation.Command.of(sender, recipient.handle().value(), text, null)).block();
        clock.tick();
        return sent;
    }

    /** C then E. */
    SentMessage sendAndMove(Participant sender, SentMessage into, String text) {
        SentMessage sent = sendMessage.send(
                SendMessage.Command.of(sender, into.message().groupId().toString(), text, null)).block();
        moveGroups.apply(java.util.List.of(sent.message())).block();
        clock.tick();
        return sent;
    }

    /** A clock that only moves when told, a second at a time. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void tick() {
            now = now.plusSeconds(1);
        }

        void advance(java.time.Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
