package com.cruddur.messaging.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container image the build writes (target/cruddur-messaging-image.tar, Jib's buildTar, no Docker daemon), read
 * as {@code docker load} reads it: the manifest, the image configuration and every layer.
 */
class ImageTarIT {

    private static final Path TAR = Path.of("target", "cruddur-messaging-image.tar");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode config;
    /** Every path in every layer ("opt/java/bin/java"), with its mode. */
    private static final Map<String, Integer> files = new HashMap<>();
    private static String release;

    @BeforeAll
    static void readTheImage() throws IOException {
        assertThat(TAR).as("the image the package phase builds").isRegularFile();
        Map<String, byte[]> entries = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(TAR))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isFile()) {
                    entries.put(entry.getName(), tar.readAllBytes());
                }
            }
        }
        JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
        config = JSON.readTree(entries.get(manifest.get("Config").asString()));
        List<String> layers = manifest.get("Layers").valueStream().map(JsonNode::asString).toList();
        assertThat(layers).isNotEmpty();
        for (String layer : layers) {
            try (InputStream gzip = new GZIPInputStream(new java.io.ByteArrayInputStream(entries.get(layer)));
                 TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    String name = entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "")
                            .replaceFirst("/$", "");
                    files.put(name, entry.getMode() & 07777);
                    if (name.equals("opt/java/release")) {
                        release = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
    }

    private static List<String> shippedJvmOptions() {
        try {
            List<String> options = Files.readAllLines(Path.of("..", "bin", "jvm-options")).stream()
                    .filter(line -> !line.startsWith("#"))
                    .flatMap(line -> java.util.Arrays.stream(line.trim().split("\\s+")))
                    .filter(option -> !option.isEmpty())
                    .toList();
            assertThat(options).as("bin/jvm-options").isNotEmpty();
            return options;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void runsTheServiceWithItsJvmOptionsInTheAwsMode() {
        List<String> entrypoint = config.get("config").get("Entrypoint").valueStream().map(JsonNode::asString).toList();
        assertThat(entrypoint.get(0)).isEqualTo("java");
        // The image runs with the options the project ships (bin/jvm-options), the ones bin/cruddur uses.
        assertThat(entrypoint).containsSubsequence(shippedJvmOptions());
        assertThat(entrypoint.get(entrypoint.size() - 1))
                .isEqualTo("com.cruddur.messaging.bootstrap.CruddurMessagingApplication");
        List<String> env = config.get("config").get("Env").valueStream().map(JsonNode::asString).toList();
        assertThat(env).contains("PATH=/opt/java/bin", "JAVA_HOME=/opt/java", "SPRING_PROFILES_ACTIVE=aws");
        assertThat(files).containsKey("opt/java/bin/java");
        assertThat(files.get("opt/java/bin/java") & 0111).as("java is executable").isNotZero();
        assertThat(files).containsKey("app/classes/com/cruddur/messaging/bootstrap/CruddurMessagingApplication.class");
        assertThat(files).containsKey("app/classes/com/cruddur/messaging/bootstrap/image/HealthProbe.class");
        assertThat(files.keySet()).anyMatch(name -> name.matches("app/libs/spring-boot-4\\.1\\.0\\.jar"));
    }

    @Test
    void runsAsAUserThatIsNotRoot() {
        String user = config.get("config").get("User").asString();
        assertThat(user).isEqualTo("65532:65532");
        assertThat(user.split(":")[0]).isNotIn("0", "root");
        assertThat(files.get("tmp")).as("a temporary folder the user can write").isEqualTo(0777);
    }

    @Test
    void exposesTheApiAndTheManagementPort() {
        Set<String> ports = new TreeSet<>();
        config.get("config").get("ExposedPorts").propertyNames().forEach(ports::add);
        assertThat(ports).containsExactly("8080/tcp", "8081/tcp");
        assertThat(config.get("config").get("Labels").get("cruddur.healthcheck").asString())
                .contains("/actuator/health/readiness");
    }

    @Test
    void carriesARuntimeAndNoBuildTools() {
        assertThat(release).as("the runtime's release file").contains("MODULES=").contains("java.base");
        // What the service loads: the annotation model (Spring Data's AOT processing), java.beans, Unsafe (Netty).
        assertThat(release).contains("java.compiler", "java.desktop", "jdk.unsupported", "java.sql", "java.net.http");
        assertThat(release).doesNotContain("jdk.compiler").doesNotContain("jdk.jlink").doesNotContain("jdk.jdeps");
        Set<String> names = new TreeSet<>(files.keySet());
        assertThat(names).noneMatch(name -> name.matches(".*/bin/(javac|jar|jlink|jdeps|jshell|javadoc|jarsigner)"));
        assertThat(names).noneMatch(name -> name.matches("(?i).*(maven|mvnw|plexus|\\.m2/).*"));
        assertThat(names).noneMatch(name -> name.matches("(?i).*(DynamoDBLocal|sqlite4java|junit|mockito|"
                + "assertj|testcontainers|archunit).*"));
        assertThat(names).noneMatch(name -> name.endsWith(".java"));
        assertThat(names).contains("lib/x86_64-linux-gnu/libc.so.6", "lib64/ld-linux-x86-64.so.2");
    }
}
