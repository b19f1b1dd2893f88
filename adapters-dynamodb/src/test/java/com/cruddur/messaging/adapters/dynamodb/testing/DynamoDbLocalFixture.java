package com.cruddur.messaging.adapters.dynamodb.testing;

import com.cruddur.messaging.adapters.dynamodb.DynamoDbClients;
import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import com.cruddur.messaging.adapters.dynamodb.local.LocalDynamoDb;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * One DynamoDB Local per test JVM, started on first use and stopped by a shutdown hook: the
 * {@code amazon/dynamodb-local} container when a Docker engine is reachable, else the in-process server
 * ({@link LocalDynamoDb}). Both listen on 127.0.0.1 only. Test classes take a fresh table each
 * ({@link #freshTable(String)}), so they never see each other's items.
 *
 * <p>Modules that use this test-jar also need {@code org.testcontainers:testcontainers} and
 * {@code com.amazonaws:DynamoDBLocal} on their test classpath.
 */
public final class DynamoDbLocalFixture {

    /** Overrides the container image, e.g. {@code -Dcruddur.dynamodb-local.image=amazon/dynamodb-local:2.6.1}. */
    public static final String IMAGE_PROPERTY = "cruddur.dynamodb-local.image";
    private static final String DEFAULT_IMAGE = "amazon/dynamodb-local:latest";
    private static final int CONTAINER_PORT = 8000;

    private static Running running;
    private static DynamoDbAsyncClient sharedClient;

    private DynamoDbLocalFixture() {
    }

    /** Where the server listens (started on first call). */
    public static synchronized URI endpoint() {
        if (running == null) {
            running = DockerClientFactory.instance().isDockerAvailable() ? startContainer() : startInProcess();
            Runtime.getRuntime().addShutdownHook(new Thread(DynamoDbLocalFixture::stop, "dynamodb-local-stop"));
        }
        return running.endpoint();
    }

    /** "container" or "in-process". */
    public static synchronized String kind() {
        endpoint();
        return running.kind();
    }

    /** The client every test shares (one Netty pool per JVM). */
    public static synchronized DynamoDbAsyncClient client() {
        if (sharedClient == null) {
            sharedClient = newClient(endpoint(), Duration.ofSeconds(30));
        }
        return sharedClient;
    }

    /** A new client for {@code endpoint} with static local credentials and the given call timeout. */
    public static DynamoDbAsyncClient newClient(URI endpoint, Duration callTimeout) {
        Duration connectTimeout = callTimeout.compareTo(Duration.ofSeconds(2)) < 0 ? callTimeout : Duration.ofSeconds(2);
        return DynamoDbClients.local(endpoint)
                .callTimeout(callTimeout)
                .connections(connectTimeout, Duration.ofSeconds(10), 64)
                .table();
    }

    /** Creates a table of a fresh name ({@code prefix-<random>}) and returns its name. */
    public static String freshTable(String prefix) {
        MessagesTable table = MessagesTable.named(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        table.create(client()).block(Duration.ofSeconds(60));
        return table.name();
    }

    private static Running startInProcess() {
        LocalDynamoDb server = LocalDynamoDb.startInMemory();
        return new Running("in-process", server.endpoint(), server::close);
    }

    @SuppressWarnings("resource")
    private static Running startContainer() {
        GenericContainer<?> container = new GenericContainer<>(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE))
                .withCommand("-jar", "DynamoDBLocal.jar", "-inMemory", "-sharedDb", "-disableTelemetry")
                .withExposedPorts(CONTAINER_PORT)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(new PortBinding(
                        Ports.Binding.bindIp(LocalDynamoDb.LOOPBACK), ExposedPort.tcp(CONTAINER_PORT))))
                .waitingFor(Wait.forListeningPort());
        container.start();
        URI endpoint = URI.create("http://" + LocalDynamoDb.LOOPBACK + ":" + container.getMappedPort(CONTAINER_PORT));
        return new Running("container", endpoint, container::stop);
    }

    private static synchronized void stop() {
        if (sharedClient != null) {
            sharedClient.close();
            sharedClient = null;
        }
        if (running != null) {
            running.stopper().run();
            running = null;
        }
    }

    private record Running(String kind, URI endpoint, Runnable stopper) {
    }
}
