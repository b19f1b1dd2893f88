package com.cruddur.messaging.adapters.dynamodb.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A store whose answers to writes get lost, as DynamoDB's do when they come too late for the SDK's attempt timeout
 * or the connection breaks: a TCP proxy in front of DynamoDB Local that forwards every request, lets each write
 * land, and drops the answer to the first attempt of every write ({@code PutItem}, {@code TransactWriteItems}):
 * once the answer starts to arrive (the write is done by then) it closes the client's connection instead of passing
 * it on. The SDK then sends the same write again, and the retry reaches a table that already holds it.
 *
 * <p>Closing rather than holding the answer past an attempt timeout keeps the tests free of timing: with a short
 * attempt timeout an ordinary attempt on a busy machine times out too, with a long one every lost answer costs it.
 * The SDK numbers its attempts in the {@code amz-sdk-request} header ({@code attempt=1; max=..}); only first
 * attempts lose their answer, so every retry is answered normally. Requests are read one at a time per connection
 * (the SDK does not pipeline), so a dropped answer never hides another one.
 */
public final class LostWriteResponsesProxy implements AutoCloseable {

    private static final Pattern REQUEST_TOKEN = Pattern.compile(
            "\"ClientRequestToken\"\\s*:\\s*\"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"");
    private static final Set<String> WRITES = Set.of("DynamoDB_20120810.PutItem",
            "DynamoDB_20120810.TransactWriteItems");

    private final URI upstream;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger lost = new AtomicInteger();
    private final boolean forgetRequestTokens;
    private volatile boolean closed;

    private LostWriteResponsesProxy(URI upstream, boolean forgetRequestTokens) throws IOException {
        this.upstream = upstream;
        this.forgetRequestTokens = forgetRequestTokens;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::acceptAll, "lost-write-responses-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy in front of {@code upstream} (an {@code http://host:port} endpoint). */
    public static LostWriteResponsesProxy in(URI upstream) {
        return start(upstream, false);
    }

    /**
     * A proxy that also gives every attempt of a transaction a new {@code ClientRequestToken}. With the SDK's own
     * token (the same on every attempt) DynamoDB answers a repeated transaction that landed within ten minutes as a
     * success; this proxy takes that away, so a test sees what the adapter makes of a repeated transaction that
     * landed (past that window, or sent again by something other than the SDK).
     */
    public static LostWriteResponsesProxy forgettingRequestTokens(URI upstream) {
        return start(upstream, true);
    }

    private static LostWriteResponsesProxy start(URI upstream, boolean forgetRequestTokens) {
        try {
            return new LostWriteResponsesProxy(upstream, forgetRequestTokens);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort());
    }

    /** How many answers to first attempts of writes were dropped so far. */
    public int lostAnswers() {
        return lost.get();
    }

    private void acceptAll() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket store = new Socket(upstream.getHost(), upstream.getPort());
                sockets.add(client);
                sockets.add(store);
                AtomicBoolean dropAnswer = new AtomicBoolean();
                start(() -> forwardRequests(client, store, dropAnswer));
                start(() -> forwardAnswers(store, client, dropAnswer));
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static void start(Runnable pump) {
        Thread thread = new Thread(pump, "lost-write-responses-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void forwardRequests(Socket client, Socket store, AtomicBoolean dropAnswer) {
        try (client; store) {
            InputStream in = client.getInputStream();
            OutputStream out = store.getOutputStream();
            byte[] head;
            while ((head = readHead(in)) != null) {
                String headers = new String(head, StandardCharsets.ISO_8859_1);
                byte[] body = in.readNBytes(contentLength(headers));
                if (forgetRequestTokens) {
                    body = withNewRequestToken(body);
                }
                if (isWrite(headers) && isFirstAttempt(headers)) {
                    // Before forwarding: the answer must not slip through ahead of the flag.
                    dropAnswer.set(true);
                    lost.incrementAndGet();
                }
                out.write(head);
                out.write(body);
                out.flush();
            }
        } catch (IOException closedByEitherSide) {
            // The answer was dropped, the client closed its connection, or the test is over.
        } finally {
            sockets.remove(client);
            sockets.remove(store);
        }
    }

    private static void forwardAnswers(Socket store, Socket client, AtomicBoolean dropAnswer) {
        byte[] buffer = new byte[16 * 1024];
        try (store; client) {
            InputStream in = store.getInputStream();
            OutputStream out = client.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (dropAnswer.get()) {
                    return; // the write is done; closing both sockets loses its answer
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException closedByEitherSide) {
            // The request side closes both sockets when the client closes its connection.
        }
    }

    /** The body with its request token replaced by a random one of the same length (a uuid, as the SDK's is). */
    private static byte[] withNewRequestToken(byte[] body) {
        String json = new String(body, StandardCharsets.UTF_8);
        Matcher token = REQUEST_TOKEN.matcher(json);
        if (!token.find()) {
            return body;
        }
        return (json.substring(0, token.start(1)) + UUID.randomUUID() + json.substring(token.end(1)))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The request line and headers up to the blank line, or null at the end of the stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a) {
                return head.toByteArray();
            }
        }
        return null;
    }

    private static int contentLength(String headers) {
        String value = header(headers, "content-length");
        return value == null ? 0 : Integer.parseInt(value.trim());
    }

    private static boolean isWrite(String headers) {
        String target = header(headers, "x-amz-target");
        return target != null && WRITES.contains(target.trim());
    }

    private static boolean isFirstAttempt(String headers) {
        String attempt = header(headers, "amz-sdk-request");
        return attempt != null && attempt.replace(" ", "").contains("attempt=1;");
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1);
            }
        }
        return null;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
