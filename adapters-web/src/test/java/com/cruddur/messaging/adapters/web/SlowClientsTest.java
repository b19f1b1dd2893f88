package com.cruddur.messaging.adapters.web;

import static org.awaitility.Awaitility.await;

import com.cruddur.messaging.domain.Participant;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * Clients that hold a connection without making progress are disconnected, over raw sockets: one that sends
 * nothing, one that trickles its headers, one that stalls its body and one that trickles it. Meanwhile a normal
 * client is served. The bounds are one and two seconds here; the test waits up to 30 s for each disconnection, so
 * only a connection that is never closed fails it.
 */
@TestPropertySource(properties = {
        "cruddur.web.idle-timeout=1s",
        "cruddur.web.header-timeout=1s",
        "cruddur.web.read-timeout=1s",
        "cruddur.web.request-timeout=2s",
})
class SlowClientsTest extends WebApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Value("${local.server.port}")
    int port;

    private final ScheduledExecutorService trickle = Executors.newScheduledThreadPool(2);
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void closeEverything() throws IOException {
        trickle.shutdownNow();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosed() {
        CompletableFuture<Void> closed = closedByServer(open());

        client.get().uri("/api/users/@nobody/short").exchange().expectStatus().isNotFound();
        await().atMost(WAIT).until(closed::isDone);
    }

    @Test
    void aConnectionThatTricklesItsHeadersIsClosed() {
        Socket socket = open();
        CompletableFuture<Void> closed = closedByServer(socket);
        write(socket, "GET /api/users/@nobody/short HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
        trickle.scheduleAtFixedRate(() -> write(socket, "a"), 0, 100, TimeUnit.MILLISECONDS);

        client.get().uri("/api/users/@nobody/short").exchange().expectStatus().isNotFound();
        await().atMost(WAIT).until(closed::isDone);
    }

    @Test
    void aConnectionThatStallsItsBodyIsClosed() {
        Participant andrew = user("Andrew Brown");
        Socket socket = open();
        CompletableFuture<Void> closed = closedByServer(socket);
        write(socket, post(tokenOf(andrew), 100) + "{\"message\":");

        client.get().uri("/api/users/@nobody/short").exchange().expectStatus().isNotFound();
        await().atMost(WAIT).until(closed::isDone);
    }

    @Test
    void aConnectionThatTricklesItsBodyIsClosed() {
        Participant andrew = user("Andrew Brown");
        Socket socket = open();
        CompletableFuture<Void> closed = closedByServer(socket);
        write(socket, post(tokenOf(andrew), 4000) + "{\"message\":\"");
        trickle.scheduleAtFixedRate(() -> write(socket, "a"), 0, 100, TimeUnit.MILLISECONDS);

        client.get().uri("/api/users/@nobody/short").exchange().expectStatus().isNotFound();
        await().atMost(WAIT).until(closed::isDone);
    }

    @Test
    void aKeptAliveConnectionIsServedAgainAndClosedOnceIdle() throws IOException {
        Socket socket = open();
        write(socket, "GET /api/users/@nobody/short HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        readResponseHead(socket.getInputStream());
        write(socket, "GET /api/users/@nobody/short HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        readResponseHead(socket.getInputStream());

        CompletableFuture<Void> closed = closedByServer(socket);
        await().atMost(WAIT).until(closed::isDone);
    }

    private String post(String token, int contentLength) {
        return "POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    private Socket open() {
        try {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            sockets.add(socket);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Socket socket, String text) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the server closed it: the trickle ends here
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the status line and headers of one response (the bodies here are small and carry Content-Length). */
    private static void readResponseHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before a response: " + head);
            }
            head.append((char) b);
        }
        String lengthHeader = head.toString().lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .findFirst().orElse("content-length: 0");
        long length = Long.parseLong(lengthHeader.substring(lengthHeader.indexOf(':') + 1).trim());
        in.readNBytes((int) length);
    }

    /** Completes once the server has closed the connection (end of stream or reset), whatever it sent before. */
    private static CompletableFuture<Void> closedByServer(Socket socket) {
        return CompletableFuture.runAsync(() -> {
            try {
                InputStream in = socket.getInputStream();
                while (in.read() >= 0) {
                    // a 408 or any other answer before the close is fine
                }
            } catch (IOException closed) {
                // reset by the server counts as closed too
            }
        });
    }
}
