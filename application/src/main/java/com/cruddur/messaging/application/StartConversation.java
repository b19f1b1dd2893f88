package com.cruddur.messaging.application;

import com.cruddur.messaging.application.port.BlockedException;
import com.cruddur.messaging.application.port.Blocks;
import com.cruddur.messaging.application.port.ConversationAlreadyExistsException;
import com.cruddur.messaging.application.port.DuplicateRequestException;
import com.cruddur.messaging.application.port.Ids;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.DomainViolation;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.IdempotencyKey;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageText;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.RequestFingerprint;
import com.cruddur.messaging.domain.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Pattern D: a message to a handle. Two people have one conversation: when they have one already, the message
 * goes there; otherwise the conversation and its first message are stored together. Two simultaneous first
 * messages between the same two people still end in one conversation.
 *
 * <p>A sender whom the recipient has blocked is refused ({@link BlockedException}) with nothing stored: the block
 * is read (one strongly consistent GetItem) alongside the pair's conversation, and a new conversation's atomic
 * start checks it again, so a block made meanwhile is never passed.
 */
public final class StartConversation {

    private final UserDirectory directory;
    private final MessageGroups groups;
    private final Blocks blocks;
    private final SendMessage sendMessage;
    private final Ids ids;
    private final Clock clock;

    public StartConversation(UserDirectory directory, MessageGroups groups, Blocks blocks, SendMessage sendMessage,
                             Ids ids, Clock clock) {
        this.directory = directory;
        this.groups = groups;
        this.blocks = blocks;
        this.sendMessage = sendMessage;
        this.ids = ids;
        this.clock = clock;
    }

    public Mono<SentMessage> send(Command command) {
        return directory.findByHandle(command.recipient())
                .switchIfEmpty(Mono.error(() -> NotFoundException.handle(command.recipient())))
                .flatMap(recipient -> sendTo(command, recipient))
                .contextWrite(UseCasePattern.D::declareIn);
    }

    private Mono<SentMessage> sendTo(Command command, Participant recipient) {
        if (recipient.id().equals(command.sender().id())) {
            return Mono.error(new InvalidCommandException(List.of(
                    new DomainViolation("message_self", "you cannot start a conversation with yourself"))));
        }
        ParticipantPair pair = ParticipantPair.of(command.sender().id(), recipient.id());
        Mono<Boolean> blocked = blocks.find(recipient.id(), command.sender().id()).hasElement();
        Mono<Optional<MessageGroupId>> conversation = groups.findByPair(pair).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(blocked, conversation)
                .flatMap(both -> both.getT1()
                        ? Mono.<MessageGroupId>error(new BlockedException()) : Mono.justOrEmpty(both.getT2()))
                .flatMap(group -> sendInto(group, command, recipient))
                .switchIfEmpty(Mono.defer(() -> startNew(command, recipient)))
                .onErrorResume(ConversationAlreadyExistsException.class, lostRace -> groups.findByPair(pair)
                        .switchIfEmpty(Mono.error(lostRace))
                        .flatMap(existing -> sendInto(existing, command, recipient)));
    }

    private Mono<SentMessage> sendInto(MessageGroupId existing, Command command, Participant recipient) {
        return sendMessage.appendTo(existing, command.sender(), command.text(), command.key(), command.fingerprint(),
                        command.sender().id(), recipient.id())
                .map(SentMessage::new);
    }

    private Mono<SentMessage> startNew(Command command, Participant recipient) {
        Instant now = clock.instant();
        MessageGroup.Conversation conversation = MessageGroup.start(ids.newMessageGroupId(), ids.newMessageId(),
                command.sender(), recipient, command.text(), Timestamp.of(now));
        return groups.start(conversation,
                        sendMessage.idempotencyWindow().requestFor(command.key(), command.fingerprint(), now))
                .then(Mono.defer(() -> sendMessage.announcements().conversation(conversation)))
                .thenReturn(new SentMessage(conversation.firstMessage()))
                .onErrorResume(DuplicateRequestException.class,
                        repeat -> Mono.just(new SentMessage(repeat.original())));
    }

    public record Command(Participant sender, Handle recipient, MessageText text, Optional<IdempotencyKey> key) {

        public Command {
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(text, "text");
            key = key == null ? Optional.empty() : key;
        }

        /** What this request asks for, to tell its repetition from another request under the same key. */
        public RequestFingerprint fingerprint() {
            return RequestFingerprint.ofHandleSend(recipient, text);
        }

        /** Builds the command from a client's raw values, reporting every broken rule at once. */
        public static Command of(Participant sender, String handle, String text, String idempotencyKey) {
            var collector = new InvalidCommandException.Collector();
            Handle recipient = collector.attempt(() -> new Handle(handle == null ? null : stripAt(handle)));
            MessageText messageText = collector.attempt(() -> new MessageText(text));
            Optional<IdempotencyKey> key = collector.attempt(() -> SendMessage.optionalKey(idempotencyKey));
            collector.check();
            return new Command(sender, recipient, messageText, key);
        }

        private static String stripAt(String handle) {
            return handle.startsWith("@") ? handle.substring(1) : handle;
        }
    }
}
