package com.cruddur.messaging.adapters.lambda.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.cruddur.messaging.adapters.lambda.MessageStreamHandler;
import com.cruddur.messaging.adapters.lambda.ShadedJarSmoke;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
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

            StreamsEventResponse response = handler.handleRequest(ShadedJarSmoke.oneMessage("4421584500000000017450000100"), null);

            assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                    .containsExactly("4421584500000000017450000100");
        }
    }

    @Test
    void closingTheGraphClosesItsClientAndItsRegistry() {
        LambdaWiring wiring = LambdaWiring.from(Map.of(
                "TABLE_NAME", "messages-under-test", "AWS_REGION", "ca-central-1",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000"));

        wiring.close();

        assertThat(wiring.registry().isClosed()).isTrue();
        // A closed client has stopped its threads: it refuses a call instead of making it.
        assertThatThrownBy(() -> wiring.client().describeLimits().join())
                .rootCause().isInstanceOf(RejectedExecutionException.class);
    }
}
