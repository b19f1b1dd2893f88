package com.cruddur.messaging.adapters.lambda.wiring;

import com.cruddur.messaging.adapters.dynamodb.DynamoDbClients;
import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessageGroups;
import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessages;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The function's object graph, built without Spring: one async DynamoDB client, the DynamoDB adapter's message
 * groups and the pattern E use case.
 *
 * <p>{@link #container()} builds it once per Lambda container, during initialization (with SnapStart, before the
 * snapshot), and every invocation reuses it. Nothing here calls AWS: the client is built, not used, so the snapshot
 * holds no open connection and no credentials; the default credentials chain finds the execution role's
 * credentials when the first call is made (with SnapStart these come from the container credentials endpoint, not
 * from environment variables, which is why no provider is pinned here).
 *
 * <p>The async client is the one the adapter is written for (the use case is reactive); the handler waits for the
 * batch's result, which a Lambda invocation may do.
 */
public final class LambdaWiring implements AutoCloseable {

    private static volatile LambdaWiring container;

    private final LambdaSettings settings;
    private final DynamoDbAsyncClient client;
    private final MeterRegistry registry;
    private final MoveGroupsToNewestMessage moveGroupsToNewestMessage;

    private LambdaWiring(LambdaSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = client(settings);
        // Consumed capacity is counted per pattern as in the service; nothing exports it from the function yet.
        this.registry = new SimpleMeterRegistry();
        this.moveGroupsToNewestMessage = new MoveGroupsToNewestMessage(
                new DynamoDbMessageGroups(client, settings.tableName(), registry),
                new DynamoDbMessages(client, settings.tableName(), registry));
    }

    /** The graph of this container, built from the process environment on first use. */
    public static LambdaWiring container() {
        LambdaWiring built = container;
        if (built == null) {
            synchronized (LambdaWiring.class) {
                built = container;
                if (built == null) {
                    built = from(System.getenv());
                    container = built;
                }
            }
        }
        return built;
    }

    /** A graph for the given environment (see {@link LambdaSettings}); the caller closes it. */
    public static LambdaWiring from(Map<String, String> environment) {
        return new LambdaWiring(LambdaSettings.from(environment));
    }

    public LambdaSettings settings() {
        return settings;
    }

    public DynamoDbAsyncClient client() {
        return client;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public MoveGroupsToNewestMessage moveGroupsToNewestMessage() {
        return moveGroupsToNewestMessage;
    }

    /**
     * Three attempts (the standard strategy) and bounded call times instead of the SDK's DynamoDB default of many
     * retries: a store that does not answer is better reported early, and retried by Lambda (which bisects the
     * batch), than waited on until the function times out.
     */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private static DynamoDbAsyncClient client(LambdaSettings settings) {
        DynamoDbClients clients = DynamoDbClients.aws().region(settings.region())
                .attempts(3)
                .timeouts(CALL_TIMEOUT, ATTEMPT_TIMEOUT)
                .completingOnEventLoop(); // the use case never blocks; the handler waits on its own thread
        return settings.endpoint().map(clients::endpoint).orElse(clients).table();
    }

    @Override
    public void close() {
        client.close();
        registry.close();
    }
}
