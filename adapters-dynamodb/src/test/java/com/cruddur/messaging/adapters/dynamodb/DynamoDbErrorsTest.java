package com.cruddur.messaging.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.StoreUnavailableException;
import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** What a person reads when the SDK fails a call before DynamoDB answered it. */
class DynamoDbErrorsTest {

    private static final URI ENDPOINT = URI.create("http://127.0.0.1:8000");

    private final DynamoDbAsyncClient client = DynamoDbClients.local(ENDPOINT).table();
    private final DynamoDbErrors errors = new DynamoDbErrors(client, "cruddur-messages");

    @AfterEach
    void close() {
        client.close();
    }

    /** The shape a benchmark run's slow store produced: the attempt's timeout inside a client exception. */
    @Test
    void anAttemptTimeoutInsideAClientExceptionIsASlowStoreNotAnUnreachableOne() {
        SdkClientException timedOut = SdkClientException.builder()
                .message(ApiCallAttemptTimeoutException.create(2500).getMessage())
                .cause(ApiCallAttemptTimeoutException.create(2500))
                .build();

        assertThat(errors.translate(new CompletionException(timedOut)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("DynamoDB at " + ENDPOINT + " did not answer in time");
    }

    @Test
    void aRefusedConnectionIsAnUnreachableStore() {
        SdkClientException refused = SdkClientException.builder()
                .message("Unable to execute HTTP request: Connection refused")
                .cause(new ConnectException("Connection refused"))
                .build();

        assertThat(errors.translate(refused))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("DynamoDB at " + ENDPOINT + " cannot be reached: Connection refused");
    }
}
