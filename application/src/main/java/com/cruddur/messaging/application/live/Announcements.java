package com.cruddur.messaging.application.live;

import com.cruddur.messaging.application.port.LiveEvents;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.ReadPosition;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells the participants' streams what a successful send stored or an edit or delete changed, and a reader's
 * streams that their read marker moved. It never fails a send or a read: the change is stored already, and a stream that missed a message reads it
 * back from the table when its client reconnects (a missed read shows in the next listing of the inbox).
 */
public final class Announcements {

    private static final Logger log = LoggerFactory.getLogger(Announcements.class);

    /** A send announces nothing. */
    public static final Announcements NONE = new Announcements(null, Duration.ZERO);

    private final LiveEvents events;
    private final Duration timeout;

    public Announcements(LiveEvents events, Duration timeout) {
        this.events = events;
        this.timeout = timeout;
    }

    /** A new message, to both participants (the sender's other devices too). */
    public Mono<Void> message(Message message, UserId first, UserId second) {
        return announce(List.of(new LiveEvent.NewMessage(first, message), new LiveEvent.NewMessage(second, message)));
    }

    /** A new conversation: each participant's new inbox row, then its first message. */
    public Mono<Void> conversation(MessageGroup.Conversation started) {
        var rows = started.group().inboxEntries().stream()
                .<LiveEvent>map(entry -> new LiveEvent.NewConversation(entry, started.firstMessage()));
        var firstMessage = started.group().inboxEntries().stream()
                .<LiveEvent>map(entry -> new LiveEvent.NewMessage(entry.owner(), started.firstMessage()));
        return announce(java.util.stream.Stream.concat(rows, firstMessage).toList());
    }

    /** A message was edited or deleted at {@code at}: both participants' streams get it as it is now. */
    public Mono<Void> changed(Message message, Timestamp at, UserId first, UserId second) {
        return announce(List.of(new LiveEvent.MessageChanged(first, message, at),
                new LiveEvent.MessageChanged(second, message, at)));
    }

    /** A read marker moved: the reader's own streams get their row with its new unread count. */
    public Mono<Void> read(InboxEntry row, ReadPosition position) {
        return announce(List.of(new LiveEvent.InboxRowChanged(row, position)));
    }

    private Mono<Void> announce(List<LiveEvent> announced) {
        if (events == null) {
            return Mono.empty();
        }
        return Flux.fromIterable(announced)
                .concatMap(events::publish)
                .then()
                .timeout(timeout)
                .onErrorResume(failure -> {
                    log.warn("live events not delivered ({}); streams read them back when they reconnect",
                            failure.toString());
                    return Mono.empty();
                });
    }
}
