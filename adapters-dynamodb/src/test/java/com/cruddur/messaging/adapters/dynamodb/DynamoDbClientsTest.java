package com.cruddur.messaging.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/** The one way clients of the table and its stream are built, as each process asks for them. */
class DynamoDbClientsTest {

    private static final URI LOCAL = URI.create("http://127.0.0.1:8000");

    @Test
    void aLocalClientTakesItsEndpointFixedCredentialsAndUsEast1() {
        try (DynamoDbAsyncClient client = DynamoDbClients.local(LOCAL).table()) {
            assertThat(client.serviceClientConfiguration().endpointOverride()).contains(LOCAL);
            assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
            var credentials = client.serviceClientConfiguration().credentialsProvider();
            assertThat(credentials).isInstanceOf(StaticCredentialsProvider.class);
            assertThat(((StaticCredentialsProvider) credentials).resolveCredentials().accessKeyId()).isEqualTo("local");
        }
    }

    @Test
    void anAwsClientKeepsTheDefaultCredentialChainAlsoWithAnEndpoint() {
        try (DynamoDbAsyncClient client = DynamoDbClients.aws().region("ca-central-1").endpoint(LOCAL).table()) {
            assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("ca-central-1");
            assertThat(client.serviceClientConfiguration().endpointOverride()).contains(LOCAL);
            assertThat(client.serviceClientConfiguration().credentialsProvider())
                    .isNotInstanceOf(StaticCredentialsProvider.class);
        }
    }

    @Test
    void timeoutsAndAttemptsAreTheOnesAskedFor() {
        try (DynamoDbAsyncClient client = DynamoDbClients.local(LOCAL).region("eu-west-1")
                .timeouts(Duration.ofSeconds(7), Duration.ofSeconds(2)).attempts(4).table()) {
            var override = client.serviceClientConfiguration().overrideConfiguration();
            assertThat(override.apiCallTimeout()).contains(Duration.ofSeconds(7));
            assertThat(override.apiCallAttemptTimeout()).contains(Duration.ofSeconds(2));
            assertThat(override.retryStrategy()).hasValueSatisfying(
                    strategy -> assertThat(strategy.maxAttempts()).isEqualTo(4));
            assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
        }
    }

    @Test
    void theStreamClientIsPointedLikeTheTableClient() {
        try (DynamoDbStreamsAsyncClient streams = DynamoDbClients.local(DynamoDbLocalFixture.endpoint()).stream()) {
            assertThat(streams.serviceClientConfiguration().endpointOverride()).contains(DynamoDbLocalFixture.endpoint());
            assertThat(streams.listStreams().join().streams()).isNotNull();
        }
    }

    @Test
    void callsCompleteOnTheSdksEventLoopWhenAskedAndOnItsCompletionPoolOtherwise() {
        try (DynamoDbAsyncClient direct = DynamoDbClients.local(DynamoDbLocalFixture.endpoint())
                     .completingOnEventLoop().table();
             DynamoDbAsyncClient pooled = DynamoDbClients.local(DynamoDbLocalFixture.endpoint()).table()) {
            assertThat(completingThread(direct)).startsWith("aws-java-sdk-NettyEventLoop");
            assertThat(completingThread(pooled)).startsWith("sdk-async-response");
        }
    }

    private static String completingThread(DynamoDbAsyncClient client) {
        return client.listTables().thenApply(ignored -> Thread.currentThread().getName()).join();
    }
}
