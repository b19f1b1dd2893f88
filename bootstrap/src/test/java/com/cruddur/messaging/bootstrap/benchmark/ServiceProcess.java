package com.cruddur.messaging.bootstrap.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service as it is deployed: the built jar in AWS mode against the benchmark's DynamoDB Local, PostgreSQL and
 * test issuer, API and Actuator (on a management port) on 127.0.0.1. Ready when the readiness probe says UP.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern CAPACITY = Pattern.compile(
            "^cruddur_dynamodb_consumed_capacity[a-z_]*_total\\{([^}]*)} ([0-9.eE+-]+)$");
    private static final String COMPILATION = "jvm_compilation_time_ms_total";
    private static final Pattern TAG = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** What the service is pointed at. */
    record Target(Path jar, String javaOptions, URI dynamoDb, String region, String table, boolean streamPump,
                  String jwksUrl, String usersUrl) {
    }

    private final Child child;
    private final int port;
    private final int managementPort;
    private final double startSeconds;

    private ServiceProcess(Child child, int port, int managementPort, double startSeconds) {
        this.child = child;
        this.port = port;
        this.managementPort = managementPort;
        this.startSeconds = startSeconds;
    }

    /** Starts the service and waits until it is ready (or fails with its log). */
    static ServiceProcess start(String name, Target target, Path log) {
        return start(name, target, log, List.of());
    }

    /** As {@link #start(String, Target, Path)}, with more {@code --name=value} arguments for the service. */
    static ServiceProcess start(String name, Target target, Path log, List<String> moreArguments) {
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : target.javaOptions().trim().split("\\s+")) {
            if (!option.isBlank()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-jar", target.jar().toString(),
                "--spring.profiles.active=aws",
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--management.server.address=127.0.0.1",
                "--management.server.port=" + managementPort,
                "--cruddur.dynamodb.endpoint=" + target.dynamoDb(),
                "--cruddur.dynamodb.region=" + target.region(),
                "--cruddur.dynamodb.table=" + target.table(),
                "--cruddur.stream-pump.enabled=" + target.streamPump(),
                "--cruddur.auth.jwks-url=" + target.jwksUrl(),
                "--cruddur.auth.issuer=" + TestIssuer.ISSUER,
                "--cruddur.auth.client-ids=" + TestIssuer.CLIENT_ID,
                "--cruddur.users.url=" + target.usersUrl(),
                "--cruddur.users.username=postgres"));
        command.addAll(moreArguments);
        long started = System.nanoTime();
        Child child = Child.start(name, command, log, null);
        ServiceProcess service = new ServiceProcess(child, port, managementPort, Double.NaN);
        long deadline = started + Duration.ofSeconds(300).toNanos();
        while (!service.ready()) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.close();
                throw new IllegalStateException(name + " did not get ready: " + child.tail());
            }
            Child.sleep(Duration.ofMillis(50));
        }
        return new ServiceProcess(child, port, managementPort, (System.nanoTime() - started) / 1e9);
    }

    private boolean ready() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    URI api() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Child child() {
        return child;
    }

    /** Seconds from the process start to the readiness probe's first UP. */
    double startSeconds() {
        return startSeconds;
    }

    /** Capacity units counted so far by the adapter's metric, per access pattern (A-E). */
    Map<String, Double> capacityByPattern() {
        Map<String, Double> units = new TreeMap<>();
        for (String line : metrics()) {
            Matcher metric = CAPACITY.matcher(line);
            if (metric.matches()) {
                Matcher tag = TAG.matcher(metric.group(1));
                while (tag.find()) {
                    if (tag.group(1).equals("pattern")) {
                        units.merge(tag.group(2), Double.parseDouble(metric.group(2)), Double::sum);
                    }
                }
            }
        }
        return units;
    }

    /** The JIT compilers' time so far (Micrometer's {@code jvm.compilation.time}), in ms. */
    double compilationMillis() {
        return metrics().stream().filter(line -> line.startsWith(COMPILATION))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .reduce(Double::sum)
                .orElseThrow(() -> new IllegalStateException("the service's metrics have no " + COMPILATION));
    }

    private List<String> metrics() {
        try {
            return List.of(HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body().split("\n"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the service's metrics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs jcmd against the service (flight recordings). */
    String jcmd(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(child.pid()));
        command.addAll(List.of(arguments));
        return Child.run(command, Duration.ofSeconds(60));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        child.close();
    }
}
