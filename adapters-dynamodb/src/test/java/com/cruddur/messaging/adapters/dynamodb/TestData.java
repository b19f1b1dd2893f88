package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.IdempotencyKey;
import com.cruddur.messaging.domain.IdempotentRequest;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.MessageText;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.RequestFingerprint;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** People, conversations and raw item reads for the adapter's own tests; fresh ids every time. */
final class TestData {

    static final Instant T0 = Instant.parse("2026-11-22T10:15:30.123456Z");

    private TestData() {
    }

    static Participant person(String name) {
        return new Participant(new UserId(UUID.randomUUID()), name,
                new Handle(name.toLowerCase().replace(' ', '_') + UUID.randomUUID().toString().substring(0, 6)));
    }

    static Timestamp at(long secondsAfterT0) {
        return Timestamp.of(T0.plusSeconds(secondsAfterT0));
    }

    static MessageGroup.Conversation conversation(Participant sender, Participant recipient, String text,
                                                  Timestamp at) {
        return MessageGroup.start(new MessageGroupId(UUID.randomUUID()), new MessageId(UUID.randomUUID()), sender,
                recipient, new MessageText(text), at);
    }

    /** The group with another last message and its reading unchanged: what a move writes, without counting. */
    static MessageGroup withLast(MessageGroup group, LastMessage next) {
        return new MessageGroup(group.id(), group.first(), group.second(), next, group.firstRead(),
                group.secondRead());
    }

    static Message message(MessageGroupId group, Participant sender, String text, Timestamp at) {
        return Message.compose(new MessageId(UUID.randomUUID()), group, sender, new MessageText(text), at);
    }

    /**
     * A key and the same request each time it is asked for with the same key, remembered a day after {@link #T0}:
     * repeating it is a repeated request, whatever the message or conversation.
     */
    static IdempotentRequest request(String key) {
        return new IdempotentRequest(new IdempotencyKey(key),
                RequestFingerprint.ofHandleSend(new Handle("someone"), new MessageText(key)), T0.plus(Duration.ofDays(1)));
    }

    /** Every item of a partition, oldest sk first, read consistently. */
    static List<Map<String, AttributeValue>> partition(String table, String pk) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = DynamoDbLocalFixture.client().query(request.build()).join();
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    static Map<String, AttributeValue> item(String table, String pk, String sk) {
        return DynamoDbLocalFixture.client().getItem(GetItemRequest.builder().tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))).build()).join().item();
    }

    static List<String> sks(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> item.get("sk").s()).toList();
    }
}
