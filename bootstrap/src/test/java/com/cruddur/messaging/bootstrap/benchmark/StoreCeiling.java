package com.cruddur.messaging.bootstrap.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * What DynamoDB Local can do for each request when nothing else asks anything of it: the calls one request of the
 * service makes (see {@code MessagesTable}), sent straight with the SDK, one after the other as the service sends
 * them, at the same concurrency. The service's requests/s divided by this is the figure the benchmark steers by.
 *
 * <ul>
 * <li>A: GetItem CONV (consistent), Query MSG# newest 21.</li>
 * <li>B: Query GRP# newest 21.</li>
 * <li>C, pump off: GetItem CONV, PutItem MSG (attribute_not_exists).</li>
 * <li>C, pump on: the same, then the move pattern E makes for it: GetItem CONV and one TransactWriteItems (Update
 *     CONV, Delete and Put of both inbox rows), on a conversation of the worker's own so moves never conflict.
 *     One move per message: the pump coalesces a batch's messages per conversation, so under load it makes fewer.</li>
 * <li>D: GetItem PAIR (consistent, absent), one TransactWriteItems of CONV, PAIR, both inbox rows and the message.</li>
 * </ul>
 */
final class StoreCeiling {

    private final Store store;
    private final DynamoDbAsyncClient client;
    private final String table;
    private final DataSet data;
    private final List<String> groups;
    private final List<Integer> started;
    private final Map<Integer, Scratch> scratch = new java.util.concurrent.ConcurrentHashMap<>();

    StoreCeiling(Store store, DataSet data, List<String> groups) {
        this.store = store;
        this.client = store.client();
        this.table = store.table();
        this.data = data;
        this.groups = groups;
        this.started = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i) != null) {
                started.add(i);
            }
        }
    }

    /** Gives workers 0 to {@code concurrency - 1} their own conversation to move (before a run, not during it). */
    void prepareMoves(int concurrency) {
        for (int worker = 0; worker < concurrency; worker++) {
            scratch.computeIfAbsent(worker, w -> Scratch.create(store));
        }
    }

    CompletableFuture<?> listMessages(int worker) {
        String group = groups.get(randomConversation());
        return client.getItem(b -> b.tableName(table).key(RawItems.conversationKey(group)).consistentRead(true))
                .thenCompose(found -> client.query(b -> b.tableName(table)
                        .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", "pk"))
                        .expressionAttributeValues(Map.of(":pk", RawItems.s("MSG#" + group)))
                        .scanIndexForward(false).limit(21)));
    }

    CompletableFuture<?> listGroups(int worker) {
        DataSet.User user = data.users().get(ThreadLocalRandom.current().nextInt(data.users().size()));
        return client.query(b -> b.tableName(table)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", "pk"))
                .expressionAttributeValues(Map.of(":pk", RawItems.s("GRP#" + user.uuid())))
                .scanIndexForward(false).limit(21));
    }

    CompletableFuture<?> send(int worker, boolean withMove) {
        int conversation = randomConversation();
        String group = groups.get(conversation);
        DataSet.User sender = data.conversations().get(conversation).first();
        String text = Texts.text(worker);
        CompletableFuture<?> stored = client.getItem(b -> b.tableName(table)
                        .key(RawItems.conversationKey(group)).consistentRead(true))
                .thenCompose(found -> client.putItem(b -> b.tableName(table)
                        .item(RawItems.message(group, RawItems.uniqueNow(), sender, text))
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", "pk"))));
        return withMove ? stored.thenCompose(done -> move(worker, text)) : stored;
    }

    private CompletableFuture<?> move(int worker, String text) {
        Scratch own = scratch.get(worker);
        return client.getItem(b -> b.tableName(table).key(RawItems.conversationKey(own.group)).consistentRead(true))
                .thenCompose(found -> {
                    String expected = found.item().get("last_message_at").s();
                    String next = RawItems.uniqueNow();
                    List<TransactWriteItem> items = new ArrayList<>();
                    items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                            .key(RawItems.conversationKey(own.group))
                            .updateExpression("SET #at = :next, #text = :text")
                            .conditionExpression("#at = :expected")
                            .expressionAttributeNames(Map.of("#at", "last_message_at", "#text", "last_message"))
                            .expressionAttributeValues(Map.of(":next", RawItems.s(next), ":text", RawItems.s(text),
                                    ":expected", RawItems.s(expected)))
                            .build()).build());
                    for (int side = 0; side < 2; side++) {
                        DataSet.User owner = side == 0 ? own.first : own.second;
                        DataSet.User other = side == 0 ? own.second : own.first;
                        items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                                .key(RawItems.key("GRP#" + owner.uuid(), expected))
                                .conditionExpression(SAME_GROUP).expressionAttributeNames(GROUP_NAMES)
                                .expressionAttributeValues(Map.of(":group", RawItems.s(own.group))).build()).build());
                        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                                .item(RawItems.groupRow(owner.uuid(), next, own.group, other, text))
                                .conditionExpression(SAME_GROUP).expressionAttributeNames(GROUP_NAMES)
                                .expressionAttributeValues(Map.of(":group", RawItems.s(own.group))).build()).build());
                    }
                    return client.transactWriteItems(b -> b.transactItems(items));
                });
    }

    private static final String SAME_GROUP = "attribute_not_exists(#pk) OR #group = :group";
    private static final Map<String, String> GROUP_NAMES = Map.of("#pk", "pk", "#group", "message_group_uuid");

    CompletableFuture<?> startConversation(int worker) {
        DataSet.User first = data.users().get(ThreadLocalRandom.current().nextInt(data.users().size()));
        DataSet.User second = new DataSet.User(-1, UUID.randomUUID(), "ceiling", "Ceiling User", "none");
        String group = UUID.randomUUID().toString();
        String at = RawItems.uniqueNow();
        String text = Texts.text(worker);
        return client.getItem(b -> b.tableName(table).key(RawItems.pairKey(first.uuid(), second.uuid()))
                        .consistentRead(true))
                .thenCompose(absent -> client.transactWriteItems(b -> b.transactItems(
                        absentPut(RawItems.conversation(group, first, second, at, text)),
                        absentPut(RawItems.pair(first.uuid(), second.uuid(), group)),
                        absentPut(RawItems.groupRow(first.uuid(), at, group, second, text)),
                        absentPut(RawItems.groupRow(second.uuid(), at, group, first, text)),
                        absentPut(RawItems.message(group, at, first, text)))));
    }

    private TransactWriteItem absentPut(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", "pk"))
                .build()).build();
    }

    private int randomConversation() {
        return started.get(ThreadLocalRandom.current().nextInt(started.size()));
    }

    /** A worker's own conversation for its moves: two users outside the data set, so nothing else touches it. */
    private record Scratch(String group, DataSet.User first, DataSet.User second) {
        static Scratch create(Store store) {
            DataSet.User first = new DataSet.User(-1, UUID.randomUUID(), "scratcha", "Scratch A", "none");
            DataSet.User second = new DataSet.User(-1, UUID.randomUUID(), "scratchb", "Scratch B", "none");
            String group = UUID.randomUUID().toString();
            String at = RawItems.uniqueNow();
            store.bulkPut(List.of(RawItems.conversation(group, first, second, at, "start"),
                    RawItems.groupRow(first.uuid(), at, group, second, "start"),
                    RawItems.groupRow(second.uuid(), at, group, first, "start")));
            return new Scratch(group, first, second);
        }
    }
}
