package com.cruddur.messaging.adapters.postgres.cognito;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;

/** Builds the async Cognito client; build it once at start-up and close it at the end. */
public final class CognitoClients {

    private CognitoClients() {
    }

    /** Real Cognito with the default region and credential chains. */
    public static CognitoIdentityProviderAsyncClient create() {
        return create(null, null, null);
    }

    /**
     * A client for {@code endpoint} (null: the region's Cognito endpoint, or {@code AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER}),
     * in {@code region} (null: the default region chain), with {@code credentials} (null: the default chain).
     */
    public static CognitoIdentityProviderAsyncClient create(URI endpoint, Region region, AwsCredentialsProvider credentials) {
        var builder = CognitoIdentityProviderAsyncClient.builder()
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .readTimeout(Duration.ofSeconds(30)))
                .credentialsProvider(credentials != null ? credentials : DefaultCredentialsProvider.builder().build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (region != null) {
            builder.region(region);
        }
        return builder.build();
    }
}
