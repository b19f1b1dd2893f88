package com.cruddur.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ListMessagesTest {

    private final UseCaseFixture app = new UseCaseFixture();
    private final Participant andrew = app.user("Andrew Brown");
    private final Participant bayko = app.user("Andrew Bayko");
    private final Participant londo = app.user("Londo Mollari");
    private final SentMessage conversation = app.start(andrew, bayko, "m0");
    private final MessageGroupId group = conversation.message().groupId();

    private Page<Message> list(Participant caller, MessageGroupId group, int limit, Optional<String> cursor) {
        return app.listMessages.list(new ListMessages.Query(caller, group, new PageQuery(limit, cursor))).block().page();
    }

    private void sendMore(int count) {
        for (int i = 1; i <= count; i++) {
            app.sendAndMove(i % 2 == 0 ? andrew : bayko, conversation, "m" + i);
        }
    }

    @Test
    void theNewestPageComesFirstEachPageOldestToNewest() {
        sendMore(4);

        Page<Message> newest = list(bayko, group, 3, Optional.empty());

        assertThat(newest.items()).extracting(Message::text).containsExactly("m2", "m3", "m4");
        assertThat(newest.next()).isPresent();
    }

    @Test
    void cursorsLeadToOlderMessagesWithoutLossOrRepetitionAndEndWithoutOne() {
        sendMore(6);
        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<Message> page = list(andrew, group, 3, cursor);
            List<String> texts = new ArrayList<>(page.items().stream().map(Message::text).toList());
            seen.addAll(0, texts);
            cursor = page.next();
            pages++;
        } while (cursor.isPresent());

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6");
    }

    @Test
    void someoneOutsideTheConversationGetsTheSameNotFoundAsForAnUnknownGroup() {
        MessageGroupId unknown = new MessageGroupId(UUID.randomUUID());

        StepVerifier.create(app.listMessages.list(new ListMessages.Query(londo, group, PageQuery.first())))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(NotFoundException.class)
                        .hasMessage("no conversation " + group + " for you"))
                .verify();
        StepVerifier.create(app.listMessages.list(new ListMessages.Query(londo, unknown, PageQuery.first())))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(NotFoundException.class)
                        .hasMessage("no conversation " + unknown + " for you"))
                .verify();
    }

    @Test
    void aCursorIssuedToSomeoneElseOrTamperedWithIsRefused() {
        sendMore(4);
        String cursor = list(andrew, group, 2, Optional.empty()).next().orElseThrow();
        String tampered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("AA") ? "BB" : "AA");

        StepVerifier.create(app.listMessages.list(new ListMessages.Query(bayko, group, new PageQuery(2, Optional.of(cursor)))))
                .expectError(InvalidCursorException.class)
                .verify();
        StepVerifier.create(app.listMessages.list(new ListMessages.Query(andrew, group, new PageQuery(2, Optional.of(tampered)))))
                .expectError(InvalidCursorException.class)
                .verify();
        StepVerifier.create(app.listMessages.list(new ListMessages.Query(andrew, group, new PageQuery(2, Optional.of("garbage")))))
                .expectError(InvalidCursorException.class)
                .verify();
    }

    @Test
    void aJustStartedConversationIsReadableWhileTheInboxLagsBehind() {
        Participant newcomer = app.user("New Comer");
        app.store.lagInbox();
        SentMessage started = app.start(newcomer, londo, "first ever");

        assertThat(list(londo, started.message().groupId(), 20, Optional.empty()).items())
                .containsExactly(started.message());
    }
}
