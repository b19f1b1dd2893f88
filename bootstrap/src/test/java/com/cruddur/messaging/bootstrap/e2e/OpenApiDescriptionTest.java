package com.cruddur.messaging.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.local.LocalDynamoDb;
import com.cruddur.messaging.adapters.web.dev.DevTokenIssuer;
import com.cruddur.messaging.bootstrap.CruddurMessagingApplication;
import com.cruddur.messaging.domain.Handle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed OpenAPI description against the running service (the embedded default, in this JVM): every route
 * the service serves is described, every described route exists, and every status described for a route is
 * produced here, against the live service; every problem code a response carries is one the description lists.
 */
class OpenApiDescriptionTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() { };
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static ConfigurableApplicationContext app;
    private static WebTestClient http;
    private static Map<String, Object> description;

    /** "GET /api/messages/{messageGroupUuid} 404", for each status a request here got. */
    private static final Set<String> produced = new TreeSet<>();
    private static final Set<String> problemCodes = new TreeSet<>();

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(CruddurMessagingApplication.class)
                .profiles("embedded")
                .run("--server.port=0",
                        "--cruddur.dynamodb.embedded.port=0",
                        "--cruddur.dynamodb.embedded.data-folder=",
                        "--cruddur.users.url=r2dbc:h2:mem:///openapi-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--cruddur.live.max-streams=1",
                        "--cruddur.web.max-request-body=2KB");
        // A connection per request: this test counts which statuses each route produces, and a request must not
        // wait on what the previous one left on a reused connection. Reactor Netty held such a request back until
        // the connection closed; the service's fix is a setting read once per JVM (ConnectionTimeouts), and in this
        // shared test JVM another test's server may have loaded Reactor Netty first. KeptAliveConnectionTest
        // (adapters-web) checks the fix in a JVM of its own.
        http = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.newConnection()))
                .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        description = http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void describesOpenApi31() {
        assertThat(description).containsEntry("openapi", "3.1.0");
        assertThat(map(description.get("info"))).containsKeys("title", "version");
        http.get().uri("/v3/api-docs.yaml").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/yaml"))
                .expectBody(String.class).value(yaml -> assertThat(yaml).startsWith("openapi: 3.1.0"));
    }

    @Test
    void everyServedRouteIsDescribedAndEveryDescribedRouteIsServed() {
        // The only routes outside annotated controllers are the web UI's page and files, which are not the API.
        assertThat(app.getBeansOfType(RouterFunction.class)).as("routes outside annotated controllers")
                .containsOnlyKeys("uiRoutes");
        RequestMappingHandlerMapping mapping = app.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        Set<String> served = new TreeSet<>();
        mapping.getHandlerMethods().keySet().forEach(info -> {
            for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                info.getMethodsCondition().getMethods().forEach(method ->
                        served.add(method.name() + " " + pattern.getPatternString()));
            }
        });

        assertThat(served).isNotEmpty().contains("POST /dev/token", "GET /api/events");
        assertThat(describedRoutes()).isEqualTo(served);
    }

    @Test
    void everyDescribedStatusIsProducedAndEveryProblemCodeIsDescribed() {
        String andrew = devToken("andrewbrown");
        String bayko = devToken("bayko");
        String nobody = app.getBean(DevTokenIssuer.class).issue(new Handle("nobody")).block();

        // /dev/token
        call(HttpMethod.POST, "/dev/token", "/dev/token", null, "{\"handle\":\"andrewbrown\"}", 200);
        call(HttpMethod.POST, "/dev/token", "/dev/token", null, "{\"handle\":", 400);
        call(HttpMethod.POST, "/dev/token", "/dev/token", null, "{\"handle\":\"andrewbrown\"}", 403,
                request -> request.header(HttpHeaders.HOST, "cruddur.example.com"));
        call(HttpMethod.POST, "/dev/token", "/dev/token", null, "{\"handle\":\"nosuchuser\"}", 404);
        call(HttpMethod.POST, "/dev/token", "/dev/token", null, "handle=andrewbrown", 415,
                request -> request.contentType(MediaType.TEXT_PLAIN));
        call(HttpMethod.POST, "/dev/token", "/dev/token", null, "{\"handle\":\"no spaces allowed\"}", 404);

        // /dev/users
        call(HttpMethod.GET, "/dev/users", "/dev/users", null, null, 200);
        call(HttpMethod.GET, "/dev/users", "/dev/users", null, null, 403,
                request -> request.header(HttpHeaders.HOST, "cruddur.example.com"));

        // /api/users/@{handle}/short
        String userShort = "/api/users/@{handle}/short";
        call(HttpMethod.GET, userShort, "/api/users/@bayko/short", null, null, 200);
        call(HttpMethod.GET, userShort, "/api/users/@nosuchuser/short", null, null, 404);
        call(HttpMethod.GET, userShort, "/api/users/@" + "x".repeat(300) + "/short", null, null, 404);

        // POST /api/messages
        String send = "/api/messages";
        Object sent = call(HttpMethod.POST, send, send, andrew,
                "{\"handle\":\"bayko\",\"message\":\"hello from the description check\"}", 200);
        String group = (String) map(sent).get("message_group_uuid");
        call(HttpMethod.POST, send, send, andrew, "{\"message\":", 400);
        call(HttpMethod.POST, send, send, null, "{\"handle\":\"bayko\",\"message\":\"hi\"}", 401);
        call(HttpMethod.POST, send, send, nobody, "{\"handle\":\"bayko\",\"message\":\"hi\"}", 403);
        call(HttpMethod.POST, send, send, andrew, "{\"handle\":\"nosuchuser\",\"message\":\"hi\"}", 404);
        call(HttpMethod.POST, send, send, andrew, "{\"handle\":\"bayko\",\"message\":\"" + "x".repeat(3000) + "\"}",
                413);
        call(HttpMethod.POST, send, send, andrew, "message=hi", 415, request -> request.contentType(MediaType.TEXT_PLAIN));
        call(HttpMethod.POST, send, send, andrew, "{\"handle\":\"bayko\",\"message\":\"   \"}", 422);
        String key = UUID.randomUUID().toString();
        call(HttpMethod.POST, send, send, andrew, "{\"message_group_uuid\":\"" + group + "\",\"message\":\"once\"}",
                200, request -> request.header("Idempotency-Key", key));
        call(HttpMethod.POST, send, send, andrew, "{\"message_group_uuid\":\"" + group + "\",\"message\":\"other\"}",
                422, request -> request.header("Idempotency-Key", key));

        // GET /api/message_groups
        String groups = "/api/message_groups";
        call(HttpMethod.GET, groups, groups, bayko, null, 200);
        call(HttpMethod.GET, groups, groups + "?limit=many", bayko, null, 400);
        call(HttpMethod.GET, groups, groups, null, null, 401);
        call(HttpMethod.GET, groups, groups, nobody, null, 403);

        // GET /api/messages/{messageGroupUuid}
        String messages = "/api/messages/{messageGroupUuid}";
        call(HttpMethod.GET, messages, "/api/messages/" + group, bayko, null, 200);
        call(HttpMethod.GET, messages, "/api/messages/not-a-uuid", bayko, null, 400);
        call(HttpMethod.GET, messages, "/api/messages/" + group, null, null, 401);
        call(HttpMethod.GET, messages, "/api/messages/" + group, nobody, null, 403);
        call(HttpMethod.GET, messages, "/api/messages/" + UUID.randomUUID(), bayko, null, 404);

        // POST /api/message_groups/{messageGroupUuid}/read: bayko has read andrewbrown's first message
        String read = "/api/message_groups/{messageGroupUuid}/read";
        String marker = "{\"uuid\":\"" + map(sent).get("uuid") + "\",\"created_at\":\"" + map(sent).get("created_at")
                + "\"}";
        call(HttpMethod.POST, read, "/api/message_groups/" + group + "/read", bayko, marker, 200);
        call(HttpMethod.POST, read, "/api/message_groups/" + group + "/read", bayko,
                "{\"uuid\":\"not-a-uuid\",\"created_at\":\"" + map(sent).get("created_at") + "\"}", 400);
        call(HttpMethod.POST, read, "/api/message_groups/" + group + "/read", null, marker, 401);
        call(HttpMethod.POST, read, "/api/message_groups/" + group + "/read", nobody, marker, 403);
        call(HttpMethod.POST, read, "/api/message_groups/" + UUID.randomUUID() + "/read", bayko, marker, 404);

        // POST and DELETE /api/users/@{handle}/block, GET /api/blocks: bayko blocks andrewbrown, who may not send
        String block = "/api/users/@{handle}/block";
        call(HttpMethod.POST, block, "/api/users/@andrewbrown/block", bayko, null, 200);
        call(HttpMethod.POST, block, "/api/users/@andrewbrown/block", null, null, 401);
        call(HttpMethod.POST, block, "/api/users/@andrewbrown/block", nobody, null, 403);
        call(HttpMethod.POST, block, "/api/users/@nosuchuser/block", bayko, null, 404);
        call(HttpMethod.POST, block, "/api/users/@bayko/block", bayko, null, 422);
        call(HttpMethod.POST, send, send, andrew, "{\"message_group_uuid\":\"" + group + "\",\"message\":\"no\"}",
                403);
        String blocks = "/api/blocks";
        call(HttpMethod.GET, blocks, blocks, bayko, null, 200);
        call(HttpMethod.GET, blocks, blocks + "?limit=0", bayko, null, 400);
        call(HttpMethod.GET, blocks, blocks, null, null, 401);
        call(HttpMethod.GET, blocks, blocks, nobody, null, 403);
        call(HttpMethod.DELETE, block, "/api/users/@andrewbrown/block", bayko, null, 204);
        call(HttpMethod.DELETE, block, "/api/users/@andrewbrown/block", null, null, 401);
        call(HttpMethod.DELETE, block, "/api/users/@andrewbrown/block", nobody, null, 403);
        call(HttpMethod.DELETE, block, "/api/users/@nosuchuser/block", bayko, null, 404);
        call(HttpMethod.DELETE, block, "/api/users/@bayko/block", bayko, null, 422);
        // PATCH and DELETE /api/messages/{messageGroupUuid}/{messageUuid}: andrewbrown's first message of this check
        String change = "/api/messages/{messageGroupUuid}/{messageUuid}";
        String own = "/api/messages/" + group + "/" + map(sent).get("uuid");
        String edit = "{\"message\":\"hello, edited\"}";
        call(HttpMethod.PATCH, change, own, andrew, edit, 200);
        call(HttpMethod.PATCH, change, "/api/messages/" + group + "/not-a-uuid", andrew, edit, 400);
        call(HttpMethod.PATCH, change, own, null, edit, 401);
        call(HttpMethod.PATCH, change, own, bayko, edit, 403);
        call(HttpMethod.PATCH, change, "/api/messages/" + group + "/" + UUID.randomUUID(), andrew, edit, 404);
        call(HttpMethod.PATCH, change, own, andrew, "message=hi", 415, request -> request.contentType(MediaType.TEXT_PLAIN));
        call(HttpMethod.PATCH, change, own, andrew, "{\"message\":\"  \"}", 422);
        call(HttpMethod.DELETE, change, "/api/messages/not-a-uuid/" + map(sent).get("uuid"), andrew, null, 400);
        call(HttpMethod.DELETE, change, own, null, null, 401);
        call(HttpMethod.DELETE, change, own, bayko, null, 403);
        call(HttpMethod.DELETE, change, "/api/messages/" + UUID.randomUUID() + "/" + map(sent).get("uuid"), andrew,
                null, 404);
        call(HttpMethod.DELETE, change, own, andrew, null, 204);
        call(HttpMethod.PATCH, change, own, andrew, edit, 409);

        // GET /api/events: one stream open (the limit here is 1), a second one is refused
        String events = "/api/events";
        call(HttpMethod.GET, events, events, null, null, 401);
        call(HttpMethod.GET, events, events, nobody, null, 403);
        var open = http.get().uri(events).headers(h -> h.setBearerAuth(andrew)).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(String.class);
        produced.add("GET " + events + " 200");
        call(HttpMethod.GET, events, events, andrew, null, 429);
        open.getResponseBody().subscribe().dispose();

        // This description
        call(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs", null, null, 200);
        http.get().uri("/v3/api-docs.yaml").exchange().expectStatus().isOk();
        produced.add("GET /v3/api-docs.yaml 200");

        // Last: the messages table out of reach
        app.getBean(LocalDynamoDb.class).close();
        call(HttpMethod.GET, groups, groups, bayko, null, 503);
        call(HttpMethod.GET, messages, "/api/messages/" + group, bayko, null, 503);
        call(HttpMethod.POST, send, send, bayko, "{\"message_group_uuid\":\"" + group + "\",\"message\":\"down\"}",
                503);

        assertThat(produced).isEqualTo(describedStatuses());
        assertThat(problemCodes).isNotEmpty().contains("blocked", "block_self").isSubsetOf(describedProblemCodes());
    }

    private static String devToken(String handle) {
        return (String) http.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"handle\":\"" + handle + "\"}").exchange()
                .expectStatus().isOk()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody().get("access_token");
    }

    private static Object call(HttpMethod method, String route, String uri, String token, String body, int status) {
        return call(method, route, uri, token, body, status, request -> { });
    }

    /**
     * One request; its status must be the one expected, which is then counted as produced for the route. Returns the
     * JSON body (a map, a list), or null for none.
     */
    private static Object call(HttpMethod method, String route, String uri, String token, String body, int status,
                               Consumer<WebTestClient.RequestBodySpec> more) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(uri);
        if (token != null) {
            request.headers(h -> h.setBearerAuth(token));
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON);
        }
        more.accept(request);
        WebTestClient.ResponseSpec response = body == null ? request.exchange() : request.bodyValue(body).exchange();
        EntityExchangeResult<byte[]> result = response.expectStatus().isEqualTo(status)
                .expectBody(byte[].class).returnResult();
        Object json = result.getResponseBody() == null ? null : JSON.readValue(result.getResponseBody(), Object.class);
        if (status >= 400) {
            assertThat(result.getResponseHeaders().getContentType())
                    .as(method + " " + uri).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(map(json)).containsEntry("status", status);
            if (map(json).get("errors") instanceof List<?> codes) {
                codes.forEach(code -> problemCodes.add((String) code));
            }
        }
        produced.add(method.name() + " " + route + " " + status);
        return json;
    }

    private static Set<String> describedRoutes() {
        Set<String> routes = new TreeSet<>();
        map(description.get("paths")).forEach((path, item) -> map(item).keySet().stream()
                .filter(HTTP_METHODS::contains)
                .forEach(method -> routes.add(method.toUpperCase() + " " + path)));
        return routes;
    }

    private static Set<String> describedStatuses() {
        Set<String> statuses = new TreeSet<>();
        map(description.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
            if (HTTP_METHODS.contains(method)) {
                map(map(operation).get("responses")).keySet().forEach(status ->
                        statuses.add(method.toUpperCase() + " " + path + " " + status));
            }
        }));
        return statuses;
    }

    private static List<String> describedProblemCodes() {
        Map<String, Object> problem = map(map(map(description.get("components")).get("schemas")).get("Problem"));
        Map<String, Object> errors = map(map(problem.get("properties")).get("errors"));
        List<String> codes = new ArrayList<>();
        ((List<?>) map(errors.get("items")).get("enum")).forEach(code -> codes.add((String) code));
        return codes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
