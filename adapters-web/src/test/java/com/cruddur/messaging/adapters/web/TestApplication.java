package com.cruddur.messaging.adapters.web;

import com.cruddur.messaging.application.BlockUser;
import com.cruddur.messaging.application.Cursors;
import com.cruddur.messaging.application.ListBlocks;
import com.cruddur.messaging.application.UnblockUser;
import com.cruddur.messaging.application.live.InProcessLiveEvents;
import com.cruddur.messaging.application.live.MissedEvents;
import com.cruddur.messaging.application.DeleteMessage;
import com.cruddur.messaging.application.EditMessage;
import com.cruddur.messaging.application.IdempotencyWindow;
import com.cruddur.messaging.application.live.Announcements;
import com.cruddur.messaging.domain.EditWindow;
import com.cruddur.messaging.application.IdentifyCaller;
import com.cruddur.messaging.application.ListMessageGroups;
import com.cruddur.messaging.application.ListMessages;
import com.cruddur.messaging.application.MarkConversationRead;
import com.cruddur.messaging.application.SendMessage;
import com.cruddur.messaging.application.ListUsers;
import com.cruddur.messaging.application.ShowUser;
import com.cruddur.messaging.application.StartConversation;
import com.cruddur.messaging.application.fake.InMemoryMessageStore;
import com.cruddur.messaging.application.fake.InMemoryUserDirectory;
import com.cruddur.messaging.application.port.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The web adapter over the in-memory fakes, as bootstrap wires it over the real stores. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WebConfiguration.class)
class TestApplication {

    @Bean
    InMemoryMessageStore messageStore() {
        return new InMemoryMessageStore();
    }

    @Bean
    InMemoryUserDirectory userDirectory() {
        return new InMemoryUserDirectory();
    }

    @Bean
    TickingClock clock() {
        return new TickingClock(Instant.parse("2026-03-14T15:09:26.535897Z"));
    }

    @Bean
    SendMessage sendMessage(InMemoryMessageStore store, TickingClock clock) {
        return new SendMessage(store.messageGroups(), store.messages(), Ids.random(), clock,
                IdempotencyWindow.defaults());
    }

    @Bean
    StartConversation startConversation(InMemoryUserDirectory directory, InMemoryMessageStore store,
                                        SendMessage sendMessage, TickingClock clock) {
        return new StartConversation(directory, store.messageGroups(), store.blocks(), sendMessage, Ids.random(), clock);
    }

    @Bean
    BlockUser blockUser(InMemoryUserDirectory directory, InMemoryMessageStore store, TickingClock clock) {
        return new BlockUser(directory, store.messageGroups(), store.blocks(), clock);
    }

    @Bean
    UnblockUser unblockUser(InMemoryUserDirectory directory, InMemoryMessageStore store) {
        return new UnblockUser(directory, store.messageGroups(), store.blocks());
    }

    @Bean
    ListBlocks listBlocks(InMemoryMessageStore store, Cursors cursors) {
        return new ListBlocks(store.blocks(), cursors);
    }

    @Bean
    MarkConversationRead markConversationRead(InMemoryMessageStore store) {
        return new MarkConversationRead(store.messageGroups(), store.messages());
    }

    /** Edits and deletes are announced, so the event stream tests see them. */
    @Bean
    EditMessage editMessage(InMemoryMessageStore store, TickingClock clock, InProcessLiveEvents liveEvents) {
        return new EditMessage(store.messageGroups(), store.messages(), clock, new EditWindow(EditWindow.DEFAULT),
                new Announcements(liveEvents, java.time.Duration.ofSeconds(5)));
    }

    @Bean
    DeleteMessage deleteMessage(InMemoryMessageStore store, TickingClock clock, InProcessLiveEvents liveEvents) {
        return new DeleteMessage(store.messageGroups(), store.messages(), clock,
                new Announcements(liveEvents, java.time.Duration.ofSeconds(5)));
    }

    @Bean
    ListMessages listMessages(InMemoryMessageStore store, Cursors cursors) {
        return new ListMessages(store.messageGroups(), store.messages(), cursors);
    }

    @Bean
    ListMessageGroups listMessageGroups(InMemoryMessageStore store, Cursors cursors) {
        return new ListMessageGroups(store.messageGroups(), cursors);
    }

    @Bean
    InProcessLiveEvents liveEvents() {
        return new InProcessLiveEvents();
    }

    @Bean
    MissedEvents missedEvents(InMemoryMessageStore store, TickingClock clock) {
        return new MissedEvents(store.messageGroups(), store.messages(), clock, java.time.Duration.ofDays(1), 500);
    }

    @Bean
    Cursors cursors() {
        return Cursors.withRandomKey();
    }

    @Bean
    IdentifyCaller identifyCaller(InMemoryUserDirectory directory) {
        return new IdentifyCaller(directory);
    }

    @Bean
    ShowUser showUser(InMemoryUserDirectory directory) {
        return new ShowUser(directory);
    }

    @Bean
    ListUsers listUsers(InMemoryUserDirectory directory) {
        return new ListUsers(directory);
    }

    /** Every reading moves one second on, so every message has its own, predictable time. */
    static final class TickingClock extends Clock {

        private Instant now;

        TickingClock(Instant start) {
            this.now = start;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }

        /** Moves the clock on at once, as if {@code duration} had passed. */
        synchronized void advance(java.time.Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
