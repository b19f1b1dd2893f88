package com.cruddur.messaging.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Help and usage mistakes: nothing here reaches a store. */
class AdminCliHelpTest {

    static Stream<String> commands() {
        return Stream.of("", "ddb", "ddb schema-load", "ddb drop", "ddb list-tables", "ddb scan", "ddb seed",
                "ddb get-conversation", "ddb list-conversations", "db", "db schema-load", "db seed",
                "db rename-user", "db update-cognito-user-ids", "cognito", "cognito list-users");
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void everyCommandHasHelp(String command) {
        String[] args = Stream.concat(Arrays.stream(command.split(" ")).filter(word -> !word.isEmpty()),
                Stream.of("--help")).toArray(String[]::new);

        CliRun run = CliRun.run(args);

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines().get(0)).startsWith(("Usage: cruddur admin " + command).strip() + " ");
        assertThat(run.out()).contains("-h, --help");
    }

    @Test
    void helpNamesTheOptionsAndTheirDefaults() {
        CliRun run = CliRun.run("ddb", "get-conversation", "--help");

        assertThat(run.out()).contains("<group-uuid>", "--from=<time>", "--to=<time>", "--year=<yyyy>",
                "--endpoint=<url>", "$AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:8000", "--prod",
                "--table=<name>", "cruddur-messages", "--region=<region>");
        CliRun seed = CliRun.run("ddb", "seed", "--help");
        assertThat(seed.out()).contains("--force", "--db-url=<r2dbc url>", "$CRUDDUR_USERS_URL",
                "r2dbc:h2:file:///./data/users", "--db-username", "--db-password");
        CliRun listUsers = CliRun.run("cognito", "list-users", "--help");
        assertThat(listUsers.out()).contains("--pool=<id>", "--cognito-endpoint=<url>");
    }

    @Test
    void anUnknownCommandShowsTheUsage() {
        CliRun run = CliRun.run("ddb", "nonsense");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines().get(0)).startsWith("error: ").contains("nonsense");
        assertThat(run.err()).contains("Usage: cruddur admin ddb ", "schema-load", "get-conversation");
    }

    @Test
    void anUnknownGroupShowsTheUsage() {
        CliRun run = CliRun.run("tables");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("tables", "Usage: cruddur admin ", "ddb", "db", "cognito");
    }

    @Test
    void noCommandShowsTheUsage() {
        CliRun none = CliRun.run();
        CliRun groupOnly = CliRun.run("db");

        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("Usage: cruddur admin ");
        assertThat(groupOnly.exit()).isEqualTo(2);
        assertThat(groupOnly.err()).contains("Usage: cruddur admin db ", "update-cognito-user-ids");
    }

    @Test
    void anUnknownOptionIsOneLineNamingTheHelp() {
        CliRun run = CliRun.run("ddb", "scan", "--frobnicate");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("error: ").contains("--frobnicate")
                .endsWith("(see: cruddur admin ddb scan --help)");
    }

    @Test
    void aMissingRequiredOptionIsOneLine() {
        CliRun run = CliRun.run("cognito", "list-users");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--pool");
    }

    @Test
    void theProductionGuardComesBeforeAnyConnection() {
        for (List<String> args : List.of(List.of("ddb", "scan", "--prod"), List.of("ddb", "seed", "--prod"),
                List.of("ddb", "drop", "--prod"))) {
            CliRun run = CliRun.run(args.toArray(String[]::new));

            assertThat(run.exit()).as(args.toString()).isEqualTo(1);
            assertThat(run.errLines()).singleElement().asString().contains("without --force");
        }
    }
}
