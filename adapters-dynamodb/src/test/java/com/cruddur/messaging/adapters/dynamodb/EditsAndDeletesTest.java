package com.cruddur.messaging.adapters.dynamodb;

import static com.cruddur.messaging.adapters.dynamodb.TestData.conversation;
import static com.cruddur.messaging.adapters.dynamodb.TestData.partition;
import static com.cruddur.messaging.adapters.dynamodb.TestData.person;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.application.DeleteMessage;
import com.cruddur.messaging.application.EditMessage;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.domain.EditWindow;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.MessageText;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Edits and deletes on DynamoDB Local: the items they leave, the inbox rows, and their races with pattern E. */
class EditsAndDeletesTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String TABLE = DynamoDbLocalFixture.freshTable("edits");
    private static final ConsumedCapacityRecorder RECORDER = new ConsumedCapacityRecorder(new SimpleMeterRegistry());

    private final DynamoDbMessageGroups groups =
            new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), TABLE, RECORDER, 100);
    private final DynamoDbMessages messages =
            new DynamoDbMessages(DynamoDbLocalFixture.client(), TABLE, RECORDER, 3);
    private final MoveGroupsToNewestMessage move = new MoveGroupsToNewestMessage(groups, messages);
    private final EditMessage edits = new EditMessage(groups, messages, Clock.systemUTC(),
            new EditWindow(EditWindow.DEFAULT));
    private final DeleteMessage deletes = new DeleteMessage(groups, messages, Clock.systemUTC());

    private final Participant andrew = person("Andrew Brown");
    private final Participant bayko = person("Andrew Bayko");

    private static Timestamp now() {
        return Timestamp.of(Instant.now());
    }

    private MessageGroup.Conversation started(String text) {
        MessageGroup.Conversation started = conversation(andrew, bayko, text, now());
        groups.start(started, Optional.empty()).block(WAIT);
        return started;
    }

    private Message send(MessageGroupId group, Participant sender, String text) {
        return messages.append(Message.compose(new MessageId(UUID.randomUUID()), group, sender, new MessageText(text),
                now()), Optional.empty()).block(WAIT);
    }

    private Message edit(Participant editor, Message message, String text) {
        return edits.edit(new EditMessage.Command(editor, message.groupId(), message.id(), new MessageText(text)))
                .block(WAIT);
    }

    private Map<String, AttributeValue> storedRow(Participant owner) {
        List<Map<String, AttributeValue>> rows = partition(TABLE, "GRP#" + owner.id());
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void editingTheLastMessageChangesItsItemAndBothInboxRows() {
        Message first = started("helo").firstMessage();

        Message edited = edit(andrew, first, "hello");

        Map<String, AttributeValue> item = partition(TABLE, "MSG#" + first.groupId()).get(0);
        assertThat(item.get("message").s()).isEqualTo("hello");
        assertThat(item.get("edited_at").s()).isEqualTo(edited.editedAt().orElseThrow().format());
        assertThat(item).doesNotContainKey("deleted");
        for (Participant owner : List.of(andrew, bayko)) {
            assertThat(storedRow(owner).get("message").s()).isEqualTo("hello");
            assertThat(storedRow(owner).get("sk").s()).isEqualTo(first.createdAt().format());
        }
        assertThat(groups.find(first.groupId()).block(WAIT).lastMessage())
                .isEqualTo(new LastMessage(first.createdAt(), "hello"));
    }

    @Test
    void aTombstoneKeepsItsPlaceWithoutItsTextAndAnOlderMessagesChangeLeavesTheRowsAlone() {
        Message first = started("first").firstMessage();
        Message oops = send(first.groupId(), andrew, "oops");
        Message last = send(first.groupId(), bayko, "last");
        move.apply(List.of(oops, last)).block(WAIT);

        Message tombstone = deletes.delete(new DeleteMessage.Command(andrew, first.groupId(), oops.id())).block(WAIT);

        List<Map<String, AttributeValue>> items = partition(TABLE, "MSG#" + first.groupId());
        assertThat(items).hasSize(3);
        assertThat(items.get(1).get("message").s()).isEmpty();
        assertThat(items.get(1).get("deleted").bool()).isTrue();
        assertThat(messages.newestFirst(first.groupId(), 10, Optional.empty()).block(WAIT).items())
                .containsExactly(last, tombstone, first);
        assertThat(storedRow(andrew).get("message").s()).isEqualTo("last");
        assertThat(storedRow(bayko).get("message").s()).isEqualTo("last");
    }

    @Test
    void editsRacingNewMessagesAndTheirMovesLeaveBothRowsShowingTheNewestMessageAsStored() {
        MessageGroup.Conversation started = started("0");
        MessageGroupId group = started.group().id();
        List<Message> sent = Flux.range(1, 6).concatMap(i -> Mono.fromCallable(() -> send(group, bayko, "m" + i))
                .subscribeOn(Schedulers.boundedElastic())).collectList().block(WAIT);

        // Every message is edited twice by its sender while pattern E moves the rows through them, batch by batch.
        Flux<Object> editing = Flux.fromIterable(sent)
                .flatMap(message -> Flux.range(1, 2).concatMap(n -> edits.edit(new EditMessage.Command(bayko, group,
                        message.id(), new MessageText(message.text() + " edit " + n)))), 6)
                .cast(Object.class);
        Flux<Object> moving = Flux.fromIterable(sent)
                .concatMap(message -> move.apply(List.of(message)))
                .cast(Object.class);
        Flux.merge(editing.subscribeOn(Schedulers.boundedElastic()), moving.subscribeOn(Schedulers.boundedElastic()))
                .then().block(WAIT);

        Message newest = messages.newestFirst(group, 1, Optional.empty()).block(WAIT).items().get(0);
        assertThat(newest.text()).isEqualTo("m6 edit 2");
        for (Participant owner : List.of(andrew, bayko)) {
            assertThat(storedRow(owner).get("sk").s()).isEqualTo(newest.createdAt().format());
            assertThat(storedRow(owner).get("message").s()).isEqualTo("m6 edit 2");
        }
        assertThat(groups.find(group).block(WAIT).lastMessage()).isEqualTo(LastMessage.of(newest));
        assertThat(Integer.parseInt(storedRow(andrew).get("unread_count").n())).isEqualTo(6);
    }

    @Test
    void aDeleteRacingAnEditOfTheLastMessageLeavesTheTombstoneInBothRows() {
        Message first = started("x").firstMessage();
        Message last = send(first.groupId(), andrew, "soon gone");
        move.apply(List.of(last)).block(WAIT);

        Flux.merge(
                        edits.edit(new EditMessage.Command(andrew, first.groupId(), last.id(), new MessageText("edited")))
                                .onErrorResume(com.cruddur.messaging.domain.MessageChangeRefused.class,
                                        deletedFirst -> Mono.empty())
                                .subscribeOn(Schedulers.boundedElastic()),
                        deletes.delete(new DeleteMessage.Command(andrew, first.groupId(), last.id()))
                                .subscribeOn(Schedulers.boundedElastic()))
                .then().block(WAIT);

        for (Participant owner : List.of(andrew, bayko)) {
            assertThat(storedRow(owner).get("message").s()).isEmpty();
        }
        assertThat(messages.findById(first.groupId(), last.id(), Optional.empty()).block(WAIT).deleted()).isTrue();
    }
}
