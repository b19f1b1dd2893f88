package com.cruddur.messaging.adapters.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The published signing keys, served on 127.0.0.1 as a Cognito pool serves them. One per test JVM (the Spring test
 * contexts that use it are cached across test classes), stopped when the JVM exits.
 */
final class TestJwksServer {

    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static HttpServer server;

    private TestJwksServer() {
    }

    static synchronized String url() {
        if (server == null) {
            server = start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/us-east-1_TestPool/.well-known/jwks.json";
    }

    static int requests() {
        return REQUESTS.get();
    }

    private static HttpServer start() {
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            started.createContext("/us-east-1_TestPool/.well-known/jwks.json", exchange -> {
                REQUESTS.incrementAndGet();
                byte[] body = TestTokens.jwksJson().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> started.stop(0)));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
