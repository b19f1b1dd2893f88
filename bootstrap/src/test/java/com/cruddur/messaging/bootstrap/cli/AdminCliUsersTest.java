package com.cruddur.messaging.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.postgres.UsersDatabase;
import com.cruddur.messaging.adapters.postgres.testing.CognitoLocalFixture;
import com.cruddur.messaging.adapters.postgres.testing.PostgresFixture;
import com.cruddur.messaging.adapters.postgres.testing.UsersRows;
import com.cruddur.messaging.domain.Handle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code db} and {@code cognito} commands against PostgreSQL (fresh databases), an H2 file and cognito-local. */
class AdminCliUsersTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "Secret-Passw0rd!";

    private static CognitoLocalFixture cognito;

    @BeforeAll
    static void startCognito() {
        cognito = CognitoLocalFixture.start();
    }

    @AfterAll
    static void stopCognito() {
        cognito.close();
    }

    /** The URL the pool was opened with (its description, which has no password in it). */
    private static String urlOf(UsersDatabase database) {
        return database.toString().substring("users database ".length());
    }

    private static String[] on(UsersDatabase database, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db-url", urlOf(database), "--db-username", PostgresFixture.shared().username()));
        if (!PostgresFixture.shared().password().isEmpty()) {
            all.addAll(List.of("--db-password", PostgresFixture.shared().password()));
        }
        return all.toArray(String[]::new);
    }

    @Test
    void schemaLoadAppliesTheMigrationsOnceAndThenSaysItIsUpToDate() {
        try (UsersDatabase database = PostgresFixture.shared().freshDatabase()) {
            CliRun first = CliRun.run(on(database, "db", "schema-load"));

            assertThat(first.exit()).as(first.toString()).isZero();
            assertThat(first.outLines()).containsExactly("applied to the users database " + urlOf(database) + ":",
                    "  V1 users");
            assertThat(database.schema().appliedVersions().block(WAIT)).containsExactly("1");

            CliRun second = CliRun.run(on(database, "db", "schema-load"));

            assertThat(second.exit()).as(second.toString()).isZero();
            assertThat(second.outLines()).containsExactly("the users schema of the users database "
                    + urlOf(database) + " is up to date (migrations V1)");
        }
    }

    @Test
    void seedInsertsTheDemoUsersOnceAndTheSecondTimeNothing() {
        try (UsersDatabase database = PostgresFixture.shared().freshDatabase()) {
            database.schema().migrate().block(WAIT);
            UsersRows rows = new UsersRows(database.connectionFactory());

            CliRun first = CliRun.run(on(database, "db", "seed"));

            assertThat(first.exit()).as(first.toString()).isZero();
            assertThat(first.outLines()).containsExactly("inserted 3 demo users into the users database "
                    + urlOf(database) + ": andrewbrown, bayko, londo");
            assertThat(rows.count()).isEqualTo(3);
            assertThat(database.directory().findByHandle(new Handle("bayko")).block(WAIT).displayName())
                    .isEqualTo("Andrew Bayko");

            CliRun second = CliRun.run(on(database, "db", "seed"));

            assertThat(second.exit()).as(second.toString()).isZero();
            assertThat(second.out()).contains("are in the users database " + urlOf(database)
                    + " already; nothing inserted");
            assertThat(rows.count()).isEqualTo(3);
        }
    }

    @Test
    void seedBeforeTheSchemaSaysSoInOneLine() {
        try (UsersDatabase database = PostgresFixture.shared().freshDatabase()) {
            CliRun run = CliRun.run(on(database, "db", "seed"));

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).singleElement().asString()
                    .startsWith("error: the users database " + urlOf(database) + " refused a query")
                    .endsWith("is its schema loaded? cruddur admin db schema-load");
        }
    }

    @Test
    void schemaLoadAndSeedWorkOnAnEmbeddedH2File(@TempDir Path folder) {
        String url = "r2dbc:h2:file:///" + folder.toAbsolutePath() + "/users";

        CliRun schema = CliRun.run("db", "schema-load", "--db-url", url);
        CliRun seed = CliRun.run("db", "seed", "--db-url", url);

        assertThat(schema.exit()).as(schema.toString()).isZero();
        assertThat(seed.exit()).as(seed.toString()).isZero();
        assertThat(seed.out()).contains("andrewbrown, bayko, londo");
        try (UsersDatabase database = UsersDatabase.connect(url, null, null)) {
            assertThat(new UsersRows(database.connectionFactory()).count()).isEqualTo(3);
        }
    }

    @Test
    void theUsersDatabaseComesFromTheEnvironmentWhenNotGiven(@TempDir Path folder) {
        String url = "r2dbc:h2:file:///" + folder.toAbsolutePath() + "/users";

        CliRun run = CliRun.run(java.util.Map.of(UsersDbOptions.URL_VARIABLE, url), "db", "schema-load");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("applied to the users database " + url);
    }

    @Test
    void listUsersPrintsEveryUserInAlignedColumns() {
        String pool = cognito.createUserPool("cli-" + UUID.randomUUID());
        String andrew = cognito.createUser(pool, "andrew@example.com", "andrewbrown", "Andrew Brown", PASSWORD);
        String bayko = cognito.createUser(pool, "bayko@example.com", "bayko", "Andrew Bayko", PASSWORD);
        String anonymous = cognito.createUser(pool, "nobody@example.com", null, "Nobody", PASSWORD);

        CliRun run = CliRun.run("cognito", "list-users", "--pool", pool, "--cognito-endpoint",
                cognito.endpoint().toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines.get(0)).matches("HANDLE +SUB +EMAIL");
        int subColumn = lines.get(0).indexOf("SUB");
        int emailColumn = lines.get(0).indexOf("EMAIL");
        assertThat(lines.subList(1, 4)).containsExactlyInAnyOrder(
                row("andrewbrown", andrew, "andrew@example.com", subColumn, emailColumn),
                row("bayko", bayko, "bayko@example.com", subColumn, emailColumn),
                row("-", anonymous, "nobody@example.com", subColumn, emailColumn));
        assertThat(lines.get(4)).isEqualTo("3 users in pool " + pool);
    }

    private static String row(String handle, String sub, String email, int subColumn, int emailColumn) {
        return handle + " ".repeat(subColumn - handle.length()) + sub + " ".repeat(emailColumn - subColumn - sub.length())
                + email;
    }

    @Test
    void listUsersOfAnUnknownPoolFailsInOneLine() {
        CliRun run = CliRun.run("cognito", "list-users", "--pool", "us-east-1_nosuchpool", "--cognito-endpoint",
                cognito.endpoint().toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("error: Cognito at " + cognito.endpoint() + " refused the request: ");
    }

    @Test
    void updateCognitoUserIdsLinksTheUsersByPreferredUsernameAndReports() {
        String pool = cognito.createUserPool("cli-sync-" + UUID.randomUUID());
        String andrew = cognito.createUser(pool, "andrew@example.com", "andrewbrown", "Andrew Brown", PASSWORD);
        String bayko = cognito.createUser(pool, "bayko@example.com", "bayko", "Andrew Bayko", PASSWORD);
        cognito.createUser(pool, "stranger@example.com", "stranger", "Stranger", PASSWORD);
        try (UsersDatabase database = PostgresFixture.shared().freshDatabase()) {
            database.schema().migrate().block(WAIT);
            database.seed().seed().block(WAIT);
            UsersRows rows = new UsersRows(database.connectionFactory());
            String[] args = on(database, "db", "update-cognito-user-ids", "--pool", pool, "--cognito-endpoint",
                    cognito.endpoint().toString());

            CliRun first = CliRun.run(args);

            assertThat(first.exit()).as(first.toString()).isZero();
            assertThat(first.outLines()).containsExactly(
                    "synced 3 Cognito users of pool " + pool + " (Cognito at " + cognito.endpoint()
                            + ") into the users database " + urlOf(database),
                    "OUTCOME    USERS  WHO",
                    "updated    2",
                    "unchanged  0",
                    "unmatched  1      stranger",
                    "conflicts  0",
                    "renamed    0");
            assertThat(rows.subjectOf("andrewbrown")).contains(andrew);
            assertThat(rows.subjectOf("bayko")).contains(bayko);
            assertThat(rows.subjectOf("londo")).isEmpty();

            CliRun second = CliRun.run(args);

            assertThat(second.exit()).as(second.toString()).isZero();
            assertThat(second.outLines()).contains("updated    0", "unchanged  2");
        }
    }

    @Test
    void updateCognitoUserIdsWithAnUnreachableCognitoFailsInOneLine() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (UsersDatabase database = PostgresFixture.shared().freshDatabase()) {
            database.schema().migrate().block(WAIT);

            CliRun run = CliRun.run(on(database, "db", "update-cognito-user-ids", "--pool", "us-east-1_x",
                    "--cognito-endpoint", "http://127.0.0.1:" + port));

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.errLines()).singleElement().asString()
                    .startsWith("error: cannot reach Cognito at http://127.0.0.1:" + port);
        }
    }
}
