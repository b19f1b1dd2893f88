package com.cruddur.messaging.bootstrap.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessageGroups;
import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessages;
import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.fake.InMemoryUserDirectory;
import com.cruddur.messaging.application.port.Ids;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.UserId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** The demo conversations written into DynamoDB Local through the real adapters (a fresh table per test). */
class DemoConversationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant NOW = Instant.parse("2026-11-23T09:30:15.250Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryUserDirectory users = new InMemoryUserDirectory();
    private final Participant andrew = participant("Andrew Brown", "andrewbrown");
    private final Participant bayko = participant("Andrew Bayko", "bayko");
    private final Participant londo = participant("Londo Mollari", "londo");
    private String table;
    private MessageGroups groups;
    private Messages messages;

    @BeforeEach
    void freshTable() {
        table = DynamoDbLocalFixture.freshTable("demo");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        groups = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), table, registry);
        messages = new DynamoDbMessages(DynamoDbLocalFixture.client(), table, registry);
    }

    private static Participant participant(String name, String handle) {
        return new Participant(new UserId(UUID.randomUUID()), name, new Handle(handle));
    }

    private void addAllUsers() {
        users.add(andrew, null);
        users.add(bayko, null);
        users.add(londo, "some-subject");
    }

    private DemoConversation.Result seed() {
        return DemoConversation.seed(users, groups, messages, new MoveGroupsToNewestMessage(groups, messages), clock,
                Ids.random()).block(WAIT);
    }

    private List<Message> allMessages(MessageGroupId group) {
        List<Message> all = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            Page<Message> page = messages.newestFirst(group, 7, after).block(WAIT);
            all.addAll(page.items());
            after = page.next();
        } while (after.isPresent());
        return all;
    }

    private int itemCount() {
        return DynamoDbLocalFixture.client().scan(ScanRequest.builder().tableName(table).build()).join().count();
    }

    @Test
    void writesAtLeastTwentyMessagesBetweenAndrewAndBaykoAllInThePast() {
        addAllUsers();

        DemoConversation.Result result = seed();

        DemoConversation.Conversation first = result.conversations().get(0);
        assertThat(first.first()).isEqualTo(andrew.handle());
        assertThat(first.second()).isEqualTo(bayko.handle());
        assertThat(first.written()).isTrue();
        List<Message> written = allMessages(first.group());
        assertThat(written).hasSize(first.messages()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(written).extracting(Message::sender).containsOnly(andrew, bayko).contains(andrew, bayko);
        assertThat(written).allSatisfy(message -> {
            assertThat(message.createdAt().instant()).isBefore(NOW);
            assertThat(message.groupId()).isEqualTo(first.group());
        });
        assertThat(written).extracting(message -> message.createdAt()).doesNotHaveDuplicates();
        MessageGroup group = groups.find(first.group()).block(WAIT);
        assertThat(List.of(group.first(), group.second())).containsExactlyInAnyOrder(andrew, bayko);
        assertThat(result.conversations()).extracting(DemoConversation.Conversation::messages)
                .containsExactlyElementsOf(DemoConversation.messageCounts());
        assertThat(result.messagesWritten()).isEqualTo(itemCount() - 2 * 4);
    }

    @Test
    void bothInboxRowsOfEachConversationPointAtItsNewestMessage() {
        addAllUsers();

        DemoConversation.Result result = seed();

        for (DemoConversation.Conversation conversation : result.conversations()) {
            Message newest = allMessages(conversation.group()).stream()
                    .max(Comparator.comparing(Message::createdAt)).orElseThrow();
            MessageGroup group = groups.find(conversation.group()).block(WAIT);
            assertThat(group.lastMessage().at()).isEqualTo(newest.createdAt());
            assertThat(group.lastMessage().text()).isEqualTo(newest.text());
            for (Participant owner : List.of(group.first(), group.second())) {
                List<InboxEntry> inbox = groups.inbox(owner.id(), 10, Optional.empty()).block(WAIT).items();
                assertThat(inbox).filteredOn(entry -> entry.groupId().equals(conversation.group()))
                        .singleElement().satisfies(entry -> {
                            assertThat(entry.lastMessage().at()).isEqualTo(newest.createdAt());
                            assertThat(entry.lastMessage().text()).isEqualTo(newest.text());
                            assertThat(entry.other()).isEqualTo(owner.equals(group.first()) ? group.second()
                                    : group.first());
                        });
            }
        }
        List<InboxEntry> andrewsInbox = groups.inbox(andrew.id(), 10, Optional.empty()).block(WAIT).items();
        assertThat(andrewsInbox).extracting(entry -> entry.other().handle().value()).containsExactly("londo", "bayko");
    }

    @Test
    void seedingTwiceWritesNothingTheSecondTime() {
        addAllUsers();
        DemoConversation.Result first = seed();
        int items = itemCount();

        DemoConversation.Result second = DemoConversation.seed(users, groups, messages,
                new MoveGroupsToNewestMessage(groups, messages), Clock.offset(clock, Duration.ofHours(5)), Ids.random()).block(WAIT);

        assertThat(first.wroteAnything()).isTrue();
        assertThat(second.wroteAnything()).isFalse();
        assertThat(second.messagesWritten()).isZero();
        assertThat(second.conversations()).extracting(DemoConversation.Conversation::group)
                .containsExactlyElementsOf(first.conversations().stream()
                        .map(DemoConversation.Conversation::group).toList());
        assertThat(second.conversations()).allSatisfy(conversation -> {
            assertThat(conversation.written()).isFalse();
            assertThat(conversation.messages()).isZero();
        });
        assertThat(itemCount()).isEqualTo(items);
    }

    @Test
    void missingUsersAreNamedAndNothingIsWritten() {
        users.add(andrew, null);

        assertThatThrownBy(this::seed)
                .isInstanceOfSatisfying(DemoConversation.MissingUsersException.class, missing -> {
                    assertThat(missing.missing()).containsExactly(new Handle("bayko"), new Handle("londo"));
                    assertThat(missing.getMessage()).endsWith("users database: bayko, londo");
                });
        assertThat(itemCount()).isZero();
    }
}
