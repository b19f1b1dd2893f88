package com.cruddur.messaging.bootstrap.cli;

import com.cruddur.messaging.adapters.postgres.UsersSchema;
import com.cruddur.messaging.adapters.postgres.UsersSeed;
import com.cruddur.messaging.adapters.postgres.cognito.CognitoUserSync;
import com.cruddur.messaging.adapters.postgres.cognito.CognitoUsers;
import com.cruddur.messaging.application.InvalidCommandException;
import com.cruddur.messaging.application.RenameUser;
import com.cruddur.messaging.domain.Handle;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;

/** {@code db}: the users database (the reference's bin/db scripts). */
@Command(name = "db", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
        description = "The users database (PostgreSQL, or the embedded default's H2 file).",
        subcommands = {DbCommand.SchemaLoad.class, DbCommand.Seed.class, DbCommand.RenameUserCommand.class,
                DbCommand.UpdateCognitoUserIds.class})
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

    @Command(name = "rename-user", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
            description = {"Renames a user: a new display name, a new handle, or both. The users database is "
                    + "updated, then every conversation of the user shows the new names (the other participant's "
                    + "inbox row and the conversation record; messages keep the names they were sent with). "
                    + "Prints the inbox rows changed and the capacity the table consumed.",
                    "The cost grows with the user's conversations only (their inbox is walked a page at a time). "
                            + "Running it again changes nothing, and finishes a run that was interrupted: "
                            + "'rename-user <new handle>' with no options shows the names the user has everywhere."})
    static final class RenameUserCommand implements Callable<Integer> {

        @Mixin
        UsersDbOptions database;

        @Mixin
        DynamoDbOptions dynamo;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<handle>", description = "Who, by their current handle, e.g. bayko.")
        String handle;

        @Option(names = "--display-name", paramLabel = "<name>",
                description = "The new display name (1 to " + RenameUser.MAX_DISPLAY_NAME + " characters).")
        String displayName;

        @Option(names = "--handle", paramLabel = "<new handle>",
                description = "The new handle (at most " + Handle.MAX_LENGTH + " characters, no spaces; unique).")
        String newHandle;

        @Override
        public Integer call() {
            dynamo.validate();
            RenameUser.Command command;
            try {
                command = RenameUser.Command.of(withoutAt(handle), displayName, newHandle == null ? null
                        : withoutAt(newHandle));
            } catch (InvalidCommandException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            try (UsersDbOptions.Users users = database.open(); DynamoDbTable table = dynamo.open()) {
                table.requireTable();
                UserRename rename = new UserRename(users, table);
                var out = spec.commandLine().getOut();
                rename.print(out, rename.rename(command));
                out.flush();
                return 0;
            }
        }
    }

    static String withoutAt(String handle) {
        return handle.startsWith("@") ? handle.substring(1) : handle;
    }

    @Command(name = "update-cognito-user-ids", mixinStandardHelpOptions = true,
            versionProvider = AdminCli.Version.class,
            description = {"Links users to Cognito: for every user of the pool (every page), sets "
                    + "users.cognito_user_id to the user's sub where users.handle equals their preferred_username "
                    + "and the row has no cognito_user_id yet.",
                    "A row linked to another sub, or a sub already linked to another row, is left alone and "
                            + "reported as a conflict (Cognito users can edit their preferred_username).",
                    "A linked user whose name or preferred_username changed in Cognito is renamed as rename-user "
                            + "does: the users row, then their conversations in the messages table (--endpoint, "
                            + "--prod, --table; the region is --region's)."})
    static final class UpdateCognitoUserIds implements Callable<Integer> {

        @Mixin
        UsersDbOptions database;

        @Mixin
        CognitoOptions cognito;

        @Mixin
        MessagesTableOptions messagesTable;

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
                columns.row("renamed", Integer.toString(report.renamed()), report.renames().stream()
                        .map(rename -> rename.handle() + rename.newHandle().map(next -> " -> " + next).orElse(""))
                        .collect(Collectors.joining(", ")));
                columns.print(out);
                out.flush();
                return report.renames().isEmpty() ? 0 : renameEverywhere(report.renames(), users, out);
            }
        }

        /**
         * Renames each user renamed in Cognito, as rename-user does; one that fails is reported in one line and the
         * others go on.
         */
        private int renameEverywhere(List<CognitoUserSync.Rename> renames, UsersDbOptions.Users users,
                                     java.io.PrintWriter out) {
            var err = spec.commandLine().getErr();
            int failed = 0;
            try (DynamoDbTable table = messagesTable.inRegion(cognito.region).open()) {
                table.requireTable();
                UserRename userRename = new UserRename(users, table);
                for (CognitoUserSync.Rename rename : renames) {
                    try {
                        RenameUser.Command command = RenameUser.Command.of(rename.handle(),
                                rename.displayName().orElse(null), rename.newHandle().orElse(null));
                        userRename.print(out, userRename.rename(command));
                    } catch (InvalidCommandException | CliFailure e) {
                        failed++;
                        err.println("error: cannot rename " + rename.handle() + ": " + Failures.oneLine(e.getMessage()));
                    }
                    out.flush();
                }
            }
            err.flush();
            return failed == 0 ? 0 : CliFailure.EXIT_CODE;
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
