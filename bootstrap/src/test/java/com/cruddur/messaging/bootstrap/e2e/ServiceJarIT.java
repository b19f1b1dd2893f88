package com.cruddur.messaging.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.adapters.postgres.testing.PostgresFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service jar as it runs in AWS: without the embedded default's extra class path, so without DynamoDB
 * Local; and how it refuses to start when its mode is missing or contradicted by its settings. Each start is a
 * {@code java -jar} of its own, against DynamoDB Local and PostgreSQL started by the tests.
 */
class ServiceJarIT {

    private static final Path JAR = Path.of("target", "cruddur-messaging.jar");
    private static final Path EMBEDDED_LIB = Path.of("target", "embedded-lib");
    private static final Duration WAIT = Duration.ofMinutes(3);
    /** What only the embedded default needs: DynamoDB Local, its HTTP server, its SQLite and its SDK v1. */
    private static final List<String> EMULATOR_PARTS = List.of("DynamoDBLocal", "jetty-", "sqlite4java", "aws-java-sdk-");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> started = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void theServiceJarCarriesNoEmulatorAndTheEmbeddedLibDoes() throws IOException {
        List<String> libraries;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            libraries = jar.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/")).toList();
        }
        assertThat(libraries).isNotEmpty()
                .noneMatch(name -> EMULATOR_PARTS.stream().anyMatch(part -> name.contains("/" + part)));

        List<String> extras;
        try (Stream<Path> files = Files.list(EMBEDDED_LIB)) {
            extras = files.map(file -> file.getFileName().toString()).toList();
        }
        assertThat(extras).anyMatch(name -> name.startsWith("DynamoDBLocal-"))
                .anyMatch(name -> name.startsWith("jetty-server-"));
        System.out.printf("service jar %.1f MB, embedded-lib %.1f MB in %d files%n", Files.size(JAR) / 1e6,
                size(EMBEDDED_LIB) / 1e6, extras.size());
    }

    @Test
    void inTheAwsModeItStartsWithoutDynamoDbLocalAndServesHealthOnlyOnTheManagementPort() throws Exception {
        int port = freePort();
        int managementPort = freePort();
        Path log = logFile("aws");
        Process service = start(log, List.of(), "aws", awsSettings(port, managementPort,
                DynamoDbLocalFixture.freshTable("jar")));

        await().atMost(WAIT).until(() -> {
            assertThat(service.isAlive()).as(() -> read(log)).isTrue();
            return status(managementPort, "/actuator/health/readiness") == 200;
        });
        assertThat(status(port, "/actuator/health")).isEqualTo(404);
        assertThat(status(port, "/actuator/prometheus")).isEqualTo(404);
        assertThat(status(managementPort, "/actuator/prometheus")).isEqualTo(200);
        assertThat(status(port, "/api/users/@nobody/short")).isEqualTo(404);
        assertThat(status(port, "/api/message_groups")).isEqualTo(401);
        // The AWS mode logs ECS JSON lines, where the profile's quotes are escaped.
        assertThat(read(log)).doesNotContain("ClassNotFoundException", "NoClassDefFoundError")
                .contains("The following 1 profile is active: \\\"aws\\\"");
        assertThat(read(log).lines()).filteredOn(line -> line.contains("Started CruddurMessagingApplication"))
                .singleElement().satisfies(line -> assertThat(line).startsWith("{\"@timestamp\":").endsWith("}"));
    }

    @Test
    void withoutAModeItRefusesToStartInOneLineNamingTheTwoWaysToRun() throws Exception {
        Path log = logFile("no-mode");
        Process service = start(log, List.of(), null, List.of("--server.port=" + freePort()));

        assertThat(service.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(service.exitValue()).isNotZero();
        assertThat(lines(log)).singleElement().asString()
                .startsWith("Cruddur Messaging cannot start: no run mode is chosen")
                .contains("bin/cruddur", "SPRING_PROFILES_ACTIVE=aws");
    }

    @Test
    void theEmbeddedDefaultRefusesProductionSettingsInOneLine() throws Exception {
        Path log = logFile("embedded-production");
        Process service = start(log, List.of("-Dloader.path=" + EMBEDDED_LIB.toAbsolutePath()), "embedded", List.of(
                "--server.port=" + freePort(),
                "--cruddur.auth.jwks-url=https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool/.well-known/jwks.json",
                "--cruddur.users.url=r2dbc:postgresql://db.example.com:5432/cruddur",
                "--cruddur.dynamodb.endpoint=https://dynamodb.us-east-1.amazonaws.com"));

        assertThat(service.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(service.exitValue()).isNotZero();
        assertThat(lines(log)).singleElement().asString()
                .startsWith("Cruddur Messaging cannot start: the embedded default refuses production settings")
                .contains("cruddur.auth.jwks-url", "cruddur.users.url", "cruddur.dynamodb.endpoint");
    }

    @Test
    void inTheAwsModeAMissingTableEndsTheStartWithOneClearLine() throws Exception {
        Path log = logFile("missing-table");
        String missing = "missing-" + UUID.randomUUID().toString().substring(0, 8);
        Process service = start(log, List.of(), "aws", awsSettings(freePort(), freePort(), missing));

        assertThat(service.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as(() -> read(log)).isTrue();
        assertThat(service.exitValue()).isNotZero();
        List<String> refusals = lines(log).stream().filter(line -> line.startsWith("Cruddur Messaging cannot start"))
                .toList();
        assertThat(refusals).singleElement().asString().contains("'" + missing + "'", "does not exist", "schema-load");
        assertThat(read(log)).doesNotContain("\tat ");
    }

    private static List<String> awsSettings(int port, int managementPort, String table) {
        PostgresFixture postgres = PostgresFixture.shared();
        return List.of(
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--cruddur.dynamodb.endpoint=" + DynamoDbLocalFixture.endpoint(),
                "--cruddur.dynamodb.table=" + table,
                "--cruddur.users.url=" + postgres.url(),
                "--cruddur.users.username=" + postgres.username(),
                "--cruddur.users.password=" + postgres.password(),
                "--cruddur.auth.jwks-url=http://127.0.0.1:1/jwks.json",
                "--cruddur.auth.issuer=https://cognito-idp.us-east-1.amazonaws.com/us-east-1_JarTest",
                "--cruddur.auth.client-ids=jar-test-client");
    }

    /** {@code java [jvmOptions] -jar cruddur-messaging.jar [arguments]} with only the given mode in its environment. */
    private Process start(Path log, List<String> jvmOptions, String mode, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("CRUDDUR_"));
        if (mode != null) {
            builder.environment().put("SPRING_PROFILES_ACTIVE", mode);
        }
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private static Path logFile(String name) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "service-jar-it"));
        return folder.resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".log");
    }

    private static List<String> lines(Path log) {
        return read(log).lines().filter(line -> !line.isBlank())
                // the JVM's own notes on standard error are not the service's output
                .filter(line -> !line.startsWith("OpenJDK") && !line.startsWith("Picked up"))
                .toList();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
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
