package com.cruddur.messaging.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.adapters.postgres.UsersDatabase;
import com.cruddur.messaging.adapters.postgres.testing.CognitoLocalFixture;
import com.cruddur.messaging.adapters.postgres.testing.PostgresFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --output json} on every {@code ddb} and {@code cognito} command: standard output is one JSON document
 * (Jackson parses all of it, nothing before or after), with the fields a script reads, consumed capacity included.
 */
class AdminCliJsonOutputTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String endpoint;
    private static UsersDatabase demoUsers;
    private static String demoUsersUrl;
    private static CognitoLocalFixture cognito;

    @BeforeAll
    static void stores() {
        endpoint = DynamoDbLocalFixture.endpoint().toString();
        PostgresFixture postgres = PostgresFixture.shared();
        demoUsers = postgres.freshDatabase();
        demoUsers.schema().migrate().block(WAIT);
        demoUsers.seed().seed().block(WAIT);
        demoUsersUrl = demoUsers.toString().substring("users database ".length());
        cognito = CognitoLocalFixture.start();
    }

    @AfterAll
    static void close() {
        demoUsers.close();
        cognito.close();
    }

    /** One JSON document and nothing else on standard output, nothing on the error stream. */
    private static JsonNode json(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--output", "json"));
        CliRun run = CliRun.run(env, all.toArray(String[]::new));
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEmpty();
        try (var parser = JSON.createParser(run.out())) {
            JsonNode document = JSON.readTree(parser);
            assertThat(parser.nextToken()).as("nothing after the one document: " + run.out()).isNull();
            assertThat(document.isObject()).as(run.out()).isTrue();
            return document;
        }
    }

    private static JsonNode json(String... args) {
        return json(Map.of(), args);
    }

    private static String[] withUsers(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db-url", demoUsersUrl, "--db-username", PostgresFixture.shared().username()));
        if (!PostgresFixture.shared().password().isEmpty()) {
            all.addAll(List.of("--db-password", PostgresFixture.shared().password()));
        }
        return all.toArray(String[]::new);
    }

    private static void assertCapacity(JsonNode document, boolean reads, boolean writes) {
        JsonNode capacity = document.get("consumedCapacity");
        assertThat(capacity).as(document.toString()).isNotNull();
        assertThat(capacity.get("readCapacityUnits").isNumber()).isTrue();
        assertThat(capacity.get("writeCapacityUnits").isNumber()).isTrue();
        if (reads) {
            assertThat(capacity.get("readCapacityUnits").asDouble()).isPositive();
        }
        if (writes) {
            assertThat(capacity.get("writeCapacityUnits").asDouble()).isPositive();
        }
    }

    @Test
    void everyDdbCommandPrintsOneDocument() {
        String table = "cli-json-" + UUID.randomUUID();

        JsonNode created = json("ddb", "schema-load", "--endpoint", endpoint, "--table", table);
        assertThat(created.get("command").asString()).isEqualTo("ddb schema-load");
        assertThat(created.get("table").asString()).isEqualTo(table);
        assertThat(created.get("created").asBoolean()).isTrue();
        assertThat(created.get("keys").findValuesAsString("attribute")).containsExactly("pk", "sk");
        assertThat(created.get("indexes").get(0).get("name").asString()).isEqualTo("message-group-sk-index");
        assertThat(created.get("stream").get("viewType").asString()).isEqualTo("NEW_IMAGE");
        assertThat(created.get("billing").get("mode").asString()).isEqualTo("PROVISIONED");
        assertThat(created.get("timeToLive").get("status").asString()).isEqualTo("ENABLED");
        assertCapacity(created, false, false);

        JsonNode tables = json("ddb", "list-tables", "--endpoint", endpoint);
        assertThat(tables.get("tables").valueStream().map(JsonNode::asString)).contains(table);
        assertCapacity(tables, false, false);

        JsonNode seeded = json(withUsers("ddb", "seed", "--endpoint", endpoint, "--table", table));
        assertThat(seeded.get("messagesWritten").asInt()).isEqualTo(28);
        assertThat(seeded.get("conversations")).hasSize(2);
        JsonNode andrewAndBayko = seeded.get("conversations").get(0);
        assertThat(andrewAndBayko.get("first").asString()).isEqualTo("andrewbrown");
        assertThat(andrewAndBayko.get("second").asString()).isEqualTo("bayko");
        assertThat(andrewAndBayko.get("written").asBoolean()).isTrue();
        assertThat(andrewAndBayko.get("messages").asInt()).isEqualTo(24);
        assertCapacity(seeded, true, true);
        String group = andrewAndBayko.get("conversation").asString();

        JsonNode scanned = json("ddb", "scan", "--endpoint", endpoint, "--table", table, "--page-size", "10");
        assertThat(scanned.get("count").asInt()).isEqualTo(36).isEqualTo(scanned.get("items").size());
        assertThat(scanned.get("pages").asInt()).isGreaterThan(1);
        JsonNode firstItem = scanned.get("items").get(0);
        assertThat(firstItem.has("pk")).isTrue();
        assertThat(firstItem.has("sk")).isTrue();
        assertCapacity(scanned, true, false);

        JsonNode conversation = json("ddb", "get-conversation", group, "--endpoint", endpoint, "--table", table);
        assertThat(conversation.get("conversation").asString()).isEqualTo(group);
        assertThat(conversation.get("count").asInt()).isEqualTo(24).isEqualTo(conversation.get("messages").size());
        JsonNode message = conversation.get("messages").get(0);
        assertThat(message.get("handle").asString()).isIn("andrewbrown", "bayko");
        assertThat(message.get("message").asString()).isNotBlank();
        assertThat(message.get("messageUuid").asString()).isNotBlank();
        assertThat(message.get("createdAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
        assertCapacity(conversation, true, false);

        JsonNode conversations = json(withUsers("ddb", "list-conversations", "andrewbrown", "--endpoint", endpoint,
                "--table", table));
        assertThat(conversations.get("user").get("handle").asString()).isEqualTo("andrewbrown");
        assertThat(conversations.get("count").asInt()).isEqualTo(2);
        assertThat(conversations.get("conversations").findValuesAsString("handle"))
                .containsExactlyInAnyOrder("bayko", "londo");
        assertThat(conversations.get("conversations").findValuesAsString("conversation")).contains(group);
        assertCapacity(conversations, true, false);

        JsonNode dropped = json("ddb", "drop", table, "--endpoint", endpoint);
        assertThat(dropped.get("dropped").asBoolean()).isTrue();
        assertThat(dropped.get("table").asString()).isEqualTo(table);
        assertCapacity(dropped, false, false);
    }

    @Test
    void tableDefaultsFromTheReferenceVariable() {
        String table = DynamoDbLocalFixture.freshTable("cli-json-env");

        JsonNode scanned = json(Map.of("DDB_MESSAGE_TABLE", table), "ddb", "scan", "--endpoint", endpoint);
        assertThat(scanned.get("table").asString()).isEqualTo(table);

        JsonNode explicit = json(Map.of("DDB_MESSAGE_TABLE", "no-such-table"), "ddb", "scan", "--endpoint", endpoint,
                "--table", table);
        assertThat(explicit.get("table").asString()).isEqualTo(table);
    }

    @Test
    void cognitoListUsersPrintsOneDocumentAndThePoolDefaultsFromTheReferenceVariable() {
        String pool = cognito.createUserPool("cli-json-" + UUID.randomUUID());
        String andrew = cognito.createUser(pool, "andrew@example.com", "andrewbrown", "Andrew Brown", "Secret-Passw0rd!");

        JsonNode users = json(Map.of("AWS_COGNITO_USER_POOL_ID", pool), "cognito", "list-users", "--cognito-endpoint",
                cognito.endpoint().toString());

        assertThat(users.get("command").asString()).isEqualTo("cognito list-users");
        assertThat(users.get("pool").asString()).isEqualTo(pool);
        assertThat(users.get("count").asInt()).isEqualTo(1);
        JsonNode user = users.get("users").get(0);
        assertThat(user.get("handle").asString()).isEqualTo("andrewbrown");
        assertThat(user.get("sub").asString()).isEqualTo(andrew);
        assertThat(user.get("email").asString()).isEqualTo("andrew@example.com");
    }

    @Test
    void withoutPoolOrVariableTheCognitoCommandIsAUsageMistake() {
        CliRun run = CliRun.run("cognito", "list-users", "--cognito-endpoint", cognito.endpoint().toString());

        assertThat(run.exit()).isEqualTo(AdminCli.USAGE_ERROR);
        assertThat(run.err()).contains("--pool").contains("AWS_COGNITO_USER_POOL_ID");
        assertThat(run.out()).isEmpty();
    }
}
