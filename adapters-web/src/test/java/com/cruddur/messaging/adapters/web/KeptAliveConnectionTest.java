package com.cruddur.messaging.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.Participant;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Many requests, one after the other, on kept-alive connections over raw sockets: each is answered, none waits for
 * its connection to close. Each client sends its next request the moment it has read the previous response, as
 * browsers and pooled clients do, and several clients do so at once. Reactor Netty held back a request that arrived
 * before it had finished with the previous one on the same connection until the client closed the connection: seen
 * with a bodiless chunked POST (as Reactor Netty's own client sends one) after answered requests (see
 * {@code ConnectionTimeouts}).
 */
class KeptAliveConnectionTest extends WebApiTest {

    /** Long enough for any answer on a busy machine; only a request that is never answered reaches it. */
    private static final int ANSWER_TIMEOUT_MS = 20_000;
    private static final int CLIENTS = 8;
    private static final int ROUNDS = 150;

    @Value("${local.server.port}")
    int port;

    @Test
    void everyRequestOnAKeptAliveConnectionIsAnswered() {
        Participant andrew = user("Andrew Brown");
        String token = tokenOf(andrew);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<CompletableFuture<List<Integer>>> runs = IntStream.range(0, CLIENTS)
                    .mapToObj(client -> CompletableFuture.supplyAsync(() -> oneConnection(token), clients))
                    .toList();
            for (CompletableFuture<List<Integer>> run : runs) {
                List<Integer> statuses = run.join();
                assertThat(statuses).hasSize(3 * ROUNDS);
                for (int i = 0; i < statuses.size(); i += 3) {
                    assertThat(statuses.subList(i, i + 3)).containsExactly(401, 404, 200);
                }
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** Refusals without a body alternate with answered requests, the sequence the hold-back was seen in. */
    private List<Integer> oneConnection(String token) {
        List<Integer> statuses = new ArrayList<>();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(ANSWER_TIMEOUT_MS);
            for (int round = 0; round < ROUNDS; round++) {
                statuses.add(exchange(socket, "POST /api/users/@nobody/block HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", round));
                statuses.add(exchange(socket, "POST /api/users/@nobody/block HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer " + token + "\r\nContent-Length: 0\r\n\r\n", round));
                statuses.add(exchange(socket, "GET /api/message_groups HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer " + token + "\r\n\r\n", round));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return statuses;
    }

    private static int exchange(Socket socket, String request, int round) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        try {
            return readResponse(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new AssertionError("round " + round + ": no answer on the kept-alive connection to "
                    + request.lines().findFirst().orElseThrow(), e);
        }
    }

    /** Reads one response whole (the answers here carry Content-Length) and gives its status. */
    private static int readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before a response: " + head);
            }
            head.append((char) b);
        }
        String lengthHeader = head.toString().lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .findFirst().orElseThrow(() -> new AssertionError("no Content-Length in " + head));
        in.readNBytes(Integer.parseInt(lengthHeader.substring(lengthHeader.indexOf(':') + 1).trim()));
        return Integer.parseInt(head.substring(9, 12));
    }
}
