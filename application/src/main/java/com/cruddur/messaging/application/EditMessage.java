package com.cruddur.messaging.application;

import com.cruddur.messaging.application.live.Announcements;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.domain.EditWindow;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.MessageText;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * A sender changes the text of their message while the edit window is open; it then carries when it was edited.
 * The message is looked up by its uuid among the conversation's messages of the window (newest first), so an edit
 * reads only what was sent within the window; one not found there is looked for in the whole conversation, to
 * tell a message past the window (403 {@code edit_window_passed}) from an unknown one (404).
 */
public final class EditMessage {

    private final MessageChanges changes;
    private final Messages messages;
    private final Clock clock;
    private final EditWindow window;

    public EditMessage(MessageGroups groups, Messages messages, Clock clock, EditWindow window) {
        this(groups, messages, clock, window, Announcements.NONE);
    }

    public EditMessage(MessageGroups groups, Messages messages, Clock clock, EditWindow window,
                       Announcements announcements) {
        this.changes = new MessageChanges(groups, messages, announcements);
        this.messages = messages;
        this.clock = clock;
        this.window = window;
    }

    /** The message as edited. */
    public Mono<Message> edit(Command command) {
        return Mono.defer(() -> {
            Timestamp now = Timestamp.of(clock.instant());
            return changes.change(command.editor(), command.group(), command.message(), now,
                    group -> messages.findById(group, command.message(), Optional.of(window.opensAt(now)))
                            .switchIfEmpty(Mono.defer(() -> messages.findById(group, command.message(),
                                    Optional.empty()))),
                    stored -> Optional.of(stored.editedBy(command.editor().id(), command.text(), now, window)));
        });
    }

    public record Command(Participant editor, MessageGroupId group, MessageId message, MessageText text) {

        public Command {
            Objects.requireNonNull(editor, "editor");
            Objects.requireNonNull(group, "message group");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(text, "text");
        }

        /** Builds the command from a client's raw values, reporting every broken rule at once. */
        public static Command of(Participant editor, String group, String messageUuid, String text) {
            var collector = new InvalidCommandException.Collector();
            MessageGroupId groupId = collector.attempt(() -> MessageGroupId.of(group));
            MessageId message = collector.attempt(() -> MessageId.of(messageUuid));
            MessageText newText = collector.attempt(() -> new MessageText(text));
            collector.check();
            return new Command(editor, groupId, message, newText);
        }
    }
}
