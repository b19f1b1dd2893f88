package com.cruddur.messaging.bootstrap.benchmark;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.io.IOException;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * The benchmark's standalone DynamoDB Local: a JVM of its own (so its CPU time is counted apart from the service's),
 * in memory, on 127.0.0.1 only. Unlike the embedded default ({@code LocalDynamoDb}, one shared database) it keeps
 * one database per access key and region: each data set lives in its own region, because in one database every
 * streamed table after the first is written about 20 times slower.
 *
 * <p>Prints {@code ready <port>} once it listens and stops when its standard input closes (the benchmark holds
 * it open) or on SIGTERM.
 */
public final class StoreLauncher {

    private StoreLauncher() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Quiet.logging();
        // port 0 (the handler's own), in memory, no db path, not shared, no delayed statuses.
        LocalDynamoDBRequestHandler engine = new LocalDynamoDBRequestHandler(0, true, null, false, false);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler();
        context.setHandler(new LocalDynamoDBServerHandler(engine, ""));
        server.setHandler(new ContextHandlerCollection(context));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server)));
        System.out.println("ready " + connector.getLocalPort());
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // the benchmark writes nothing; end of input means it is gone
            }
        } catch (IOException ignored) {
            // the same: nobody holds the pipe any more
        }
        System.exit(0);
    }

    private static void stop(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // the JVM is exiting anyway
        }
    }
}
