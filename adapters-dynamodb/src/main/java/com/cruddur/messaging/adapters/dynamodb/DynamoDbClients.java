package com.cruddur.messaging.adapters.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkAsyncClientBuilder;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/**
 * How every process builds its clients of the messages table and its stream: the service, the admin command line,
 * the Lambda and the tests. Immutable: each setting returns a copy. Unset settings keep the SDK's own defaults,
 * except the call timeout, which is always bounded.
 *
 * <p>{@link #local(URI)} is for DynamoDB Local, which takes any credentials (the default chain would look for real
 * ones); {@link #aws()} uses the default credential chain, also with an {@link #endpoint(URI) endpoint} of AWS's own.
 */
public final class DynamoDbClients {

    /** DynamoDB Local accepts any key; these say what they are. */
    private static final StaticCredentialsProvider LOCAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    private static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Optional<URI> endpoint;
    private final boolean localCredentials;
    private final Optional<Region> region;
    private final Duration callTimeout;
    private final Optional<Duration> attemptTimeout;
    private final Optional<Integer> maxAttempts;
    private final Optional<Connections> connections;
    private final boolean completeOnEventLoop;

    /** Bounds of the HTTP connection pool (the Netty client's). */
    private record Connections(Duration connectTimeout, Duration acquireTimeout, int max) {
    }

    private DynamoDbClients(Optional<URI> endpoint, boolean localCredentials, Optional<Region> region,
                            Duration callTimeout, Optional<Duration> attemptTimeout, Optional<Integer> maxAttempts,
                            Optional<Connections> connections, boolean completeOnEventLoop) {
        this.endpoint = endpoint;
        this.localCredentials = localCredentials;
        this.region = region;
        this.callTimeout = callTimeout;
        this.attemptTimeout = attemptTimeout;
        this.maxAttempts = maxAttempts;
        this.connections = connections;
        this.completeOnEventLoop = completeOnEventLoop;
    }

    /** DynamoDB in AWS: the default credential chain; the region given, else the SDK's region chain. */
    public static DynamoDbClients aws() {
        return new DynamoDbClients(Optional.empty(), false, Optional.empty(), DEFAULT_CALL_TIMEOUT, Optional.empty(),
                Optional.empty(), Optional.empty(), false);
    }

    /** DynamoDB Local (or any endpoint that takes any credentials) at {@code endpoint}; us-east-1 unless told. */
    public static DynamoDbClients local(URI endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        return new DynamoDbClients(Optional.of(endpoint), true, Optional.of(Region.US_EAST_1), DEFAULT_CALL_TIMEOUT,
                Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** Another endpoint, credentials unchanged. */
    public DynamoDbClients endpoint(URI endpoint) {
        return new DynamoDbClients(Optional.of(endpoint), localCredentials, region, callTimeout, attemptTimeout,
                maxAttempts, connections, completeOnEventLoop);
    }

    /** The region; {@code null} or blank leaves it as it was. */
    public DynamoDbClients region(String name) {
        if (name == null || name.isBlank()) {
            return this;
        }
        return new DynamoDbClients(endpoint, localCredentials, Optional.of(Region.of(name)), callTimeout,
                attemptTimeout, maxAttempts, connections, completeOnEventLoop);
    }

    /** How long a call may take, its retries included. */
    public DynamoDbClients callTimeout(Duration call) {
        return new DynamoDbClients(endpoint, localCredentials, region, requirePositive(call), attemptTimeout,
                maxAttempts, connections, completeOnEventLoop);
    }

    /** How long a call may take with its retries, and each attempt of it. */
    public DynamoDbClients timeouts(Duration call, Duration attempt) {
        return new DynamoDbClients(endpoint, localCredentials, region, requirePositive(call),
                Optional.of(requirePositive(attempt)), maxAttempts, connections, completeOnEventLoop);
    }

    /** The SDK's standard retry strategy with this many attempts in all, instead of DynamoDB's default of many. */
    public DynamoDbClients attempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("a call needs at least one attempt, got " + attempts);
        }
        return new DynamoDbClients(endpoint, localCredentials, region, callTimeout, attemptTimeout,
                Optional.of(attempts), connections, completeOnEventLoop);
    }

    /** Connection set-up and pool bounds. */
    public DynamoDbClients connections(Duration connectTimeout, Duration acquireTimeout, int max) {
        return new DynamoDbClients(endpoint, localCredentials, region, callTimeout, attemptTimeout, maxAttempts,
                Optional.of(new Connections(requirePositive(connectTimeout), requirePositive(acquireTimeout), max)),
                completeOnEventLoop);
    }

    /**
     * Calls complete on the SDK's Netty event loop instead of hopping to the SDK's completion pool, so whatever
     * the caller chains to a call's future (decoding, the next call, the response) runs there too. Only for
     * callers that never block in what they chain (the service and the Lambda: reactive throughout, checked by
     * the architecture rules); a caller that may block in a continuation must keep the pool.
     */
    public DynamoDbClients completingOnEventLoop() {
        return new DynamoDbClients(endpoint, localCredentials, region, callTimeout, attemptTimeout, maxAttempts,
                connections, true);
    }

    /** A client of the table; the caller closes it. */
    public DynamoDbAsyncClient table() {
        return configure(DynamoDbAsyncClient.builder()).build();
    }

    /** A client of the table's stream; the caller closes it. */
    public DynamoDbStreamsAsyncClient stream() {
        return configure(DynamoDbStreamsAsyncClient.builder()).build();
    }

    private <B extends AwsClientBuilder<B, C> & SdkAsyncClientBuilder<B, C>, C> B configure(B builder) {
        NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder();
        connections.ifPresent(bounds -> http.connectionTimeout(bounds.connectTimeout())
                .connectionAcquisitionTimeout(bounds.acquireTimeout())
                .maxConcurrency(bounds.max()));
        // Named explicitly: the SDK need not look for an HTTP client on the class path.
        builder.httpClientBuilder(http);
        builder.overrideConfiguration(override -> {
            override.apiCallTimeout(callTimeout);
            attemptTimeout.ifPresent(override::apiCallAttemptTimeout);
            maxAttempts.ifPresent(attempts -> override.retryStrategy(
                    AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(attempts).build()));
        });
        if (completeOnEventLoop) {
            builder.asyncConfiguration(async -> async.advancedOption(
                    SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, Runnable::run));
        }
        endpoint.ifPresent(builder::endpointOverride);
        if (localCredentials) {
            builder.credentialsProvider(LOCAL_CREDENTIALS);
        }
        region.ifPresent(builder::region);
        return builder;
    }

    private static Duration requirePositive(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("a timeout must be positive, got " + duration);
        }
        return duration;
    }
}
