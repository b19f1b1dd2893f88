package com.cruddur.messaging.adapters.dynamodb.local;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * DynamoDB Local (the {@code com.amazonaws:DynamoDBLocal} engine) served over HTTP from inside this JVM, reachable
 * from this machine only: its request handler is mounted on a Jetty connector bound to {@code 127.0.0.1} (its own
 * {@code ServerRunner} binds every interface and has no host option). One shared database for every access key
 * and region, in memory or in a data folder; no telemetry (nothing is written to the working directory).
 *
 * <p>Clients use {@link #endpoint()} with any static credentials and region. {@link #close()} stops the server and
 * the engine's background thread, so the JVM can exit.
 */
public final class LocalDynamoDb implements AutoCloseable {

    public static final String LOOPBACK = "127.0.0.1";

    private final Server server;
    private final LocalDynamoDBRequestHandler engine;
    private final int port;
    private final Optional<Path> dataFolder;

    private LocalDynamoDb(Server server, LocalDynamoDBRequestHandler engine, int port, Optional<Path> dataFolder) {
        this.server = server;
        this.engine = engine;
        this.port = port;
        this.dataFolder = dataFolder;
    }

    /** An in-memory server on a free port. */
    public static LocalDynamoDb startInMemory() {
        return start(0, Optional.empty());
    }

    /**
     * Starts a server on {@code 127.0.0.1:port} ({@code 0} picks a free port), keeping its data in
     * {@code dataFolder} (created if missing; the file is {@code shared-local-instance.db}) or in memory when empty.
     */
    public static LocalDynamoDb start(int port, Optional<Path> dataFolder) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, was " + port);
        }
        Objects.requireNonNull(dataFolder, "dataFolder");
        LocalDynamoDBRequestHandler engine = null;
        Server server = new Server();
        try {
            String dbPath = null;
            if (dataFolder.isPresent()) {
                dbPath = createFolder(dataFolder.get());
            }
            engine = new LocalDynamoDBRequestHandler(0, dataFolder.isEmpty(), dbPath, true, false);
            ServerConnector connector = new ServerConnector(server);
            connector.setHost(LOOPBACK);
            connector.setPort(port);
            server.addConnector(connector);
            ContextHandler context = new ContextHandler();
            context.setHandler(new LocalDynamoDBServerHandler(engine, ""));
            server.setHandler(new ContextHandlerCollection(context));
            server.start();
            return new LocalDynamoDb(server, engine, connector.getLocalPort(), dataFolder);
        } catch (UncheckedIOException e) {
            stopQuietly(server, engine);
            throw e;
        } catch (Exception e) {
            stopQuietly(server, engine);
            throw new IllegalStateException("DynamoDB Local could not start on " + LOOPBACK + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    private static String createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            return folder.toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("DynamoDB Local cannot use its data folder " + folder, e);
        }
    }

    /** {@code http://127.0.0.1:{port}}. */
    public URI endpoint() {
        return URI.create("http://" + LOOPBACK + ":" + port);
    }

    public int port() {
        return port;
    }

    public Optional<Path> dataFolder() {
        return dataFolder;
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public void close() {
        stopQuietly(server, engine);
    }

    private static void stopQuietly(Server server, LocalDynamoDBRequestHandler engine) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // stopping is best effort; the engine below is shut down regardless
        }
        if (engine != null) {
            // shutdown() leaves the engine's non-daemon shard-rollover thread asleep for minutes; shutdownNow() ends it.
            for (AmazonDynamoDBLocal database : databases(engine)) {
                try {
                    database.shutdownNow();
                } catch (RuntimeException ignored) {
                    // already stopped
                }
            }
            engine.shutdown();
        }
    }

    private static List<AmazonDynamoDBLocal> databases(LocalDynamoDBRequestHandler engine) {
        try {
            Field field = LocalDynamoDBRequestHandler.class.getDeclaredField("dbRequestHandlers");
            field.setAccessible(true);
            Map<?, ?> handlers = (Map<?, ?>) field.get(engine);
            synchronized (engine) {
                return handlers.values().stream()
                        .filter(AmazonDynamoDBLocal.class::isInstance)
                        .map(AmazonDynamoDBLocal.class::cast)
                        .toList();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public String toString() {
        return "DynamoDB Local at " + endpoint() + dataFolder.map(folder -> " (data in " + folder + ")")
                .orElse(" (in memory)");
    }
}
