package com.cruddur.messaging.bootstrap.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The image's health check: healthy on 200 only; an error status or nobody listening is unhealthy. */
class HealthProbeTest {

    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/starting", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void healthyOnlyOn200() {
        assertThat(HealthProbe.probe(URI.create(base + "/ready"))).isTrue();
        assertThat(HealthProbe.probe(URI.create(base + "/starting"))).isFalse();
    }

    @Test
    void unhealthyWhenNothingListens() {
        String closed = base;
        server.stop(0);
        assertThat(HealthProbe.probe(URI.create(closed + "/ready"))).isFalse();
    }
}
