package com.cruddur.messaging.bootstrap.benchmark;

import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * A data set for the scaling rows, written in bulk into a region of its own (a table without a stream: nothing
 * reads one there). At scale k the users and conversations that the load reads hold k times the base data set's
 * average (an inbox of 10k conversations, a conversation of 20k messages), around a base-sized rest of the table.
 * What a request of A or B reads is what grows, because that is what a single-table design must keep flat;
 * the rest of the table stays at 1x so the run stays within its time (DynamoDB partitions by key, and DynamoDB
 * Local's index deepens only logarithmically with it).
 */
final class ScaleData {

    static final int SAMPLE = 16;
    static final int BASE_INBOX = 10;
    static final int BASE_CONVERSATION = 20;

    record Sample(List<DataSet.User> readers, List<DataSet.User> members, List<String> conversations, long items) {
    }

    private ScaleData() {
    }

    static Sample seed(Store store, DataSet data, int scale, long seed) {
        CreateTableRequest create = MessagesTable.named(store.table()).createTableRequest().toBuilder()
                .streamSpecification((software.amazon.awssdk.services.dynamodb.model.StreamSpecification) null)
                .build();
        store.client().createTable(create).join();
        Random random = new Random(seed);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        long tick = 0;
        List<String> groups = new ArrayList<>();
        for (DataSet.Pair pair : data.conversations()) {
            String group = UUID.randomUUID().toString();
            groups.add(group);
            conversation(items, group, pair.first(), pair.second(), RawItems.at(base.plusSeconds(tick++)));
        }
        for (DataSet.Send send : data.sends()) {
            items.add(RawItems.message(groups.get(send.conversation()), RawItems.at(base.plusSeconds(tick++)),
                    send.sender(), Texts.text(tick)));
        }
        int hotUsers = Math.max(1, data.users().size() / 50);
        List<DataSet.User> readers = new ArrayList<>();
        for (int i = 0; i < SAMPLE; i++) {
            DataSet.User reader = data.users().get(hotUsers + i % (data.users().size() - hotUsers));
            readers.add(reader);
            for (int c = 0; c < BASE_INBOX * scale; c++) {
                DataSet.User other = data.users().get(random.nextInt(data.users().size()));
                if (other.index() == reader.index()) {
                    other = data.users().get((reader.index() + 1) % data.users().size());
                }
                conversation(items, UUID.randomUUID().toString(), reader, other,
                        RawItems.at(base.plusSeconds(tick++)));
            }
        }
        List<DataSet.User> members = new ArrayList<>();
        List<String> read = new ArrayList<>();
        int hotConversations = Math.max(1, data.conversations().size() / 250);
        for (int i = 0; i < SAMPLE; i++) {
            int conversation = hotConversations + i % (data.conversations().size() - hotConversations);
            DataSet.Pair pair = data.conversations().get(conversation);
            members.add(pair.first());
            read.add(groups.get(conversation));
            for (int m = 0; m < BASE_CONVERSATION * scale; m++) {
                items.add(RawItems.message(groups.get(conversation), RawItems.at(base.plusSeconds(tick++)),
                        m % 2 == 0 ? pair.first() : pair.second(), Texts.text(m)));
            }
        }
        store.bulkPut(items);
        return new Sample(readers, members, read, items.size());
    }

    private static void conversation(List<Map<String, AttributeValue>> items, String group, DataSet.User first,
                                     DataSet.User second, String at) {
        items.add(RawItems.conversation(group, first, second, at, "hello"));
        items.add(RawItems.groupRow(first.uuid(), at, group, second, "hello"));
        items.add(RawItems.groupRow(second.uuid(), at, group, first, "hello"));
    }
}
