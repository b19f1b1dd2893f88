package com.cruddur.messaging.bootstrap.benchmark;

import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The capacity units the reference (the Python service and its Lambda) spends on the same requests, measured by
 * sending its requests to the same data set: A and B its Query (begins_with the year, Limit 20, eventually
 * consistent); C its unconditional PutItem plus its Lambda's work (GSI Query for the group rows, then DeleteItem and
 * PutItem of each); D its BatchWriteItem of three items plus the same Lambda work. Writes go to conversations of
 * their own.
 */
final class ReferenceCost {

    private static final int SAMPLES = 50;

    private ReferenceCost() {
    }

    static Map<String, Double> measure(Store store, DataSet data, List<String> groups) {
        DynamoDbAsyncClient client = store.client();
        String table = store.table();
        String year = Year.now().toString();
        Map<String, Double> units = new LinkedHashMap<>();
        // A and B: the average over the conversations and users the load reads.
        List<String> started = groups.stream().filter(g -> g != null).toList();
        double listMessages = 0;
        double listGroups = 0;
        for (int i = 0; i < SAMPLES; i++) {
            listMessages += query(client, table, "MSG#" + started.get(i * 7919 % started.size()), year);
            listGroups += query(client, table, "GRP#" + data.users().get(i * 7919 % data.users().size()).uuid(), year);
        }
        units.put("A", listMessages / SAMPLES);
        units.put("B", listGroups / SAMPLES);

        DataSet.User a = new DataSet.User(-1, UUID.randomUUID(), "refa", "Reference A", "none");
        DataSet.User b = new DataSet.User(-1, UUID.randomUUID(), "refb", "Reference B", "none");
        String own = UUID.randomUUID().toString();
        String first = RawItems.uniqueNow();
        List<WriteRequest> batch = new ArrayList<>();
        for (Map<String, AttributeValue> item : List.of(RawItems.groupRow(a.uuid(), first, own, b, "hello"),
                RawItems.groupRow(b.uuid(), first, own, a, "hello"), RawItems.message(own, first, a, "hello"))) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        double start = sum(client.batchWriteItem(r -> r.requestItems(Map.of(table, batch))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).join().consumedCapacity());
        units.put("D", start + lambda(client, table, own, first, first));

        String next = RawItems.uniqueNow();
        double put = client.putItem(r -> r.tableName(table).item(RawItems.message(own, next, a, Texts.text(1)))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).join().consumedCapacity().capacityUnits();
        units.put("C", put + lambda(client, table, own, first, next));
        return units;
    }

    private static double query(DynamoDbAsyncClient client, String table, String pk, String year) {
        return client.query(r -> r.tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :year)")
                .expressionAttributeValues(Map.of(":pk", RawItems.s(pk), ":year", RawItems.s(year)))
                .scanIndexForward(false).limit(20)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).join().consumedCapacity().capacityUnits();
    }

    /** The reference Lambda on one message: the group rows from the GSI, each deleted and put again at the message. */
    private static double lambda(DynamoDbAsyncClient client, String table, String group, String from, String to) {
        var rows = client.query(r -> r.tableName(table).indexName("message-group-sk-index")
                .keyConditionExpression("message_group_uuid = :g")
                .expressionAttributeValues(Map.of(":g", RawItems.s(group)))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).join();
        double units = rows.consumedCapacity().capacityUnits();
        for (Map<String, AttributeValue> row : rows.items()) {
            units += client.deleteItem(r -> r.tableName(table).key(Map.of("pk", row.get("pk"), "sk", row.get("sk")))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).join().consumedCapacity().capacityUnits();
            Map<String, AttributeValue> moved = new java.util.HashMap<>(row);
            moved.put("sk", RawItems.s(to));
            units += client.putItem(r -> r.tableName(table).item(moved)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).join().consumedCapacity().capacityUnits();
        }
        return units;
    }

    private static double sum(List<ConsumedCapacity> consumed) {
        return consumed.stream().mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
    }
}
