package com.cruddur.messaging.bootstrap.cli;

import com.cruddur.messaging.adapters.postgres.UsersSchema;
import com.cruddur.messaging.adapters.postgres.UsersSeed;
import com.cruddur.messaging.adapters.postgres.cognito.CognitoUserSync;
import com.cruddur.messaging.adapters.postgres.cognito.CognitoUsers;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;

/** {@code db}: the users database (the reference's bin/db scripts). */
@Command(name = "db", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
        description = "The users database (PostgreSQL, or the embedded default's H2 file).",
        subcommands = {DbCommand.SchemaLoad.class, DbCommand.Seed.class, DbCommand.UpdateCognitoUserIds.class})
final class DbCommand {

    @Command(name = "schema-load", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
            description = {"Applies the users schema migrations that are missing, in order, and says which "
                    + "(Flyway; a database migrated before Flyway is adopted at its recorded version).",
                    "Running it again changes nothing."})
    static final class SchemaLoad implements Callable<Integer> {

        @Mixin
        UsersDbOptions database;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (UsersDbOptions.Users users = database.open()) {
                List<UsersSchema.Applied> applied = users.await(users.database().schema().migrate());
                var out = spec.commandLine().getOut();
                if (applied.isEmpty()) {
                    List<String> versions = users.await(users.database().schema().appliedVersions());
                    out.println("the users schema of " + users.where() + " is up to date (migrations "
                            + versions.stream().map(v -> "V" + v).collect(Collectors.joining(", ")) + ")");
                } else {
                    out.println("applied to " + users.where() + ":");
                    applied.forEach(migration -> out.println("  V" + migration.version() + " "
                            + migration.description()));
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "seed", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
            description = {"Inserts the demo users (andrewbrown, bayko, londo) that are missing; users "
                    + "present are left as they are.", "Running it again changes nothing."})
    static final class Seed implements Callable<Integer> {

        @Mixin
        UsersDbOptions database;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (UsersDbOptions.Users users = database.open()) {
                List<String> inserted = users.await(users.database().seed().seed());
                String all = UsersSeed.DEMO_USERS.stream().map(user -> user.handle().value())
                        .collect(Collectors.joining(", "));
                var out = spec.commandLine().getOut();
                if (inserted.isEmpty()) {
                    out.println("the demo users (" + all + ") are in " + users.where() + " already; nothing inserted");
                } else {
                    out.println("inserted " + inserted.size() + " demo users into " + users.where() + ": "
                            + String.join(", ", inserted));
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "update-cognito-user-ids", mixinStandardHelpOptions = true,
            versionProvider = AdminCli.Version.class,
            description = {"Links users to Cognito: for every user of the pool (every page), sets "
                    + "users.cognito_user_id to the user's sub where users.handle equals their preferred_username "
                    + "and the row has no cognito_user_id yet.",
                    "A row linked to another sub, or a sub already linked to another row, is left alone and "
                            + "reported as a conflict (Cognito users can edit their preferred_username)."})
    static final class UpdateCognitoUserIds implements Callable<Integer> {

        @Mixin
        UsersDbOptions database;

        @Mixin
        CognitoOptions cognito;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (UsersDbOptions.Users users = database.open();
                 CognitoIdentityProviderAsyncClient client = cognito.open()) {
                CognitoUserSync sync = new CognitoUserSync(new CognitoUsers(client), users.database().connectionFactory());
                CognitoUserSync.Report report = await(sync.sync(cognito.pool()), users);
                var out = spec.commandLine().getOut();
                out.println("synced " + report.total() + " Cognito users of pool " + cognito.pool() + " ("
                        + cognito.where() + ") into " + users.where());
                Columns columns = new Columns("OUTCOME", "USERS", "WHO");
                columns.row("updated", Integer.toString(report.updated()), "");
                columns.row("unchanged", Integer.toString(report.unchanged()), "");
                columns.row("unmatched", Integer.toString(report.unmatched()), String.join(", ", report.unmatchedUsers()));
                columns.row("conflicts", Integer.toString(report.conflicts()), String.join(", ", report.conflictingUsers()));
                columns.print(out);
                out.flush();
                return 0;
            }
        }

        private <T> T await(Mono<T> work, UsersDbOptions.Users users) {
            try {
                return work.block();
            } catch (RuntimeException e) {
                throw Failures.unwrap(e) instanceof SdkException ? Failures.cognito(e, cognito.where())
                        : Failures.usersDatabase(e, users.where());
            }
        }
    }
}
