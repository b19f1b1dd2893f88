package com.cruddur.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.Participant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ListMessageGroupsTest {

    private final UseCaseFixture app = new UseCaseFixture();
    private final Participant andrew = app.user("Andrew Brown");
    private final Participant bayko = app.user("Andrew Bayko");
    private final Participant londo = app.user("Londo Mollari");

    private Page<InboxEntry> list(Participant caller, int limit, Optional<String> cursor) {
        return app.listMessageGroups.list(new ListMessageGroups.Query(caller, new PageQuery(limit, cursor))).block();
    }

    @Test
    void theConversationWithTheMostRecentMessageComesFirst() {
        SentMessage withBayko = app.start(andrew, bayko, "to bayko");
        SentMessage withLondo = app.start(londo, andrew, "from londo");
        app.sendAndMove(bayko, withBayko, "bayko again");

        assertThat(list(andrew, 20, Optional.empty()).items())
                .extracting(entry -> entry.other().handle(), entry -> entry.lastMessage().text())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(bayko.handle(), "bayko again"),
                        org.assertj.core.groups.Tuple.tuple(londo.handle(), "from londo"));
    }

    @Test
    void pagesFollowTheCursorToOlderConversations() {
        for (int i = 0; i < 5; i++) {
            app.start(app.user("Friend " + i), andrew, "hello " + i);
        }

        Page<InboxEntry> first = list(andrew, 2, Optional.empty());
        Page<InboxEntry> second = list(andrew, 2, first.next());
        Page<InboxEntry> third = list(andrew, 2, second.next());

        assertThat(first.items()).extracting(e -> e.lastMessage().text()).containsExactly("hello 4", "hello 3");
        assertThat(second.items()).extracting(e -> e.lastMessage().text()).containsExactly("hello 2", "hello 1");
        assertThat(third.items()).extracting(e -> e.lastMessage().text()).containsExactly("hello 0");
        assertThat(third.next()).isEmpty();
    }

    @Test
    void anotherUsersCursorIsRefused() {
        for (int i = 0; i < 3; i++) {
            app.start(app.user("Friend " + i), andrew, "hello " + i);
        }
        Optional<String> andrewsCursor = list(andrew, 1, Optional.empty()).next();

        StepVerifier.create(app.listMessageGroups.list(
                        new ListMessageGroups.Query(bayko, new PageQuery(1, andrewsCursor))))
                .expectError(InvalidCursorException.class)
                .verify();
    }

    @Test
    void someoneWithoutConversationsHasAnEmptyInbox() {
        Page<InboxEntry> page = list(londo, 20, Optional.empty());

        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isEmpty();
    }
}
