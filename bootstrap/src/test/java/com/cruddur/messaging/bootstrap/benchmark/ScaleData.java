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
 * The data for the scaling rows, written in bulk into a region of its own (a table without a stream: nothing reads
 * one there). At each scale k, 16 users and 16 conversations that the load reads hold k times the base data set's
 * average (an inbox of 10k conversations, a conversation of 20k messages); all scales sit side by side in one
 * table around a base-sized rest (the base data set's shape), so every scale is read by the same service in the
 * same minute. What a request of A or B reads is what grows, because that is what a single-table design must keep
 * flat: DynamoDB partitions by key, so the rest of a table does not reach a request, and DynamoDB Local's index
 * deepens only logarithmically with it.
 */
final class ScaleData {

    static final int SAMPLE = 16;
    static final int BASE_INBOX = 10;
    static final int BASE_CONVERSATION = 20;

    record Sample(int scale, List<DataSet.User> readers, List<DataSet.User> members, List<String> conversations) {
    }

    private final List<Map<String, AttributeValue>> items = new ArrayList<>();
    private final Instant base = Instant.parse("2026-01-01T00:00:00Z");
    private long tick;

    private ScaleData() {
    }

    /** Seeds the table and returns one sample per scale (in the order given) and the number of items written. */
    static List<Sample> seed(Store store, DataSet data, List<Integer> scales, long seed, long[] written) {
        CreateTableRequest create = MessagesTable.named(store.table()).createTableRequest().toBuilder()
                .streamSpecification((software.amazon.awssdk.services.dynamodb.model.StreamSpecification) null)
                .build();
        store.client().createTable(create).join();
        ScaleData scaleData = new ScaleData();
        Random random = new Random(seed);
        List<String> groups = new ArrayList<>();
        for (DataSet.Pair pair : data.conversations()) {
            String group = UUID.randomUUID().toString();
            groups.add(group);
            scaleData.conversation(group, pair.first(), pair.second());
        }
        for (DataSet.Send send : data.sends()) {
            scaleData.items.add(RawItems.message(groups.get(send.conversation()), scaleData.next(), send.sender(),
                    Texts.text(scaleData.tick)));
        }
        // The base data set's users and conversations are the rest; each scale reads users of its own (never the
        // hot ones), whose inboxes get the scale's conversations on top of their base ones, and new conversations.
        int hotUsers = Math.max(1, data.users().size() / 50);
        List<Sample> samples = new ArrayList<>();
        for (int s = 0; s < scales.size(); s++) {
            int scale = scales.get(s);
            List<DataSet.User> readers = new ArrayList<>();
            List<DataSet.User> members = new ArrayList<>();
            List<String> read = new ArrayList<>();
            for (int i = 0; i < SAMPLE; i++) {
                DataSet.User reader = data.users().get(
                        hotUsers + (s * SAMPLE + i) % (data.users().size() - hotUsers));
                readers.add(reader);
                for (int c = 0; c < BASE_INBOX * scale; c++) {
                    DataSet.User other = data.users().get(random.nextInt(data.users().size()));
                    if (other.index() == reader.index()) {
                        other = data.users().get((reader.index() + 1) % data.users().size());
                    }
                    scaleData.conversation(UUID.randomUUID().toString(), reader, other);
                }
                DataSet.Pair pair = data.conversations().get(random.nextInt(data.conversations().size()));
                String group = UUID.randomUUID().toString();
                scaleData.conversation(group, pair.first(), pair.second());
                members.add(pair.first());
                read.add(group);
                for (int m = 1; m < BASE_CONVERSATION * scale; m++) {
                    scaleData.items.add(RawItems.message(group, scaleData.next(),
                            m % 2 == 0 ? pair.first() : pair.second(), Texts.text(m)));
                }
            }
            samples.add(new Sample(scale, readers, members, read));
        }
        store.bulkPut(scaleData.items);
        written[0] = scaleData.items.size();
        return samples;
    }

    private String next() {
        return RawItems.at(base.plusSeconds(tick++));
    }

    private void conversation(String group, DataSet.User first, DataSet.User second) {
        String at = next();
        items.add(RawItems.conversation(group, first, second, at, "hello"));
        items.add(RawItems.groupRow(first.uuid(), at, group, second, "hello"));
        items.add(RawItems.groupRow(second.uuid(), at, group, first, "hello"));
    }
}
