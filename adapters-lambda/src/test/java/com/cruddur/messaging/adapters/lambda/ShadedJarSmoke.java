package com.cruddur.messaging.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;

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
        handler.prime();
        long constructed = System.nanoTime();
        StreamsEventResponse response = handler.handleRequest(oneMessage(SEQUENCE_NUMBER), new TestContext(10_000));
        long handled = System.nanoTime();
        List<String> reported = response.getBatchItemFailures().stream()
                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
        System.out.printf("shaded jar: construct and prime %.0f ms, first batch (store unreachable) %.0f ms, reported %s%n",
                (constructed - started) / 1e6, (handled - constructed) / 1e6, reported);
        if (!reported.equals(List.of(SEQUENCE_NUMBER))) {
            System.err.println("expected the record " + SEQUENCE_NUMBER + " to be reported, got " + reported);
            System.exit(1);
        }
    }

    /** One message insert as Lambda delivers it (its wiring test sends the same). */
    public static DynamodbEvent oneMessage(String sequenceNumber) {
        return PrimingBatch.oneMessage(sequenceNumber);
    }
}
