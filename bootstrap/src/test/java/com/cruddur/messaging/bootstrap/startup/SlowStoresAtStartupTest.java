package com.cruddur.messaging.bootstrap.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.adapters.postgres.testing.PostgresFixture;
import com.cruddur.messaging.bootstrap.CruddurMessagingApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start-up against stores that are slow or wrong, in the AWS mode: DynamoDB Local and PostgreSQL behind proxies that
 * hold every connection back until the test lets them go. A slow store delays the start (liveness UP, readiness
 * DOWN, the process alive); a missing table or database ends it with the reason. The application starts on a thread
 * of its own, as the test watches it over HTTP.
 */
class SlowStoresAtStartupTest {

    private static final Duration WAIT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void slowStoresDelayTheStartWhileLivenessIsUpAndReadinessDown() {
        URI dynamoDb = DynamoDbLocalFixture.endpoint();
        HeldBackProxy slowDynamoDb = proxy(dynamoDb.getHost(), dynamoDb.getPort());
        HeldBackProxy slowPostgres = proxy(PostgresFixture.LOCAL_HOST, PostgresFixture.LOCAL_PORT);
        PostgresFixture postgres = PostgresFixture.shared();
        int port = freePort();
        int managementPort = freePort();
        Map<String, String> settings = awsSettings(port, managementPort);
        settings.put("cruddur.dynamodb.endpoint", "http://127.0.0.1:" + slowDynamoDb.port());
        // A table to create, as the embedded default does: its first DescribeTable meets the slow store.
        settings.put("cruddur.dynamodb.table", "slow-start-" + UUID.randomUUID().toString().substring(0, 8));
        settings.put("cruddur.dynamodb.create-table", "true");
        settings.put("cruddur.dynamodb.api-call-timeout", "2s");
        settings.put("cruddur.users.url", "r2dbc:postgresql://127.0.0.1:" + slowPostgres.port() + "/"
                + postgres.databaseName());

        CompletableFuture<ConfigurableApplicationContext> starting = start(settings);

        await().atMost(WAIT).until(() -> status(managementPort, "/actuator/health/liveness") == 200);
        assertThat(status(managementPort, "/actuator/health/readiness")).isEqualTo(503);
        assertThat(starting).as("the start goes on while the stores do not answer").isNotDone();

        slowDynamoDb.release();
        slowPostgres.release();
        await().atMost(WAIT).until(starting::isDone);
        resources.add(starting.join());
        assertThat(status(managementPort, "/actuator/health/readiness")).isEqualTo(200);
        assertThat(status(port, "/api/users/@nobody/short")).isEqualTo(404);
    }

    @Test
    void aTableThatShouldExistAndDoesNotEndsTheStartWithItsName() {
        Map<String, String> settings = awsSettings(freePort(), freePort());
        String missing = "missing-" + UUID.randomUUID().toString().substring(0, 8);
        settings.put("cruddur.dynamodb.table", missing);

        Throwable refusal = refusal(start(settings));

        assertThat(refusal).hasMessageContaining("the DynamoDB table '" + missing + "'")
                .hasMessageContaining("does not exist")
                .hasMessageContaining("schema-load");
    }

    @Test
    void aUsersDatabaseThatDoesNotExistEndsTheStartWithTheReason() {
        Map<String, String> settings = awsSettings(freePort(), freePort());
        PostgresFixture postgres = PostgresFixture.shared();
        settings.put("cruddur.users.url", postgres.url().replace("/" + postgres.databaseName(), "/no_such_users_db"));

        Throwable refusal = refusal(start(settings));

        assertThat(refusal).hasMessageContaining("the users database").hasMessageContaining("no_such_users_db");
    }

    private Map<String, String> awsSettings(int port, int managementPort) {
        PostgresFixture postgres = PostgresFixture.shared();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", String.valueOf(port));
        settings.put("management.server.port", String.valueOf(managementPort));
        settings.put("cruddur.dynamodb.endpoint", DynamoDbLocalFixture.endpoint().toString());
        settings.put("cruddur.dynamodb.table", DynamoDbLocalFixture.freshTable("startup"));
        settings.put("cruddur.users.url", postgres.url());
        settings.put("cruddur.users.username", postgres.username());
        settings.put("cruddur.users.password", postgres.password());
        settings.put("cruddur.auth.jwks-url", "http://127.0.0.1:1/jwks.json");
        settings.put("cruddur.auth.issuer", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_StartUp");
        settings.put("cruddur.auth.client-ids", "startup-test-client");
        return settings;
    }

    /** On a thread of its own: the test watches meanwhile, and Spring Boot's main-thread exit handling stays out. */
    private static CompletableFuture<ConfigurableApplicationContext> start(Map<String, String> settings) {
        String[] arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(CruddurMessagingApplication.class)
                .profiles(RunMode.AWS)
                .run(arguments));
    }

    /** The reason the start was refused with: a {@link CannotStart} somewhere in what the start threw. */
    private Throwable refusal(CompletableFuture<ConfigurableApplicationContext> starting) {
        await().atMost(WAIT).until(starting::isDone);
        try {
            resources.add(starting.join());
            throw new AssertionError("the service started");
        } catch (CompletionException failed) {
            for (Throwable t = failed; t != null; t = t.getCause()) {
                if (t instanceof CannotStart refusal) {
                    return refusal;
                }
            }
            throw new AssertionError("the start failed without a reason for the operator", failed);
        }
    }

    private HeldBackProxy proxy(String host, int port) {
        HeldBackProxy proxy = new HeldBackProxy(host, port);
        resources.add(proxy);
        return proxy;
    }

    private int status(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
