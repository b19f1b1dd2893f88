package com.cruddur.messaging.application;

import com.cruddur.messaging.application.live.Announcements;
import com.cruddur.messaging.application.port.BlockedException;
import com.cruddur.messaging.application.port.Ids;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.domain.IdempotencyKey;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageText;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.RequestFingerprint;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Pattern C: a message into an existing conversation. Only a participant may post; to anyone else the conversation
 * does not exist. The sender is who the caller is, never what a request body says.
 *
 * <p>A sender whom the other participant has blocked is refused ({@link BlockedException}) before anything is
 * stored. The block is read with the membership, from the same conversation record: it costs no other read.
 */
public final class SendMessage {

    private final MessageGroups groups;
    private final Messages messages;
    private final Ids ids;
    private final Clock clock;
    private final IdempotencyWindow idempotencyWindow;
    private final Announcements announcements;

    public SendMessage(MessageGroups groups, Messages messages, Ids ids, Clock clock,
                       IdempotencyWindow idempotencyWindow) {
        this(groups, messages, ids, clock, idempotencyWindow, Announcements.NONE);
    }

    public SendMessage(MessageGroups groups, Messages messages, Ids ids, Clock clock,
                       IdempotencyWindow idempotencyWindow, Announcements announcements) {
        this.announcements = announcements;
        this.groups = groups;
        this.messages = messages;
        this.ids = ids;
        this.clock = clock;
        this.idempotencyWindow = idempotencyWindow;
    }

    public Mono<SentMessage> send(Command command) {
        return asParticipant(command).contextWrite(UseCasePattern.C::declareIn);
    }

    private Mono<SentMessage> asParticipant(Command command) {
        return groups.find(command.group())
                .filter(group -> group.hasParticipant(command.sender().id()))
                .switchIfEmpty(Mono.error(() -> NotFoundException.messageGroup(command.group())))
                .filter(member -> !member.blocksMessagesFrom(command.sender().id()))
                .switchIfEmpty(Mono.error(BlockedException::new))
                .flatMap(member -> appendTo(command.group(), command.sender(), command.text(), command.key(),
                        command.fingerprint(), member.first().id(), member.second().id()))
                .map(SentMessage::new);
    }

    /**
     * Stores a message in a conversation the sender is known to be in and announces it to both participants;
     * {@code fingerprint} is what the client's request asked for (a send to a handle lands here too, and keeps its
     * own fingerprint). A repeated request (its idempotency key used already) returns the message stored the first
     * time and announces nothing: that message was announced when it was stored.
     */
    Mono<Message> appendTo(MessageGroupId group, Participant sender, MessageText text, Optional<IdempotencyKey> key,
                           RequestFingerprint fingerprint, UserId first, UserId second) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Message composed = Message.compose(ids.newMessageId(), group, sender, text, Timestamp.of(now));
            return messages.append(composed, idempotencyWindow.requestFor(key, fingerprint, now))
                    .flatMap(stored -> stored.id().equals(composed.id())
                            ? announcements.message(stored, first, second).thenReturn(stored)
                            : Mono.just(stored));
        });
    }

    Announcements announcements() {
        return announcements;
    }

    IdempotencyWindow idempotencyWindow() {
        return idempotencyWindow;
    }

    public record Command(Participant sender, MessageGroupId group, MessageText text, Optional<IdempotencyKey> key) {

        public Command {
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(group, "message group");
            Objects.requireNonNull(text, "text");
            key = key == null ? Optional.empty() : key;
        }

        /** What this request asks for, to tell its repetition from another request under the same key. */
        public RequestFingerprint fingerprint() {
            return RequestFingerprint.ofGroupSend(group, text);
        }

        /** Builds the command from a client's raw values, reporting every broken rule at once. */
        public static Command of(Participant sender, String group, String text, String idempotencyKey) {
            var collector = new InvalidCommandException.Collector();
            MessageGroupId groupId = collector.attempt(() -> MessageGroupId.of(group));
            MessageText messageText = collector.attempt(() -> new MessageText(text));
            Optional<IdempotencyKey> key = collector.attempt(() -> optionalKey(idempotencyKey));
            collector.check();
            return new Command(sender, groupId, messageText, key);
        }
    }

    static Optional<IdempotencyKey> optionalKey(String idempotencyKey) {
        return idempotencyKey == null ? Optional.empty() : Optional.of(new IdempotencyKey(idempotencyKey));
    }
}
