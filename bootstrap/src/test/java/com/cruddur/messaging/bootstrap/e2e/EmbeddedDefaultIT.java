package com.cruddur.messaging.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The embedded default as README.md starts it: {@code bin/cruddur} (which finds the jar just packaged), run from a
 * folder of its own, with no other service. It is called with a development token, stopped, started again, and
 * still has the data. It listens on loopback only.
 */
class EmbeddedDefaultIT {

    private static final Path RUN_COMMAND = Path.of("..", "bin", "cruddur");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CREATED_AT = Pattern.compile("\"created_at\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern GROUP = Pattern.compile("\"message_group_uuid\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> started = new ArrayList<>();
    private final int port = freePort();
    private final int dynamoDbPort = freePort();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process process : started) {
            stop(process);
        }
    }

    @Test
    void startsCallsRestartsAndKeepsTheData() throws Exception {
        Path home = Files.createDirectories(Path.of("target", "embedded-it-" + UUID.randomUUID().toString().substring(0, 8)));

        Process first = start(home);
        assertNotReachableFromOtherMachines();
        String token = token("andrewbrown");
        HttpResponse<String> inbox = send("GET", "/api/message_groups", token, null);
        assertThat(inbox.statusCode()).isEqualTo(200);
        Matcher demoGroup = Pattern.compile("\\{\"uuid\":\"([^\"]+)\",\"display_name\":\"[^\"]*\",\"handle\":\"bayko\"")
                .matcher(inbox.body());
        assertThat(demoGroup.find()).as("andrewbrown's inbox has the demo conversation with bayko: " + inbox.body())
                .isTrue();
        List<Instant> demoTimes = createdAts(send("GET", "/api/messages/" + demoGroup.group(1) + "?limit=50", token,
                null).body());
        assertThat(demoTimes).hasSizeGreaterThanOrEqualTo(20).allMatch(time -> time.isBefore(Instant.now()));

        String text = "kept across restarts " + UUID.randomUUID();
        HttpResponse<String> sent = send("POST", "/api/messages", token,
                "{\"handle\":\"bayko\",\"message\":\"" + text + "\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        Matcher group = GROUP.matcher(sent.body());
        assertThat(group.find()).isTrue();
        assertThat(group.group(1)).as("a message to bayko goes into the demo conversation").isEqualTo(demoGroup.group(1));
        stop(first);

        start(home);
        HttpResponse<String> messages = send("GET", "/api/messages/" + group.group(1) + "?limit=50", token("bayko"), null);
        assertThat(messages.statusCode()).isEqualTo(200);
        assertThat(messages.body()).contains(text);
        assertThat(createdAts(messages.body())).as("the demo conversation is written once")
                .hasSize(Math.min(50, demoTimes.size() + 1));
        assertThat(Files.exists(home.resolve("data"))).isTrue();
    }

    /** This machine's first address that is not loopback must refuse the connection: the service binds 127.0.0.1. */
    private void assertNotReachableFromOtherMachines() throws IOException, InterruptedException {
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
                        && !address.isLinkLocalAddress())
                .findFirst();
        Assumptions.assumeTrue(external.isPresent(), "this machine has no address but loopback");
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), port), 5000))
                    .as("a connection to " + external.get().getHostAddress() + ":" + port)
                    .isInstanceOf(ConnectException.class);
        }
        assertThat(send("GET", "/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);
    }

    private static List<Instant> createdAts(String json) {
        Matcher matcher = CREATED_AT.matcher(json);
        List<Instant> times = new ArrayList<>();
        while (matcher.find()) {
            times.add(java.time.OffsetDateTime.parse(matcher.group(1)).toInstant());
        }
        return times;
    }

    private Process start(Path home) throws IOException, InterruptedException {
        Path log = home.resolve("service-" + started.size() + ".log");
        Process process = new ProcessBuilder("bash", RUN_COMMAND.toAbsolutePath().normalize().toString(),
                "--server.port=" + port,
                "--cruddur.dynamodb.embedded.port=" + dynamoDbPort)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        started.add(process);
        // The first start after a build also makes bin/cruddur's class-data archive (a training start).
        Duration patience = started.size() == 1 ? Duration.ofMinutes(10) : Duration.ofMinutes(3);
        try {
            await().atMost(patience).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the service stopped while starting:\n" + Files.readString(log));
                }
                return Files.readString(log).contains("Cruddur Messaging is ready on http://localhost:" + port);
            });
        } catch (ConditionTimeoutException notReady) {
            throw new AssertionError("the service did not get ready within " + patience.toMinutes() + " minutes:\n"
                    + Files.readString(log));
        }
        return process;
    }

    private String token(String handle) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/dev/token", null, "{\"handle\":\"" + handle + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher token = TOKEN.matcher(response.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A graceful stop (SIGTERM), as Ctrl-C would; forcibly only if it hangs. */
    private static void stop(Process process) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
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
