package com.cruddur.messaging.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessageGroups;
import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.adapters.postgres.UsersDatabase;
import com.cruddur.messaging.adapters.postgres.testing.PostgresFixture;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.Timestamp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The {@code ddb} commands against DynamoDB Local (one per test JVM, a fresh table per test) and the demo users in a
 * PostgreSQL database of this class.
 */
class AdminCliDynamoDbTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern CAPACITY = Pattern.compile("consumed capacity: ([0-9.]+) RCU");
    private static final Pattern SHOWN_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} (AM|PM)");
    /** 24 + 4 messages, 2 group rows, a conversation record and a pair claim per conversation. */
    private static final int SEEDED_ITEMS = 28 + 2 * (2 + 1 + 1);

    private static String endpoint;
    private static UsersDatabase demoUsers;
    private static String demoUsersUrl;
    private static String seededTable;
    private static MessageGroupId andrewAndBayko;
    private static List<Map<String, AttributeValue>> andrewAndBaykoMessages;

    @BeforeAll
    static void seedOneTable() {
        endpoint = DynamoDbLocalFixture.endpoint().toString();
        PostgresFixture postgres = PostgresFixture.shared();
        demoUsers = postgres.freshDatabase();
        demoUsers.schema().migrate().block(WAIT);
        demoUsers.seed().seed().block(WAIT);
        demoUsersUrl = demoUsers.toString().substring("users database ".length());
        seededTable = DynamoDbLocalFixture.freshTable("cli-seeded");
        CliRun seeded = CliRun.run(withUsers("ddb", "seed", "--endpoint", endpoint, "--table", seededTable));
        assertThat(seeded.exit()).as(seeded.toString()).isZero();
        Participant andrew = demoUsers.directory().findByHandle(new Handle("andrewbrown")).block(WAIT);
        Participant bayko = demoUsers.directory().findByHandle(new Handle("bayko")).block(WAIT);
        andrewAndBayko = new DynamoDbMessageGroups(client(), seededTable, new SimpleMeterRegistry())
                .findByPair(ParticipantPair.of(andrew.id(), bayko.id())).block(WAIT);
        andrewAndBaykoMessages = client().query(QueryRequest.builder().tableName(seededTable)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("MSG#" + andrewAndBayko)))
                .build()).join().items();
        assertThat(andrewAndBaykoMessages).hasSize(24);
    }

    @AfterAll
    static void closeUsers() {
        demoUsers.close();
    }

    private static DynamoDbAsyncClient client() {
        return DynamoDbLocalFixture.client();
    }

    private static String[] withUsers(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db-url", demoUsersUrl, "--db-username", PostgresFixture.shared().username()));
        if (!PostgresFixture.shared().password().isEmpty()) {
            all.addAll(List.of("--db-password", PostgresFixture.shared().password()));
        }
        return all.toArray(String[]::new);
    }

    private static String newTableName() {
        return "cli-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Optional<TableDescription> describe(String table) {
        return Optional.ofNullable(MessagesTable.named(table).describe(client()).block(WAIT));
    }

    private static List<Map<String, AttributeValue>> scan(String table) {
        return client().scan(ScanRequest.builder().tableName(table).build()).join().items();
    }

    private static double capacity(CliRun run) {
        var matcher = CAPACITY.matcher(run.out());
        assertThat(matcher.find()).as(run.toString()).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    // ---- schema-load, drop, list-tables

    @Test
    void schemaLoadCreatesTheTableWithItsIndexAndStreamAndRefusesASecondTime() {
        String table = newTableName();

        CliRun first = CliRun.run("ddb", "schema-load", "--endpoint", endpoint, "--table", table);

        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.out()).contains("created table '" + table + "' in DynamoDB at " + endpoint)
                .contains("index: message-group-sk-index (message_group_uuid hash, sk range), projection ALL")
                .contains("stream: NEW_IMAGE")
                .contains("billing: provisioned 5 RCU / 5 WCU")
                .contains("time to live: expires_at enabled");
        assertThat(client().describeTimeToLive(builder -> builder.tableName(table)).join().timeToLiveDescription())
                .satisfies(ttl -> {
                    assertThat(ttl.attributeName()).isEqualTo(MessagesTable.TIME_TO_LIVE_ATTRIBUTE);
                    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                });
        TableDescription created = describe(table).orElseThrow();
        assertThat(created.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo(MessagesTable.GROUP_INDEX);
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });
        assertThat(created.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);

        CliRun second = CliRun.run("ddb", "schema-load", "--endpoint", endpoint, "--table", table);

        assertThat(second.exit()).as(second.toString()).isEqualTo(1);
        assertThat(second.out()).isEmpty();
        assertThat(second.errLines()).singleElement().asString()
                .isEqualTo("error: table '" + table + "' already exists in DynamoDB at " + endpoint
                        + "; nothing was changed");
    }

    @Test
    void schemaLoadOnDemandBillsPerRequest() {
        String table = newTableName();

        CliRun run = CliRun.run("ddb", "schema-load", "--on-demand", "--endpoint", endpoint, "--table", table);

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("billing: on demand");
        assertThat(describe(table).orElseThrow().billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
    }

    @Test
    void dropDeletesATableAndFailsInOneLineForAMissingOne() {
        String table = DynamoDbLocalFixture.freshTable("cli-drop");

        CliRun dropped = CliRun.run("ddb", "drop", table, "--endpoint", endpoint);

        assertThat(dropped.exit()).as(dropped.toString()).isZero();
        assertThat(dropped.out()).isEqualTo("dropped table '" + table + "' in DynamoDB at " + endpoint + "\n");
        assertThat(describe(table)).isEmpty();

        CliRun again = CliRun.run("ddb", "drop", table, "--endpoint", endpoint);

        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.out()).isEmpty();
        assertThat(again.errLines()).singleElement().asString()
                .isEqualTo("error: table '" + table + "' does not exist in DynamoDB at " + endpoint
                        + "; nothing was dropped");
    }

    @Test
    void dropWithoutATableNameDropsTheTableOption() {
        String table = DynamoDbLocalFixture.freshTable("cli-drop-option");

        CliRun dropped = CliRun.run("ddb", "drop", "--table", table, "--endpoint", endpoint);

        assertThat(dropped.exit()).as(dropped.toString()).isZero();
        assertThat(describe(table)).isEmpty();
    }

    @Test
    void listTablesPrintsOneTableNamePerLine() {
        String table = DynamoDbLocalFixture.freshTable("cli-list");
        List<String> expected = client().listTables().join().tableNames();

        CliRun run = CliRun.run("ddb", "list-tables", "--endpoint", endpoint);

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.outLines()).contains(table, seededTable).containsAll(expected);
    }

    @Test
    void theEndpointComesFromTheEnvironmentWhenNotGiven() {
        String table = DynamoDbLocalFixture.freshTable("cli-env");

        CliRun run = CliRun.run(Map.of(DynamoDbOptions.ENDPOINT_VARIABLE, endpoint), "ddb", "list-tables");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.outLines()).contains(table);
    }

    @Test
    void anUnreachableEndpointFailsWithinSecondsInOneLineNamingIt() throws IOException {
        String nowhere = "http://127.0.0.1:" + freePort();
        Instant started = Instant.now();

        CliRun run = CliRun.run("ddb", "list-tables", "--endpoint", nowhere);

        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(15));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("error: cannot reach DynamoDB at " + nowhere);
    }

    // ---- seed and scan

    @Test
    void seedWritesTheDemoConversationsOnceAndTheSecondTimeNothing() {
        String table = DynamoDbLocalFixture.freshTable("cli-seed");

        CliRun first = CliRun.run(withUsers("ddb", "seed", "--endpoint", endpoint, "--table", table));

        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.out()).contains("wrote andrewbrown & bayko (").contains("): 24 messages")
                .contains("wrote londo & andrewbrown (").contains("): 4 messages")
                .contains("seeded 28 messages into table '" + table + "'")
                .containsPattern("consumed capacity: [1-9][0-9.]* RCU, [1-9][0-9.]* WCU");
        List<Map<String, AttributeValue>> afterFirst = scan(table);
        assertThat(afterFirst).hasSize(SEEDED_ITEMS);

        CliRun second = CliRun.run(withUsers("ddb", "seed", "--endpoint", endpoint, "--table", table));

        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(second.out()).contains("andrewbrown & bayko (").contains(") exists already: nothing written")
                .contains("nothing to seed: the demo conversations exist already")
                .contains("0 WCU");
        assertThat(new HashSet<>(scan(table))).isEqualTo(new HashSet<>(afterFirst));
    }

    @Test
    void seedWithoutTheDemoUsersSaysWhichAreMissingAndWritesNothing() {
        String table = DynamoDbLocalFixture.freshTable("cli-seed-nousers");
        try (UsersDatabase empty = PostgresFixture.shared().freshDatabase()) {
            empty.schema().migrate().block(WAIT);
            String url = empty.toString().substring("users database ".length());

            CliRun run = CliRun.run("ddb", "seed", "--endpoint", endpoint, "--table", table, "--db-url", url,
                    "--db-username", PostgresFixture.shared().username(), "--db-password",
                    PostgresFixture.shared().password());

            assertThat(run.exit()).as(run.toString()).isEqualTo(1);
            assertThat(run.errLines()).singleElement().asString()
                    .contains("need users that are not in the users database: andrewbrown, bayko, londo")
                    .endsWith("add them with: cruddur admin db seed");
        }
        assertThat(scan(table)).isEmpty();
    }

    @Test
    void seedIntoAMissingTableFailsInOneLine() {
        String table = newTableName();

        CliRun run = CliRun.run(withUsers("ddb", "seed", "--endpoint", endpoint, "--table", table));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().isEqualTo("error: table '" + table
                + "' does not exist in DynamoDB at " + endpoint + "; create it with: cruddur admin ddb schema-load");
    }

    @Test
    void scanPrintsEveryItemOfEveryPageInAlignedColumns() {
        CliRun run = CliRun.run("ddb", "scan", "--endpoint", endpoint, "--table", seededTable, "--page-size", "7");

        assertThat(run.exit()).as(run.toString()).isZero();
        List<String> lines = run.outLines();
        String header = lines.get(0);
        assertThat(header).matches("PK +SK +CONVERSATION +HANDLE +MESSAGE");
        List<String> rows = lines.subList(1, SEEDED_ITEMS + 1);
        int skColumn = header.indexOf("SK");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.charAt(skColumn - 1)).isEqualTo(' ');
            assertThat(row.charAt(skColumn)).isNotEqualTo(' ');
        });
        assertThat(rows).filteredOn(row -> row.startsWith("MSG#")).hasSize(28);
        assertThat(rows).filteredOn(row -> row.startsWith("GRP#")).hasSize(4);
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("MSG#" + andrewAndBayko)
                .contains("andrewbrown").endsWith("Morning! Is the messages table up on you..."));
        assertThat(lines.get(SEEDED_ITEMS + 1)).isEqualTo(SEEDED_ITEMS + " items in 6 pages");
        assertThat(capacity(run)).isPositive();
        assertThat(run.out()).doesNotContain("{");
    }

    @Test
    void scanOfAMissingTableFailsInOneLine() {
        String table = newTableName();

        CliRun run = CliRun.run("ddb", "scan", "--endpoint", endpoint, "--table", table);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .isEqualTo("error: table '" + table + "' does not exist in DynamoDB at " + endpoint
                        + "; create it with: cruddur admin ddb schema-load");
    }

    // ---- production guard

    @Test
    void scanSeedAndDropRefuseProductionWithoutForceAndDoNothing() {
        String table = DynamoDbLocalFixture.freshTable("cli-prod");
        for (String command : List.of("scan", "seed", "drop")) {
            CliRun run = CliRun.run("ddb", command, "--prod", "--table", table);

            assertThat(run.exit()).as(command + ": " + run).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).as(command).singleElement().asString()
                    .isEqualTo("error: refusing to " + command + " table '" + table
                            + "' in AWS (--prod) without --force; nothing was done");
        }
        CliRun dropByName = CliRun.run("ddb", "drop", table, "--prod");
        assertThat(dropByName.exit()).isEqualTo(1);
        assertThat(describe(table)).isPresent();
    }

    @Test
    void prodWithAnEndpointIsAUsageMistake() {
        CliRun run = CliRun.run("ddb", "list-tables", "--prod", "--endpoint", endpoint);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--prod").contains("--endpoint");
    }

    // ---- get-conversation

    @Test
    void getConversationPrintsEveryMessageOldestFirstInAlignedColumns() {
        CliRun run = CliRun.run("ddb", "get-conversation", andrewAndBayko.toString(), "--endpoint", endpoint,
                "--table", seededTable);

        assertThat(run.exit()).as(run.toString()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines.get(0)).matches("HANDLE +TIME \\(UTC\\) +MESSAGE");
        int timeColumn = lines.get(0).indexOf("TIME");
        int messageColumn = lines.get(0).indexOf("MESSAGE");
        List<String> rows = lines.subList(1, 25);
        assertThat(rows.get(0)).startsWith("andrewbrown ").endsWith("Morning! Is the messages table up on you...");
        assertThat(rows.get(1)).startsWith("bayko       ")
                .endsWith("It is. One table, five item types, and I...");
        assertThat(rows.get(23)).startsWith("bayko ").endsWith("See you. Bring coffee.");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.substring(timeColumn, messageColumn).strip()).matches(SHOWN_TIME);
            assertThat(row.length() - messageColumn).isLessThanOrEqualTo(43);
        });
        assertThat(lines.get(25)).isEqualTo("24 messages in conversation " + andrewAndBayko);
        assertThat(capacity(run)).isPositive();
    }

    @Test
    void getConversationWithADateRangeShowsOnlyThoseDays() {
        List<String> keys = andrewAndBaykoMessages.stream().map(item -> item.get("sk").s()).sorted().toList();
        LocalDate firstDay = LocalDate.ofInstant(Timestamp.parse(keys.get(0)).instant(), ZoneOffset.UTC);
        long expected = keys.stream()
                .filter(sk -> LocalDate.ofInstant(Timestamp.parse(sk).instant(), ZoneOffset.UTC).equals(firstDay))
                .count();

        CliRun run = CliRun.run("ddb", "get-conversation", andrewAndBayko.toString(), "--from", firstDay.toString(),
                "--to", firstDay.toString(), "--endpoint", endpoint, "--table", seededTable);

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(expected).isBetween(1L, 23L);
        List<String> rows = run.outLines().subList(1, (int) expected + 1);
        assertThat(rows).allSatisfy(row -> assertThat(row).contains(" " + firstDay + " "));
        assertThat(run.out()).contains(expected + (expected == 1 ? " message" : " messages") + " in conversation "
                + andrewAndBayko + " from " + firstDay + " to " + firstDay);
    }

    @Test
    void getConversationWithTimestampsIncludesBothEnds() {
        List<String> keys = andrewAndBaykoMessages.stream().map(item -> item.get("sk").s()).sorted().toList();
        String from = Timestamp.parse(keys.get(1)).instant().toString();
        String to = Timestamp.parse(keys.get(3)).instant().toString();

        CliRun run = CliRun.run("ddb", "get-conversation", andrewAndBayko.toString(), "--from", from, "--to", to,
                "--endpoint", endpoint, "--table", seededTable);

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.outLines().subList(1, 4)).satisfiesExactly(
                row -> assertThat(row).startsWith("bayko").contains("It is. One table"),
                row -> assertThat(row).startsWith("andrewbrown").contains("Only once is a good week"),
                row -> assertThat(row).startsWith("bayko").contains("Moving the inbox rows"));
        assertThat(run.out()).contains("3 messages in conversation ");
    }

    @Test
    void getConversationWithAYearMatchesTheYearPrefix() {
        String year = andrewAndBaykoMessages.get(0).get("sk").s().substring(0, 4);
        long expected = andrewAndBaykoMessages.stream().filter(item -> item.get("sk").s().startsWith(year)).count();

        CliRun run = CliRun.run("ddb", "get-conversation", andrewAndBayko.toString(), "--year", year,
                "--endpoint", endpoint, "--table", seededTable);
        CliRun longAgo = CliRun.run("ddb", "get-conversation", andrewAndBayko.toString(), "--year", "2001",
                "--endpoint", endpoint, "--table", seededTable);

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains(expected + " messages in conversation " + andrewAndBayko + " in " + year);
        assertThat(longAgo.exit()).isZero();
        assertThat(longAgo.outLines()).hasSize(2);
        assertThat(longAgo.outLines().get(0))
                .isEqualTo("no messages in conversation " + andrewAndBayko + " in 2001 (table '" + seededTable + "')");
        assertThat(longAgo.outLines().get(1)).matches(CAPACITY);
    }

    @Test
    void getConversationRejectsBadDatesAndWindowsInOneLine() {
        String group = andrewAndBayko.toString();
        CliRun badDate = CliRun.run("ddb", "get-conversation", group, "--from", "2023-02-30", "--endpoint", endpoint);
        CliRun reversed = CliRun.run("ddb", "get-conversation", group, "--from", "2023-03-19", "--to", "2023-03-01",
                "--endpoint", endpoint);
        CliRun both = CliRun.run("ddb", "get-conversation", group, "--year", "2023", "--from", "2023-03-01",
                "--endpoint", endpoint);
        CliRun notAGroup = CliRun.run("ddb", "get-conversation", "not-a-uuid", "--endpoint", endpoint);

        for (CliRun run : List.of(badDate, reversed, both, notAGroup)) {
            assertThat(run.exit()).as(run.toString()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).as(run.toString()).hasSize(1);
        }
        assertThat(badDate.err()).contains("'2023-02-30' is not a date or a time");
        assertThat(reversed.err()).contains("--from 2023-03-19 is after --to 2023-03-01");
        assertThat(both.err()).contains("--year and --from/--to exclude each other");
        assertThat(notAGroup.err()).contains("'not-a-uuid' is not a conversation id");
    }

    @Test
    void getConversationOfAnUnknownGroupSaysThereAreNoMessages() {
        UUID unknown = UUID.randomUUID();

        CliRun run = CliRun.run("ddb", "get-conversation", unknown.toString(), "--endpoint", endpoint,
                "--table", seededTable);

        assertThat(run.exit()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo("no messages in conversation " + unknown + " (table '"
                + seededTable + "')");
    }

    // ---- list-conversations

    @Test
    void listConversationsShowsTheUsersConversationsNewestFirst() {
        CliRun run = CliRun.run(withUsers("ddb", "list-conversations", "andrewbrown", "--endpoint", endpoint,
                "--table", seededTable));

        assertThat(run.exit()).as(run.toString()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines.get(0)).matches("HANDLE +TIME \\(UTC\\) +MESSAGE +CONVERSATION");
        assertThat(lines.get(1)).startsWith("londo ").contains("Bring enough for everyone.");
        assertThat(lines.get(2)).startsWith("bayko ").contains("See you. Bring coffee.")
                .endsWith(andrewAndBayko.toString());
        int conversationColumn = lines.get(0).indexOf("CONVERSATION");
        assertThat(lines.get(1).substring(conversationColumn)).matches("[0-9a-f-]{36}");
        assertThat(lines.get(3)).startsWith("2 conversations of andrewbrown (Andrew Brown, ");
        assertThat(capacity(run)).isPositive();
    }

    // ---- what stored text may not do to a terminal

    @Test
    void storedControlCharactersAreShownEscapedByGetConversationScanAndListConversations() {
        // Items as the reference (or any writer) could have stored them: nothing checked the text.
        String table = DynamoDbLocalFixture.freshTable("cli-escapes");
        Participant andrew = demoUsers.directory().findByHandle(new Handle("andrewbrown")).block(WAIT);
        String group = UUID.randomUUID().toString();
        String text = "red \u001b[31m alarm \u0007 nul \u0000 csi \u009b2J \u202egnp.exe";
        String at = "2026-11-22T10:15:30.123456+00:00";
        put(table, Map.of("pk", "MSG#" + group, "sk", at, "message_uuid", UUID.randomUUID().toString(),
                "message", text, "user_uuid", andrew.id().toString(), "user_display_name", "Andrew Brown",
                "user_handle", "andrewbrown"));
        put(table, Map.of("pk", "GRP#" + andrew.id(), "sk", at, "message_group_uuid", group, "message", text,
                "user_uuid", UUID.randomUUID().toString(), "user_display_name", "Someone \u001b]0;owned\u0007",
                "user_handle", "someone"));

        for (CliRun run : List.of(
                CliRun.run("ddb", "get-conversation", group, "--endpoint", endpoint, "--table", table),
                CliRun.run("ddb", "scan", "--endpoint", endpoint, "--table", table),
                CliRun.run(withUsers("ddb", "list-conversations", "andrewbrown", "--endpoint", endpoint,
                        "--table", table)))) {
            assertThat(run.exit()).as(run.toString()).isZero();
            assertThat(run.out()).as(run.toString()).contains("red \\u001b[31m alarm \\u0007 nul \\u0000 csi")
                    .doesNotContain("\u001b", "\u0007", "\u0000", "\u009b", "\u202e");
            assertThat(run.out().chars().filter(c -> c < 0x20 && c != '\n')).as(run.toString()).isEmpty();
        }
    }

    private static void put(String table, Map<String, String> attributes) {
        Map<String, AttributeValue> item = new java.util.HashMap<>();
        attributes.forEach((name, value) -> item.put(name, AttributeValue.fromS(value)));
        client().putItem(builder -> builder.tableName(table).item(item)).join();
    }

    @Test
    void listConversationsOfAnUnknownHandleFailsInOneLine() {
        CliRun run = CliRun.run(withUsers("ddb", "list-conversations", "nobody", "--endpoint", endpoint,
                "--table", seededTable));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .isEqualTo("error: no user with handle 'nobody' in the users database " + demoUsersUrl);
    }

    @Test
    void anUnreachableUsersDatabaseFailsInOneLine() throws IOException {
        String nowhere = "r2dbc:postgresql://127.0.0.1:" + freePort() + "/cruddur";

        CliRun run = CliRun.run("ddb", "list-conversations", "andrewbrown", "--endpoint", endpoint,
                "--table", seededTable, "--db-url", nowhere, "--db-username", "postgres");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("error: cannot use the users database " + nowhere + ": ");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
