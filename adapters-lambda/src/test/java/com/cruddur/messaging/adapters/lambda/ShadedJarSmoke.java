package com.cruddur.messaging.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Runs the deployment artifact as Lambda would, on nothing but its own classpath: the no-arg constructor builds
 * the graph from the environment, then one message record is handled against an endpoint that does not answer,
 * which must come back as a reported failure, not an exception. The build runs it on
 * {@code target/cruddur-messaging-stream-handler.jar} after shading (see the module's pom); this class uses only
 * what that jar holds.
 */
public final class ShadedJarSmoke {

    private static final String SEQUENCE_NUMBER = "4421584500000000017450000100";

    private ShadedJarSmoke() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        MessageStreamHandler handler = new MessageStreamHandler();
        long constructed = System.nanoTime();
        StreamsEventResponse response = handler.handleRequest(oneMessage(SEQUENCE_NUMBER), new TestContext(10_000));
        long handled = System.nanoTime();
        List<String> reported = response.getBatchItemFailures().stream()
                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
        System.out.printf("shaded jar: construct %.0f ms, first batch (store unreachable) %.0f ms, reported %s%n",
                (constructed - started) / 1e6, (handled - constructed) / 1e6, reported);
        if (!reported.equals(List.of(SEQUENCE_NUMBER))) {
            System.err.println("expected the record " + SEQUENCE_NUMBER + " to be reported, got " + reported);
            System.exit(1);
        }
    }

    /** One message insert as Lambda delivers it (its wiring test sends the same). */
    public static DynamodbEvent oneMessage(String sequenceNumber) {
        Map<String, AttributeValue> image = Map.of(
                "pk", s("MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399"),
                "sk", s("2026-11-22T10:15:30.123456+00:00"),
                "message_uuid", s("c8a5d3e1-2f4b-4a6c-9e8d-7b1a0f2e3d4c"),
                "message", s("are you coming to the meetup?"),
                "user_uuid", s("0e4b8f5d-3b1c-4f5a-9d0e-7a1b2c3d4e5f"),
                "user_display_name", s("Andrew Brown"),
                "user_handle", s("andrewbrown"));
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(new StreamRecord().withNewImage(image).withSequenceNumber(sequenceNumber)
                .withKeys(Map.of("pk", image.get("pk"), "sk", image.get("sk")))
                .withApproximateCreationDateTime(new Date(1795345200000L)));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }

    private static AttributeValue s(String value) {
        return new AttributeValue().withS(value);
    }
}
