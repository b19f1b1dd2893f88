package com.cruddur.messaging.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web UI in a real browser: the Playwright tests in {@code src/test/ui} ({@code playwright-core} from npm, no
 * browser download) drive Debian's Chromium headless against the packaged service on the embedded default, started
 * as {@code bin/cruddur} starts it, from a folder of its own, on a free port. The screenshots of each step are kept
 * in {@code target/ui-artifacts}.
 *
 * <p>Chromium is {@code /usr/bin/chromium} (or {@code CHROMIUM}); {@code .ci/run} installs Debian's {@code chromium}
 * when it is missing, and so does this test when it may (as root, with apt-get). {@code playwright-core} is installed
 * with {@code npm ci} from the committed package-lock.json into {@code target/ui-tests}, again only when the lockfile
 * changed.
 */
class WebUiIT {

    private static final Path SOURCES = Path.of("src", "test", "ui");
    private static final Path UI_FILES = Path.of("..", "adapters-web", "src", "main", "resources", "cruddur-ui");
    private static final Path JAR = Path.of("target", "cruddur-messaging.jar");
    private static final Path EMBEDDED_LIB = Path.of("target", "embedded-lib");
    private static final Path WORK = Path.of("target", "ui-tests").toAbsolutePath();
    private static final Path ARTIFACTS = Path.of("target", "ui-artifacts").toAbsolutePath();
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration TESTS_TIMEOUT = Duration.ofMinutes(10);

    private static Process service;
    private static Path serviceLog;
    private static int port;

    @BeforeAll
    static void startTheService() throws Exception {
        port = freePort();
        Path home = Files.createDirectories(Path.of("target", "web-ui-it-" + UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath());
        serviceLog = home.resolve("service.log");
        // What bin/cruddur runs, with its own ports so it never meets a service already running here.
        service = new ProcessBuilder(javaBinary(), "-Dloader.path=" + EMBEDDED_LIB.toAbsolutePath(),
                "-Dspring.profiles.active=embedded", "-jar", JAR.toAbsolutePath().toString(),
                "--server.port=" + port, "--cruddur.dynamodb.embedded.port=" + freePort())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(serviceLog.toFile())
                .start();
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!service.isAlive()) {
                    throw new AssertionError("the service stopped while starting:\n" + Files.readString(serviceLog));
                }
                return Files.readString(serviceLog).contains("Cruddur Messaging is ready on http://localhost:" + port);
            });
        } catch (ConditionTimeoutException notReady) {
            throw new AssertionError("the service did not get ready within 3 minutes:\n" + Files.readString(serviceLog));
        }
    }

    @AfterAll
    static void stopTheService() throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroy();
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void thePlaywrightTestsPassInChromium() throws Exception {
        Path chromium = chromium();
        install();
        Files.createDirectories(ARTIFACTS);
        Path output = WORK.resolve("ui-tests.log");
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-concurrency=1", "--test-reporter=spec",
                "time.test.mjs", "ui.test.mjs")
                .directory(WORK.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        node.environment().put("CRUDDUR_URL", "http://localhost:" + port);
        node.environment().put("CHROMIUM", chromium.toString());
        node.environment().put("ARTIFACTS", ARTIFACTS.toString());
        node.environment().put("NO_COLOR", "1");
        Process tests = node.start();
        if (!tests.waitFor(TESTS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            tests.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the browser tests took over " + TESTS_TIMEOUT + ":\n" + Files.readString(output));
        }
        String report = Files.readString(output);
        System.out.println(report);
        assertThat(tests.exitValue())
                .as("the browser tests (screenshots in %s):%n%s%nthe service's log: %s", ARTIFACTS, report, serviceLog)
                .isZero();
        try (Stream<Path> shots = Files.list(ARTIFACTS)) {
            assertThat(shots.filter(file -> file.toString().endsWith(".png"))).as("screenshots of the steps")
                    .hasSizeGreaterThanOrEqualTo(10);
        }
    }

    /** Debian's Chromium: installed from the distribution's packages when missing and this process may. */
    private static Path chromium() throws IOException, InterruptedException {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium) && Files.isExecutable(Path.of("/usr/bin/apt-get"))
                && "root".equals(System.getProperty("user.name"))) {
            Path log = WORK.resolve("apt-get.log");
            Files.createDirectories(WORK);
            run(List.of("bash", "-c", "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium"),
                    log, INSTALL_TIMEOUT);
        }
        assertThat(Files.isExecutable(chromium))
                .as("%s is needed for the browser tests: apt-get install chromium (.ci/run does)", chromium).isTrue();
        return chromium;
    }

    /** The test scripts and the UI's time module next to {@code node_modules}; {@code npm ci} when the lock changed. */
    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK.resolve("cruddur-ui"));
        for (String file : List.of("package.json", "ui.test.mjs", "time.test.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(UI_FILES.resolve("time.js"), WORK.resolve("cruddur-ui/time.js"), StandardCopyOption.REPLACE_EXISTING);
        byte[] lockfile = Files.readAllBytes(SOURCES.resolve("package-lock.json"));
        Path installedLock = WORK.resolve("node_modules/.installed-package-lock.json");
        if (Files.exists(installedLock) && Arrays.equals(Files.readAllBytes(installedLock), lockfile)
                && Files.exists(WORK.resolve("node_modules/playwright-core/package.json"))) {
            return;
        }
        Files.write(WORK.resolve("package-lock.json"), lockfile);
        // playwright-core has no install script and downloads no browser; --ignore-scripts keeps it that way.
        run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"),
                WORK.resolve("npm-ci.log"), INSTALL_TIMEOUT);
        Files.write(installedLock, lockfile);
    }

    private static void run(List<String> command, Path log, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(String.join(" ", command) + " took over " + timeout + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                    + Files.readString(log));
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
