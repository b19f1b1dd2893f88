package com.cruddur.messaging.adapters.lambda.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.cruddur.messaging.adapters.lambda.MessageStreamHandler;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LambdaWiringTest {

    private static final String[] CREDENTIALS = {"aws.accessKeyId", "aws.secretAccessKey", "aws.disableEc2Metadata"};

    @BeforeEach
    void credentialsThatNeedNoNetwork() {
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @AfterEach
    void clearCredentials() {
        for (String property : CREDENTIALS) {
            System.clearProperty(property);
        }
    }

    @Test
    void theGraphIsBuiltFromTheEnvironmentWithoutCallingAws() {
        try (LambdaWiring wiring = LambdaWiring.from(Map.of(
                "TABLE_NAME", "messages-under-test", "AWS_REGION", "ca-central-1",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000"))) {

            assertThat(wiring.settings().tableName()).isEqualTo("messages-under-test");
            assertThat(wiring.client().serviceClientConfiguration().region().id()).isEqualTo("ca-central-1");
            assertThat(wiring.client().serviceClientConfiguration().endpointOverride())
                    .contains(URI.create("http://127.0.0.1:8000"));
            assertThat(wiring.moveGroupsToNewestMessage()).isNotNull();
        }
    }

    @Test
    void anUnreachableTableIsReportedAsFailuresNotThrown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (LambdaWiring wiring = LambdaWiring.from(Map.of(
                "AWS_REGION", "ca-central-1", "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + closedPort))) {
            MessageStreamHandler handler = new MessageStreamHandler(wiring.moveGroupsToNewestMessage());
            long started = System.nanoTime();

            StreamsEventResponse response = handler.handleRequest(oneMessage("4421584500000000017450000100"), null);

            assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                    .containsExactly("4421584500000000017450000100");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        }
    }

    private static DynamodbEvent oneMessage(String sequenceNumber) {
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
                .withKeys(Map.of("pk", image.get("pk"), "sk", image.get("sk"))));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }

    private static AttributeValue s(String value) {
        return new AttributeValue().withS(value);
    }
}
