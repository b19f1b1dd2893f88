package com.cruddur.messaging.bootstrap.cli;

import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

/** Where the messages table is: a local endpoint (DynamoDB Local) by default, or AWS with {@code --prod}. */
final class DynamoDbOptions {

    static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_DYNAMODB";
    static final URI DEFAULT_ENDPOINT = URI.create("http://localhost:8000");

    /** The SDK's switch to ignore AWS_ENDPOINT_URL_* (for --prod, which means AWS itself). */
    private static final String IGNORE_CONFIGURED_ENDPOINTS = "aws.ignoreConfiguredEndpointUrls";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--endpoint", paramLabel = "<url>",
            description = {"DynamoDB endpoint. Default: $" + ENDPOINT_VARIABLE + ", else",
                    "http://localhost:8000 (where the embedded default's DynamoDB Local listens)."})
    URI endpoint;

    @Option(names = "--prod",
            description = "Use DynamoDB in AWS: the default credential chain and region, no endpoint override.")
    boolean prod;

    @Option(names = "--table", paramLabel = "<name>", defaultValue = MessagesTable.DEFAULT_NAME,
            description = "Table name (default: ${DEFAULT-VALUE}).")
    String table;

    @Option(names = "--region", paramLabel = "<region>",
            description = "AWS region (default: the SDK's region chain with --prod, us-east-1 locally).")
    String region;

    /** Rejects contradictory options before anything is done. */
    void validate() {
        if (prod && endpoint != null) {
            throw new ParameterException(command.commandLine(),
                    "--prod (DynamoDB in AWS) and --endpoint exclude each other: give one of them");
        }
        if (table == null || table.isBlank()) {
            throw new ParameterException(command.commandLine(), "--table must not be blank");
        }
    }

    /** Fails, doing nothing, when {@code action} would touch production without {@code force}. */
    void refuseProductionUnless(boolean force, String action) {
        if (prod && !force) {
            throw new CliFailure("refusing to " + action + " table '" + table + "' in AWS (--prod) without --force;"
                    + " nothing was done");
        }
    }

    URI effectiveEndpoint() {
        if (endpoint != null) {
            return endpoint;
        }
        String fromEnvironment = root().env(ENDPOINT_VARIABLE);
        return fromEnvironment != null ? URI.create(fromEnvironment) : DEFAULT_ENDPOINT;
    }

    /** "DynamoDB at http://localhost:8000" or "DynamoDB in AWS (eu-west-1)". */
    String where() {
        if (prod) {
            return "DynamoDB in AWS" + (region == null ? "" : " (" + region + ")");
        }
        return "DynamoDB at " + effectiveEndpoint();
    }

    /** A client of the table; the caller closes it. */
    DynamoDbTable open() {
        validate();
        DynamoDbAsyncClientBuilder builder = DynamoDbAsyncClient.builder()
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(prod ? 5 : 2))
                        .connectionAcquisitionTimeout(Duration.ofSeconds(5)));
        // Bounded: an endpoint that does not answer is an error within seconds, not a hang.
        // DynamoDB's own default is 9 attempts, which makes a stopped DynamoDB Local take many seconds to report.
        builder.overrideConfiguration(config -> config
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(prod ? 5 : 3).build())
                .apiCallTimeout(Duration.ofSeconds(prod ? 60 : 10))
                .apiCallAttemptTimeout(Duration.ofSeconds(prod ? 20 : 4)));
        if (prod) {
            System.setProperty(IGNORE_CONFIGURED_ENDPOINTS, "true");
            if (region != null) {
                builder.region(Region.of(region));
            }
        } else {
            builder.endpointOverride(effectiveEndpoint())
                    // DynamoDB Local accepts any credentials; the default chain would look for real ones.
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .region(Region.of(region == null ? "us-east-1" : region));
        }
        try {
            return new DynamoDbTable(builder.build(), table, where());
        } catch (SdkException | IllegalArgumentException e) {
            throw new CliFailure("cannot set up a client for " + where() + ": " + Failures.rootMessage(e), e);
        }
    }

    private AdminCli root() {
        return (AdminCli) command.root().userObject();
    }
}
