package com.cruddur.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.port.Ids;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.IdempotentRequest;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.UserId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A first message repeated with its idempotency key while the first request is still starting the conversation: the
 * repeat looked for the pair before the first start landed, found none, and starts too. The store then refuses the
 * repeat's start as a duplicate of the first request, and the repeat answers with the first request's message.
 */
class StartConversationReplayRaceTest {

    private final UseCaseFixture app = new UseCaseFixture();
    private final Participant andrew = app.user("Andrew Brown");
    private final Participant bayko = app.user("Andrew Bayko");

    @Test
    void aRepeatThatMissedTheFirstStartAnswersWithTheFirstMessage() {
        SentMessage first = app.startConversation.send(
                StartConversation.Command.of(andrew, bayko.handle().value(), "hello", "req-1")).block();
        app.clock.tick();
        StartConversation racing = new StartConversation(app.directory,
                new PairNotYetVisible(app.store.messageGroups()), app.store.blocks(), app.sendMessage, Ids.random(), app.clock);

        SentMessage repeat = racing.send(
                StartConversation.Command.of(andrew, bayko.handle().value(), "hello", "req-1")).block();

        assertThat(repeat.message()).isEqualTo(first.message());
        assertThat(app.store.storedInbox(andrew.id())).extracting(InboxEntry::groupId)
                .containsExactly(first.message().groupId());
        assertThat(app.store.messages().newestFirst(first.message().groupId(), 50, Optional.empty()).block().items())
                .containsExactly(first.message());
    }

    /** Message groups whose first look-up by pair comes before another request's start landed. */
    private static final class PairNotYetVisible implements MessageGroups {

        private final MessageGroups delegate;
        private final AtomicBoolean missed = new AtomicBoolean();

        PairNotYetVisible(MessageGroups delegate) {
            this.delegate = delegate;
        }

        @Override
        public Mono<MessageGroupId> findByPair(ParticipantPair pair) {
            return missed.compareAndSet(false, true) ? Mono.empty() : delegate.findByPair(pair);
        }

        @Override
        public Mono<MessageGroup> find(MessageGroupId id) {
            return delegate.find(id);
        }

        @Override
        public Mono<Void> start(MessageGroup.Conversation conversation, Optional<IdempotentRequest> request) {
            return delegate.start(conversation, request);
        }

        @Override
        public Mono<Void> update(MessageGroup current, MessageGroup next) {
            return delegate.update(current, next);
        }

        @Override
        public Mono<Page<InboxEntry>> inbox(UserId owner, int limit, Optional<String> after) {
            return delegate.inbox(owner, limit, after);
        }
    }
}
