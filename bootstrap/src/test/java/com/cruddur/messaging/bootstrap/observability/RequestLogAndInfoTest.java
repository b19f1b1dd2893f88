package com.cruddur.messaging.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.bootstrap.CruddurMessagingApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service as a platform reads it: JSON log lines (the ECS format the AWS mode selects) with one line per request
 * carrying its route, status, duration and the request id the response carries too; and /actuator/info with the
 * build and git details.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestLogAndInfoTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GENERATED_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static ConfigurableApplicationContext app;
    private static WebTestClient http;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(CruddurMessagingApplication.class)
                .profiles("embedded")
                .run("--server.port=0",
                        "--logging.structured.format.console=ecs",
                        "--cruddur.dynamodb.embedded.port=0",
                        "--cruddur.dynamodb.embedded.data-folder=",
                        "--cruddur.users.url=r2dbc:h2:mem:///requests-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--cruddur.stream-pump.enabled=false");
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyRequestIsOneJsonLineWithRouteStatusDurationAndTheRequestIdTheResponseCarries(CapturedOutput output) {
        String id = http.get().uri("/api/users/@{handle}/short", "nobody-here")
                .header("X-Request-Id", "lb-7f3a9c.20261202:abc_1")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals("X-Request-Id", "lb-7f3a9c.20261202:abc_1")
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        JsonNode line = requestLine(output, id);

        assertThat(line.at("/log/level").asText()).isEqualTo("INFO");
        assertThat(line.at("/http/request/method").asText()).isEqualTo("GET");
        assertThat(line.at("/url/path").asText()).isEqualTo("/api/users/@nobody-here/short");
        assertThat(line.at("/http/route").asText()).isEqualTo("/api/users/@{handle}/short");
        assertThat(line.at("/http/response/status_code").asText()).isEqualTo("404");
        assertThat(Long.parseLong(line.at("/event/duration").asText())).isPositive();
        assertThat(line.at("/service/name").asText()).isEqualTo("cruddur-messaging");
        assertThat(line.path("message").asText()).contains("GET /api/users/@nobody-here/short 404").contains(id);
    }

    @Test
    void aMalformedIncomingIdIsReplacedAndARefusedRequestIsLoggedToo(CapturedOutput output) {
        String id = http.get().uri("/api/message_groups")
                .header("X-Request-Id", "not an id; <script>")
                .exchange()
                .expectStatus().isUnauthorized()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(id).matches(GENERATED_ID);
        JsonNode line = requestLine(output, id);
        assertThat(line.at("/http/response/status_code").asText()).isEqualTo("401");
        assertThat(line.at("/url/path").asText()).isEqualTo("/api/message_groups");
    }

    @Test
    void infoShowsTheBuildAndTheCommit() {
        JsonNode info = JSON.valueToTree(http.get().uri("/actuator/info").exchange()
                .expectStatus().isOk()
                .expectBody(Object.class).returnResult().getResponseBody());

        assertThat(info.at("/build/artifact").asText()).isEqualTo("bootstrap");
        assertThat(info.at("/build/group").asText()).isEqualTo("com.cruddur.messaging");
        assertThat(info.at("/build/version").asText()).isNotBlank();
        assertThat(info.at("/build/time").asText()).isNotBlank();
        // git.properties is written by the build in a git checkout; a build from a source archive has none.
        if (new ClassPathResource("git.properties").exists() && gitPropertiesHaveACommit()) {
            assertThat(info.at("/git/commit/id").asText()).matches("[0-9a-f]{7,}");
            assertThat(info.at("/git/branch").asText()).isNotBlank();
        }
    }

    @Test
    void theAwsModeLogsJsonAndTheEmbeddedDefaultPlainText() {
        assertThat(settingsOf("aws").getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(settingsOf("embedded").getProperty("logging.structured.format.console")).isNull();
    }

    private static boolean gitPropertiesHaveACommit() {
        try {
            return new ClassPathResource("git.properties").getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                    .contains("git.commit.id=");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The request's line among the JSON lines printed so far (it is written once the answer is out). */
    private static JsonNode requestLine(CapturedOutput output, String id) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> lines(output).stream().anyMatch(line -> id.equals(line.at("/http/request/id").asText())));
        List<JsonNode> matching = lines(output).stream()
                .filter(line -> id.equals(line.at("/http/request/id").asText())).toList();
        assertThat(matching).as("one line for request %s", id).hasSize(1);
        return matching.get(0);
    }

    private static List<JsonNode> lines(CapturedOutput output) {
        return output.getOut().lines()
                .filter(line -> line.startsWith("{"))
                .map(line -> {
                    try {
                        return JSON.readTree(line);
                    } catch (Exception notJson) {
                        throw new AssertionError("a log line that is not JSON: " + line, notJson);
                    }
                })
                .filter(Objects::nonNull)
                .toList();
    }

    private static StandardEnvironment settingsOf(String profile) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(profile);
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        return environment;
    }
}
