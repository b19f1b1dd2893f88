package com.cruddur.messaging.application.live;

import com.cruddur.messaging.application.UseCasePattern;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a reconnecting client missed after its last event, read back from the table with the reads of patterns B
 * and A: the conversations whose inbox row moved at or after that instant, then their messages from that instant
 * on. The events are those a live stream would have sent, in id order. Empty when the id is too old or more was
 * missed than a resume sends: the client then reloads its lists.
 */
public final class MissedEvents {

    private static final int PAGE = 50;

    private final MessageGroups groups;
    private final Messages messages;
    private final Clock clock;
    private final Duration window;
    private final int maxEvents;

    public MissedEvents(MessageGroups groups, Messages messages, Clock clock, Duration window, int maxEvents) {
        this.groups = groups;
        this.messages = messages;
        this.clock = clock;
        this.window = window;
        this.maxEvents = maxEvents;
    }

    /** The events after {@code last}, oldest first; empty when the client must reload instead. */
    public Mono<Optional<List<LiveEvent>>> since(UserId user, EventId last) {
        if (last.at().instant().isBefore(clock.instant().minus(window))) {
            return Mono.just(Optional.empty());
        }
        return changedConversations(user, last)
                .concatMap(entry -> missedIn(entry, last))
                .take(maxEvents + 1L)
                .collectList()
                .map(events -> events.size() > maxEvents ? Optional.<List<LiveEvent>>empty()
                        : Optional.of(events.stream().sorted(Comparator.comparing(LiveEvent::id)).toList()));
    }

    private Flux<InboxEntry> changedConversations(UserId user, EventId last) {
        return pages(after -> groups.inbox(user, PAGE, after), entry -> entry.lastMessage().at().compareTo(last.at()) >= 0)
                .contextWrite(UseCasePattern.B::declareIn);
    }

    private Flux<LiveEvent> missedIn(InboxEntry entry, EventId last) {
        return messages.newestFirst(entry.groupId(), PAGE, Optional.empty())
                .expand(page -> reachedBefore(page, last) || page.next().isEmpty() ? Mono.empty()
                        : messages.newestFirst(entry.groupId(), PAGE, page.next()))
                .collectList()
                .flatMapMany(pages -> Flux.fromIterable(eventsOf(entry, pages, last)))
                .contextWrite(UseCasePattern.A::declareIn);
    }

    private static List<LiveEvent> eventsOf(InboxEntry entry, List<Page<Message>> pages, EventId last) {
        List<LiveEvent> events = new ArrayList<>();
        Message oldest = null;
        for (Page<Message> page : pages) {
            for (Message message : page.items()) {
                oldest = message;
                LiveEvent event = new LiveEvent.NewMessage(entry.owner(), message);
                if (event.id().isAfter(last)) {
                    events.add(event);
                }
            }
        }
        // The conversation started after the last event when its very first message is among those read back.
        boolean startedSince = oldest != null && pages.get(pages.size() - 1).next().isEmpty()
                && oldest.createdAt().compareTo(last.at()) >= 0;
        if (startedSince) {
            LiveEvent started = new LiveEvent.NewConversation(entry, oldest);
            if (started.id().isAfter(last)) {
                events.add(started);
            }
        }
        return events;
    }

    private static boolean reachedBefore(Page<Message> page, EventId last) {
        return page.items().stream().anyMatch(message -> message.createdAt().compareTo(last.at()) < 0);
    }

    /** Newest-first pages of a listing, item by item, while {@code wanted} holds. */
    private static <T> Flux<T> pages(java.util.function.Function<Optional<String>, Mono<Page<T>>> read,
                                     java.util.function.Predicate<T> wanted) {
        return read.apply(Optional.empty())
                .expand(page -> page.next().isEmpty() || !page.items().stream().allMatch(wanted) ? Mono.empty()
                        : read.apply(page.next()))
                .concatMapIterable(Page::items)
                .takeWhile(wanted);
    }
}
