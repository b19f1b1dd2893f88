package com.cruddur.messaging.adapters.dynamodb;

import static com.cruddur.messaging.adapters.dynamodb.TestData.at;
import static com.cruddur.messaging.adapters.dynamodb.TestData.conversation;
import static com.cruddur.messaging.adapters.dynamodb.TestData.item;
import static com.cruddur.messaging.adapters.dynamodb.TestData.message;
import static com.cruddur.messaging.adapters.dynamodb.TestData.partition;
import static com.cruddur.messaging.adapters.dynamodb.TestData.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage.GroupMove;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage.Outcome;
import com.cruddur.messaging.application.RenameUser;
import com.cruddur.messaging.application.RenameUser.Progress;
import com.cruddur.messaging.application.StoreUnavailableException;
import com.cruddur.messaging.application.fake.InMemoryUserDirectory;
import com.cruddur.messaging.application.fake.InterruptedWrites;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Renaming a user on DynamoDB Local: every row that shows them, the conversation records, the cost, the races. */
class RenameUserTest {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final String TABLE = DynamoDbLocalFixture.freshTable("rename");

    private final ConsumedCapacityRecorder recorder = new ConsumedCapacityRecorder(new SimpleMeterRegistry());
    /** Pages of 7 items per Query, so the walk crosses DynamoDB's page boundaries inside the use case's pages too. */
    private final DynamoDbMessageGroups groups =
            new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), TABLE, recorder, 7);
    private final DynamoDbMessages messages = new DynamoDbMessages(DynamoDbLocalFixture.client(), TABLE, recorder, 7);
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();
    private final Participant renamed = directory.add(person("Talia"), null);
    private final Participant after = new Participant(renamed.id(), "Talia Winters", new Handle("winters-"
            + renamed.handle()));

    private record Started(Participant other, MessageGroup group) {
    }

    /** {@code count} conversations of the renamed user, every other one started by them. */
    private List<Started> conversations(int count) {
        return Flux.range(0, count)
                .flatMapSequential(i -> {
                    Participant other = directory.add(person("Other " + i), null);
                    MessageGroup.Conversation started = i % 2 == 0 ? conversation(renamed, other, "hello " + i, at(i))
                            : conversation(other, renamed, "hello " + i, at(i));
                    return groups.start(started, Optional.empty()).thenReturn(new Started(other, started.group()));
                }, 8)
                .collectList()
                .block(WAIT);
    }

    /** The other participants' inbox rows, as stored. */
    private List<Map<String, AttributeValue>> rowsShowingTheRenamed(List<Started> started) {
        return started.stream()
                .flatMap(each -> partition(TABLE, GroupRowItem.pk(each.other().id())).stream())
                .toList();
    }

    private static boolean shows(Map<String, AttributeValue> item, String prefix, Participant who) {
        return item.get(prefix + Attr.USER_UUID).s().equals(who.id().toString())
                && item.get(prefix + Attr.USER_DISPLAY_NAME).s().equals(who.displayName())
                && item.get(prefix + Attr.USER_HANDLE).s().equals(who.handle().value());
    }

    private long showingTheNewName(List<Started> started) {
        return rowsShowingTheRenamed(started).stream().filter(row -> shows(row, "", after)).count();
    }

    private RenameUser renameUser(com.cruddur.messaging.application.port.MessageGroups over) {
        return new RenameUser(directory, over, Clock.systemUTC());
    }

    private double units(String operation) {
        return recorder.total(operation, AccessPattern.N, TABLE);
    }

    @Test
    void aUserWith300ConversationsIsShownWithTheNewNameOnAllTheirRowsAndRecords() {
        List<Started> started = conversations(300);

        RenameUser.Renamed done = renameUser(groups).rename(new RenameUser.Command(renamed.handle(),
                Optional.of(after.displayName()), Optional.of(after.handle()))).block(WAIT);

        assertThat(done.after()).isEqualTo(after);
        assertThat(done.shown().changed()).isEqualTo(300);
        List<Map<String, AttributeValue>> rows = rowsShowingTheRenamed(started);
        assertThat(rows).hasSize(300).allSatisfy(row -> assertThat(shows(row, "", after)).as("%s", row).isTrue());
        for (Started each : started) {
            Map<String, AttributeValue> record = item(TABLE, Attr.CONVERSATION_PREFIX + each.group().id(),
                    ConversationItem.SK);
            String prefix = each.group().first().id().equals(renamed.id()) ? Attr.FIRST : Attr.SECOND;
            assertThat(shows(record, prefix, after)).as("%s", record).isTrue();
            // Messages keep the name they were sent with.
            List<Map<String, AttributeValue>> sent = partition(TABLE, MessageItem.pk(each.group().id()));
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).get(Attr.USER_DISPLAY_NAME).s()).isIn(renamed.displayName(),
                    each.other().displayName());
        }
        assertThat(partition(TABLE, GroupRowItem.pk(renamed.id()))).hasSize(300)
                .allSatisfy(row -> assertThat(row.get(Attr.USER_UUID).s()).isNotEqualTo(renamed.id().toString()));
        // The capacity consumed, billed to N: a consistent read of each conversation record, one transaction each
        // (the record and two rows, doubled as every transaction is), and the inbox pages.
        assertThat(units("GetItem")).isEqualTo(300.0);
        assertThat(units("TransactWriteItems")).isGreaterThanOrEqualTo(300 * 6.0);
        assertThat(units("Query")).isPositive();
    }

    @Test
    void aRunInterruptedAfterAHundredWritesIsFinishedByTheSecondRunWhichPaysOnlyForTheRest() {
        List<Started> started = conversations(300);
        InterruptedWrites failing = new InterruptedWrites(groups).failAfter(100);

        assertThatThrownBy(() -> renameUser(failing).showEverywhere(after).blockLast(WAIT))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(showingTheNewName(started)).isEqualTo(100);
        double firstWrites = units("TransactWriteItems");

        Progress second = renameUser(groups).showEverywhere(after).reduce(Progress::plus).block(WAIT);

        assertThat(second.changed()).isEqualTo(200);
        assertThat(showingTheNewName(started)).isEqualTo(300);
        assertThat(units("TransactWriteItems") - firstWrites).isEqualTo(firstWrites * 2);

        Progress third = renameUser(groups).showEverywhere(after).reduce(Progress::plus).block(WAIT);

        assertThat(third.changed()).isZero();
        assertThat(units("TransactWriteItems")).isEqualTo(firstWrites * 3);
    }

    @Test
    void movesRacingTheRenameNeverPutTheOldNameBack() {
        List<Started> started = conversations(60);
        MoveGroupsToNewestMessage move = new MoveGroupsToNewestMessage(groups, messages);
        // Replies of now, as a send stamps them: a row they move during the walk jumps to the top of the inbox.
        Instant now = Instant.now();
        List<Message> replies = new ArrayList<>();
        for (int i = 0; i < started.size(); i++) {
            Started each = started.get(i);
            replies.add(messages.append(message(each.group().id(), each.other(), "reply " + i,
                    Timestamp.of(now.plusMillis(i))), Optional.empty()).block(WAIT));
        }

        List<GroupMove> moves = Flux.merge(
                        renameUser(groups).showEverywhere(after).then(Mono.<List<GroupMove>>empty())
                                .subscribeOn(Schedulers.boundedElastic()),
                        Flux.fromIterable(replies)
                                .flatMap(reply -> move.apply(List.of(reply)).subscribeOn(Schedulers.boundedElastic()), 8))
                .flatMapIterable(list -> list)
                .collectList()
                .block(WAIT);

        assertThat(moves).extracting(GroupMove::outcome).containsOnly(Outcome.MOVED).hasSize(60);
        for (int i = 0; i < started.size(); i++) {
            List<Map<String, AttributeValue>> rows = partition(TABLE, GroupRowItem.pk(started.get(i).other().id()));
            assertThat(rows).singleElement().satisfies(row -> assertThat(shows(row, "", after)).as("%s", row).isTrue());
            assertThat(rows.get(0).get(Attr.MESSAGE).s()).isEqualTo(replies.get(i).text());
        }
    }
}
