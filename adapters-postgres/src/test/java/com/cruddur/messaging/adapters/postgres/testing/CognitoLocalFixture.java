package com.cruddur.messaging.adapters.postgres.testing;

import static org.awaitility.Awaitility.await;

import com.cruddur.messaging.adapters.postgres.cognito.CognitoClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * cognito-local (the npm Cognito user-pool emulator) in a node process of its own, on a free 127.0.0.1 port, with a
 * fresh data directory. The package is installed with {@code npm ci} from the package.json and package-lock.json
 * committed next to this fixture, into {@code target/cognito-local} of the module running the tests (reused while the
 * lockfile is unchanged). {@link #close()} stops the server by its PID.
 *
 * <p>Facts worth knowing: pools sign in by email (the stored user name is the {@code sub}); ListUsers ignores
 * {@code Limit} and never returns a pagination token; tokens are RS256 with {@code iss} =
 * {@code http://127.0.0.1:<port>/<poolId>} and the JWKS at {@link #jwksUri(String)}.
 */
public final class CognitoLocalFixture implements AutoCloseable {

    public static final Region REGION = Region.US_EAST_1;
    private static final String RESOURCES = "/cognito-local/";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private final Process process;
    private final int port;
    private final Path dataDirectory;
    private final CognitoIdentityProviderAsyncClient client;

    private CognitoLocalFixture(Process process, int port, Path dataDirectory) {
        this.process = process;
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.client = CognitoClients.create(endpoint(), REGION,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }

    /** Installs cognito-local if needed and starts a server with no pools; the caller closes it. */
    public static CognitoLocalFixture start() {
        Path home = Path.of("target", "cognito-local").toAbsolutePath();
        install(home);
        Path script = home.resolve("node_modules/cognito-local/lib/bin/start.js");
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            Path data = home.resolve("runs").resolve(UUID.randomUUID().toString());
            int port = freePort();
            Process process = launch(script, data, port);
            try {
                awaitHealthy(process, port, data);
                CognitoLocalFixture fixture = new CognitoLocalFixture(process, port, data);
                Runtime.getRuntime().addShutdownHook(new Thread(fixture::stopProcess, "stop-cognito-local-" + port));
                return fixture;
            } catch (IllegalStateException e) {
                stop(process);
                failure = e; // most likely the port was taken between choosing and binding it
            }
        }
        throw failure;
    }

    /** The endpoint to give the Cognito SDK client. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** The {@code iss} of tokens issued for {@code userPoolId}. */
    public String issuer(String userPoolId) {
        return "http://127.0.0.1:" + port + "/" + userPoolId;
    }

    public URI jwksUri(String userPoolId) {
        return URI.create(issuer(userPoolId) + "/.well-known/jwks.json");
    }

    /** An async Cognito client for this server (any credentials do); closed with the fixture. */
    public CognitoIdentityProviderAsyncClient client() {
        return client;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Creates a user pool (signing in by email) and returns its id. */
    public String createUserPool(String name) {
        return client.createUserPool(r -> r.poolName(name)).join().userPool().id();
    }

    /** Creates an app client allowing user-password sign-in and returns its client id. */
    public String createAppClient(String userPoolId, String name) {
        return client.createUserPoolClient(r -> r.userPoolId(userPoolId).clientName(name)
                        .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .join().userPoolClient().clientId();
    }

    /**
     * Creates a confirmed user with this email, {@code preferred_username} (null: none) and name, password
     * {@code password}; returns the user's {@code sub}.
     */
    public String createUser(String userPoolId, String email, String preferredUsername, String name, String password) {
        List<AttributeType> attributes = new ArrayList<>(List.of(
                attribute("email", email), attribute("email_verified", "true"), attribute("name", name)));
        if (preferredUsername != null) {
            attributes.add(attribute("preferred_username", preferredUsername));
        }
        AdminCreateUserResponse created = client.adminCreateUser(r -> r.userPoolId(userPoolId).username(email)
                .messageAction(MessageActionType.SUPPRESS).userAttributes(attributes)).join();
        client.adminSetUserPassword(r -> r.userPoolId(userPoolId).username(email).password(password).permanent(true))
                .join();
        return created.user().attributes().stream()
                .filter(a -> "sub".equals(a.name()))
                .map(AttributeType::value)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("cognito-local returned no sub for " + email));
    }

    /** Sets attributes of the user signed in by {@code email}, as a user editing their profile would. */
    public void updateAttributes(String userPoolId, String email, Map<String, String> attributes) {
        client.adminUpdateUserAttributes(r -> r.userPoolId(userPoolId).username(email)
                .userAttributes(attributes.entrySet().stream()
                        .map(attribute -> attribute(attribute.getKey(), attribute.getValue())).toList())).join();
    }

    /** Signs in with user name and password; returns the access token. */
    public String accessToken(String appClientId, String email, String password) {
        return client.initiateAuth(r -> r.clientId(appClientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", email, "PASSWORD", password)))
                .join().authenticationResult().accessToken();
    }

    /** Stops the server (by PID) and closes the client. */
    @Override
    public void close() {
        client.close();
        stopProcess();
    }

    private void stopProcess() {
        stop(process);
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    /** {@code npm ci} into {@code home} unless the same lockfile is already installed there. */
    private static synchronized void install(Path home) {
        try {
            Files.createDirectories(home);
            byte[] packageJson = resource("package.json");
            byte[] lockfile = resource("package-lock.json");
            Path installedLock = home.resolve("node_modules/.installed-package-lock.json");
            if (Files.exists(installedLock) && Arrays.equals(Files.readAllBytes(installedLock), lockfile)
                    && Files.exists(home.resolve("node_modules/cognito-local/lib/bin/start.js"))) {
                return;
            }
            Files.write(home.resolve("package.json"), packageJson);
            Files.write(home.resolve("package-lock.json"), lockfile);
            Path log = home.resolve("npm-ci.log");
            Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci for cognito-local took over " + INSTALL_TIMEOUT + "; see " + log);
            }
            if (npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci for cognito-local failed (exit " + npm.exitValue() + "): "
                        + Files.readString(log));
            }
            Files.write(installedLock, lockfile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install cognito-local under " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing cognito-local", e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CognitoLocalFixture.class.getResourceAsStream(RESOURCES + name)) {
            return Objects.requireNonNull(in, "missing test resource " + RESOURCES + name).readAllBytes();
        }
    }

    /** The server keeps its state in {@code ./.cognito} of its working directory: a fresh one per start. */
    private static Process launch(Path script, Path data, int port) {
        try {
            Files.createDirectories(data);
            ProcessBuilder builder = new ProcessBuilder("node", script.toString())
                    .directory(data.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(data.resolve("cognito-local.log").toFile());
            builder.environment().put("HOST", "127.0.0.1");
            builder.environment().put("PORT", Integer.toString(port));
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start cognito-local (is node installed?)", e);
        }
    }

    private static void awaitHealthy(Process process, int port, Path data) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            await().atMost(STARTUP_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("cognito-local exited with " + process.exitValue() + "; "
                            + log(data));
                }
                try {
                    HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200 && response.body().contains("\"ok\":true");
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException notAnswering) {
            throw new IllegalStateException("cognito-local did not answer on port " + port + " within "
                    + STARTUP_TIMEOUT + "; " + log(data));
        }
    }

    private static String log(Path data) {
        try {
            return "its log: " + Files.readString(data.resolve("cognito-local.log"));
        } catch (IOException e) {
            return "no log";
        }
    }

    private static void stop(Process process) {
        ProcessHandle handle = process.toHandle();
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                handle.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            handle.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
