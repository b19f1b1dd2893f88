package com.cruddur.messaging.bootstrap.cli;

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
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClientBuilder;

/** Which Cognito user pool, and where: AWS by default, or an emulator such as cognito-local. */
final class CognitoOptions {

    @Option(names = "--pool", paramLabel = "<id>", description = "The user pool id, e.g. "
            + "us-east-1_AbCdEfGhI (default: $" + AdminCli.POOL_VARIABLE + "; one of them is required).")
    String pool;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The pool, from --pool or the reference's variable; a usage mistake when neither gives one. */
    String pool() {
        if (pool == null || pool.isBlank()) {
            throw new ParameterException(command.commandLine(), "Missing required option: '--pool=<id>' (or set $"
                    + AdminCli.POOL_VARIABLE + ")");
        }
        return pool;
    }

    @Option(names = "--cognito-endpoint", paramLabel = "<url>",
            description = "A Cognito endpoint to use instead of AWS (cognito-local, say).")
    URI endpoint;

    @Option(names = "--region", paramLabel = "<region>",
            description = "AWS region (default: the SDK's region chain; us-east-1 with --cognito-endpoint).")
    String region;

    /** "Cognito at http://127.0.0.1:9229" or "Cognito in AWS (eu-west-1)". */
    String where() {
        return endpoint != null ? "Cognito at " + endpoint
                : "Cognito in AWS" + (region == null ? "" : " (" + region + ")");
    }

    /**
     * A client with short timeouts and few retries, so that an endpoint that does not answer is reported within
     * seconds; the caller closes it.
     */
    CognitoIdentityProviderAsyncClient open() {
        pool();
        try {
            CognitoIdentityProviderAsyncClientBuilder builder = CognitoIdentityProviderAsyncClient.builder()
                    .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                            .connectionTimeout(Duration.ofSeconds(3))
                            .connectionAcquisitionTimeout(Duration.ofSeconds(5)))
                    .overrideConfiguration(config -> config
                            .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(3).build())
                            .apiCallTimeout(Duration.ofSeconds(30))
                            .apiCallAttemptTimeout(Duration.ofSeconds(10)));
            if (endpoint != null) {
                // Emulators accept any credentials; the default chain would look for real ones.
                builder.endpointOverride(endpoint)
                        .region(Region.of(region == null ? "us-east-1" : region))
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
            } else if (region != null) {
                builder.region(Region.of(region));
            }
            return builder.build();
        } catch (SdkException | IllegalArgumentException e) {
            throw new CliFailure("cannot set up a client for " + where() + ": " + Failures.rootMessage(e), e);
        }
    }
}
