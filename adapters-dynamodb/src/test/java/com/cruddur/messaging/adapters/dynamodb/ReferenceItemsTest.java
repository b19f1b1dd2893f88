package com.cruddur.messaging.adapters.dynamodb;

import static com.cruddur.messaging.adapters.dynamodb.TestData.partition;
import static com.cruddur.messaging.adapters.dynamodb.TestData.person;
import static com.cruddur.messaging.adapters.dynamodb.TestData.sks;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.application.DeleteMessage;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.RenameUser;
import com.cruddur.messaging.application.fake.InMemoryUserDirectory;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Block;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.Timestamp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Items written exactly as the reference writes them (its BatchWriteItem of two group rows and a message, its
 * per-message puts, both of its timestamp forms, no conversation record or pair claim) are read through the
 * adapters, then adopted.
 */
class ReferenceItemsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TABLE = DynamoDbLocalFixture.freshTable("reference");
    private static final ConsumedCapacityRecorder RECORDER = new ConsumedCapacityRecorder(new SimpleMeterRegistry());

    private final DynamoDbMessageGroups groups =
            new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), TABLE, RECORDER, 100);
    private final DynamoDbMessages messages =
            new DynamoDbMessages(DynamoDbLocalFixture.client(), TABLE, RECORDER, 100);

    private final Participant andrew = person("Andrew Brown");
    private final Participant bayko = person("Andrew Bayko");
    private final MessageGroupId group = new MessageGroupId(UUID.randomUUID());

    @Test
    void messagesInEveryReferenceTimestampFormAreReadNewestFirst() {
        writeReferenceConversation();

        List<Message> listed = messages.newestFirst(group, 10, Optional.empty()).block(WAIT).items();

        assertThat(listed).extracting(m -> m.createdAt().instant()).containsExactly(
                Instant.parse("2023-04-05T13:16:00Z"),
                Instant.parse("2023-04-05T13:15:19.922515Z"),
                Instant.parse("2023-03-20T22:53:00Z"),
                Instant.parse("2023-03-20T22:52:11.123456Z"));
        assertThat(listed.get(0).sender()).isEqualTo(bayko);
        assertThat(listed.get(0).text()).isEqualTo("naive, no fraction");
        assertThat(listed.get(3).sender()).isEqualTo(andrew);
        assertThat(listed).extracting(Message::groupId).containsOnly(group);
    }

    @Test
    void referenceGroupRowsAreReadAsInboxEntries() {
        writeReferenceConversation();

        List<InboxEntry> inbox = groups.inbox(andrew.id(), 10, Optional.empty()).block(WAIT).items();

        assertThat(inbox).containsExactly(new InboxEntry(andrew.id(), group, bayko,
                new LastMessage(Timestamp.parse("2023-03-20T22:52:11.123456+00:00"), "this is a filler message")));
    }

    @Test
    void aReferenceGroupIsFoundThroughItsRowsAndAdopted() {
        writeReferenceConversation();

        MessageGroup found = groups.find(group).block(WAIT);

        assertThat(List.of(found.first(), found.second())).containsExactlyInAnyOrder(andrew, bayko);
        // The reference never moved its rows locally: the newest message is the last one.
        assertThat(found.lastMessage()).isEqualTo(
                new LastMessage(Timestamp.parse("2023-04-05T13:16:00"), "naive, no fraction"));
        assertThat(partition(TABLE, "CONV#" + group)).hasSize(1);
        assertThat(groups.findByPair(ParticipantPair.of(andrew.id(), bayko.id())).block(WAIT)).isEqualTo(group);
        for (Participant owner : List.of(andrew, bayko)) {
            List<Map<String, AttributeValue>> rows = partition(TABLE, "GRP#" + owner.id());
            assertThat(sks(rows)).containsExactly("2023-04-05T13:16:00.000000+00:00");
            // The reference's attributes, and the one added attribute its own reads ignore.
            assertThat(rows.get(0).keySet()).containsExactlyInAnyOrder("pk", "sk", "message_group_uuid", "message",
                    "user_uuid", "user_display_name", "user_handle", "unread_count");
        }
        assertThat(groups.find(group).block(WAIT)).isEqualTo(found);
    }

    @Test
    void theReferencesOwnQueriesStillSeeOnlyReferenceShapedItems() {
        writeReferenceConversation();
        groups.find(group).block(WAIT);

        List<Map<String, AttributeValue>> inbox = referenceQuery("GRP#" + andrew.id());
        List<Map<String, AttributeValue>> conversation = referenceQuery("MSG#" + group);

        assertThat(inbox).hasSize(1).allSatisfy(item -> assertThat(item.keySet()).containsExactlyInAnyOrder(
                "pk", "sk", "message_group_uuid", "message", "user_uuid", "user_display_name", "user_handle",
                "unread_count"));
        assertThat(conversation).hasSize(4).allSatisfy(item -> assertThat(item.keySet()).containsExactlyInAnyOrder(
                "pk", "sk", "message_uuid", "message", "user_uuid", "user_display_name", "user_handle"));
        List<Map<String, AttributeValue>> byIndex = DynamoDbLocalFixture.client().query(QueryRequest.builder()
                .tableName(TABLE).indexName(MessagesTable.GROUP_INDEX)
                .keyConditionExpression("message_group_uuid = :g")
                .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(group.toString()))).build())
                .join().items();
        assertThat(byIndex).extracting(item -> item.get("pk").s())
                .containsExactlyInAnyOrder("GRP#" + andrew.id(), "GRP#" + bayko.id());
    }

    @Test
    void anAdoptedGroupMovesLikeAnyOther() {
        writeReferenceConversation();
        groups.find(group).block(WAIT);
        Message reply = messages.append(new Message(new MessageId(UUID.randomUUID()), group, andrew, "new reply",
                Timestamp.of(Instant.parse("2026-11-22T10:00:00Z"))), Optional.empty()).block(WAIT);

        var moves = new MoveGroupsToNewestMessage(groups, messages).apply(List.of(reply)).block(WAIT);

        assertThat(moves).extracting(MoveGroupsToNewestMessage.GroupMove::outcome)
                .containsExactly(MoveGroupsToNewestMessage.Outcome.MOVED);
        for (Participant owner : List.of(andrew, bayko)) {
            assertThat(sks(partition(TABLE, "GRP#" + owner.id())))
                    .containsExactly("2026-11-22T10:00:00.000000+00:00");
        }
        assertThat(groups.find(group).block(WAIT).lastMessage()).isEqualTo(LastMessage.of(reply));
    }

    @Test
    void aUserOfAReferenceConversationIsRenamedOnItsRowsWhichTheReferencesQueryStillReads() {
        Map<String, AttributeValue> andrewsRow = groupRow(andrew, bayko, "2023-03-20T22:52:11.123456+00:00", "hi");
        andrewsRow.remove("user_display_name");
        batchWrite(List.of(andrewsRow, groupRow(bayko, andrew, "2023-03-20T22:52:11.123456+00:00", "hi"),
                messageItem(andrew, "2023-03-20T22:52:11.123456+00:00", "hi")));
        Participant renamed = new Participant(bayko.id(), "Andrew Bayko Jr", new Handle("jr-" + bayko.handle()));

        RenameUser.Progress shown = new RenameUser(new InMemoryUserDirectory(), groups, java.time.Clock.systemUTC())
                .showEverywhere(renamed).reduce(RenameUser.Progress::plus).block(WAIT);

        assertThat(shown.changed()).isEqualTo(1);
        assertThat(referenceQuery("GRP#" + andrew.id())).singleElement().satisfies(row -> {
            assertThat(row.get("user_display_name").s()).isEqualTo("Andrew Bayko Jr");
            assertThat(row.get("user_handle").s()).isEqualTo(renamed.handle().value());
            assertThat(row.get("message").s()).isEqualTo("hi");
        });
        assertThat(referenceQuery("GRP#" + bayko.id())).singleElement()
                .satisfies(row -> assertThat(row.get("user_display_name").s()).isEqualTo("Andrew Brown"));
        assertThat(referenceQuery("MSG#" + group)).singleElement()
                .satisfies(message -> assertThat(message.get("user_display_name").s()).isEqualTo("Andrew Brown"));
    }

    @Test
    void aMessageStoredBeforeAdoptionBecomesTheLastMessage() {
        writeReferenceConversation();
        Message reply = messages.append(new Message(new MessageId(UUID.randomUUID()), group, andrew, "unmoved reply",
                Timestamp.of(Instant.parse("2026-11-22T10:00:00Z"))), Optional.empty()).block(WAIT);

        assertThat(groups.find(group).block(WAIT).lastMessage()).isEqualTo(LastMessage.of(reply));
        assertThat(new MoveGroupsToNewestMessage(groups, messages).apply(List.of(reply)).block(WAIT))
                .extracting(MoveGroupsToNewestMessage.GroupMove::outcome)
                .containsExactly(MoveGroupsToNewestMessage.Outcome.ALREADY_CURRENT);
        assertThat(sks(partition(TABLE, "GRP#" + bayko.id()))).containsExactly("2026-11-22T10:00:00.000000+00:00");
    }

    @Test
    void duplicateAndStaleRowsLeftByTheReferenceStreamHandlerAreCleanedUpOnAdoption() {
        String older = "2023-03-20T22:52:11.123456+00:00";
        String newer = "2023-03-21T08:00:00.000001+00:00";
        batchWrite(List.of(
                groupRow(andrew, bayko, older, "first"),
                groupRow(andrew, bayko, newer, "second"),
                groupRow(bayko, andrew, older, "first"),
                messageItem(andrew, older, "first"),
                messageItem(bayko, newer, "second")));

        MessageGroup found = groups.find(group).block(WAIT);

        assertThat(found.lastMessage()).isEqualTo(new LastMessage(Timestamp.parse(newer), "second"));
        assertThat(sks(partition(TABLE, "GRP#" + andrew.id()))).containsExactly(newer);
        assertThat(sks(partition(TABLE, "GRP#" + bayko.id()))).containsExactly(newer);
        assertThat(groups.inbox(bayko.id(), 10, Optional.empty()).block(WAIT).items())
                .extracting(entry -> entry.lastMessage().text()).containsExactly("second");
    }

    @Test
    void aBlockMadeBeforeAReferenceGroupWasAdoptedMarksItOnAdoption() {
        writeReferenceConversation();
        DynamoDbBlocks blocks = new DynamoDbBlocks(DynamoDbLocalFixture.client(), TABLE, RECORDER, 100);
        // The reference's conversation has no pair claim: the block finds no conversation to mark
        blocks.block(new Block(andrew.id(), bayko, TestData.at(0)), Optional.empty()).block(WAIT);

        MessageGroup adopted = groups.find(group).block(WAIT);

        assertThat(adopted.blocksMessagesFrom(bayko.id())).isTrue();
        assertThat(adopted.blocksMessagesFrom(andrew.id())).isFalse();
        assertThat(adopted.readStateOf(andrew.id()).unread()).isZero();
        assertThat(groups.find(group).block(WAIT)).isEqualTo(adopted);
    }

    @Test
    void aReferenceMessageUnderAnotherFormOfItsInstantIsDeletedAtItsOwnKeyAndKeepsTheReferencesAttributes() {
        writeReferenceConversation();
        Message naive = messages.newestFirst(group, 1, Optional.empty()).block(WAIT).items().get(0);

        Message tombstone = new DeleteMessage(groups, messages, java.time.Clock.systemUTC())
                .delete(new DeleteMessage.Command(bayko, group, naive.id())).block(WAIT);

        List<Map<String, AttributeValue>> conversation = referenceQuery("MSG#" + group);
        assertThat(sks(conversation)).as("no second item at the instant's table form").containsExactly(
                "2023-04-05T13:16:00", "2023-04-05T13:15:19.922515", "2023-03-20T22:53:00+00:00",
                "2023-03-20T22:52:11.123456+00:00");
        Map<String, AttributeValue> stored = conversation.get(0);
        assertThat(stored.keySet()).containsExactlyInAnyOrder("pk", "sk", "message_uuid", "message", "user_uuid",
                "user_display_name", "user_handle", "deleted");
        assertThat(stored.get("message").s()).isEmpty();
        assertThat(tombstone.deleted()).isTrue();
        for (Participant owner : List.of(andrew, bayko)) {
            assertThat(referenceQuery("GRP#" + owner.id())).singleElement()
                    .satisfies(row -> assertThat(row.get("message").s()).isEmpty());
        }
    }

    @Test
    void aGroupWithoutAnyRowsIsUnknown() {
        batchWrite(List.of(messageItem(andrew, "2023-03-20T22:52:11.123456+00:00", "orphan")));

        assertThat(groups.find(group).blockOptional(WAIT)).isEmpty();
        assertThat(partition(TABLE, "CONV#" + group)).isEmpty();
    }

    /** The reference's create_message_group (one BatchWriteItem of three puts), then create_message puts. */
    private void writeReferenceConversation() {
        String created = "2023-03-20T22:52:11.123456+00:00";
        batchWrite(List.of(
                groupRow(andrew, bayko, created, "this is a filler message"),
                groupRow(bayko, andrew, created, "this is a filler message"),
                messageItem(andrew, created, "this is a filler message")));
        batchWrite(List.of(
                messageItem(bayko, "2023-03-20T22:53:00+00:00", "offset, no fraction"),
                messageItem(andrew, "2023-04-05T13:15:19.922515", "naive timestamp"),
                messageItem(bayko, "2023-04-05T13:16:00", "naive, no fraction")));
    }

    private Map<String, AttributeValue> groupRow(Participant owner, Participant other, String sk, String text) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("GRP#" + owner.id()));
        item.put("sk", AttributeValue.fromS(sk));
        item.put("message_group_uuid", AttributeValue.fromS(group.toString()));
        item.put("message", AttributeValue.fromS(text));
        item.put("user_uuid", AttributeValue.fromS(other.id().toString()));
        item.put("user_display_name", AttributeValue.fromS(other.displayName()));
        item.put("user_handle", AttributeValue.fromS(other.handle().value()));
        return item;
    }

    private Map<String, AttributeValue> messageItem(Participant sender, String sk, String text) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("MSG#" + group));
        item.put("sk", AttributeValue.fromS(sk));
        item.put("message_uuid", AttributeValue.fromS(UUID.randomUUID().toString()));
        item.put("message", AttributeValue.fromS(text));
        item.put("user_uuid", AttributeValue.fromS(sender.id().toString()));
        item.put("user_display_name", AttributeValue.fromS(sender.displayName()));
        item.put("user_handle", AttributeValue.fromS(sender.handle().value()));
        return item;
    }

    private static void batchWrite(List<Map<String, AttributeValue>> items) {
        DynamoDbLocalFixture.client().batchWriteItem(BatchWriteItemRequest.builder().requestItems(Map.of(TABLE,
                items.stream().map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build())
                        .build()).toList())).build()).join();
    }

    /** The reference's list_message_groups / list_messages query (year prefix, newest 20). */
    private static List<Map<String, AttributeValue>> referenceQuery(String pk) {
        return DynamoDbLocalFixture.client().query(QueryRequest.builder().tableName(TABLE)
                .keyConditionExpression("pk = :pk AND begins_with(sk,:year)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":year", AttributeValue.fromS("2023")))
                .scanIndexForward(false).limit(20).build()).join().items();
    }
}
