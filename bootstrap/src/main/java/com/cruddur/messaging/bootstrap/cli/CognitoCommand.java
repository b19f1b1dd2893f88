package com.cruddur.messaging.bootstrap.cli;

import com.cruddur.messaging.adapters.postgres.cognito.CognitoUser;
import com.cruddur.messaging.adapters.postgres.cognito.CognitoUsers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;

/** {@code cognito}: the Cognito user pool (the reference's bin/cognito scripts). */
@Command(name = "cognito", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
        description = "The Cognito user pool.",
        subcommands = CognitoCommand.ListUsers.class)
final class CognitoCommand {

    @Command(name = "list-users", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
            description = "Lists every user of the pool (every page, not only the first 60): handle "
                    + "(preferred_username), sub and email, as aligned columns.")
    static final class ListUsers implements Callable<Integer> {

        @Mixin
        CognitoOptions cognito;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (CognitoIdentityProviderAsyncClient client = cognito.open()) {
                List<CognitoUser> users;
                try {
                    users = new CognitoUsers(client).list(cognito.pool).collectList().block(Duration.ofMinutes(5));
                } catch (RuntimeException e) {
                    throw Failures.cognito(e, cognito.where());
                }
                var out = spec.commandLine().getOut();
                if (users == null || users.isEmpty()) {
                    out.println("no users in pool " + cognito.pool + " (" + cognito.where() + ")");
                } else {
                    Columns columns = new Columns("HANDLE", "SUB", "EMAIL");
                    users.forEach(user -> columns.row(user.preferredUsername().orElse("-"), user.subject(),
                            user.email().orElse("-")));
                    columns.print(out);
                    out.println(users.size() + (users.size() == 1 ? " user" : " users") + " in pool " + cognito.pool);
                }
                out.flush();
                return 0;
            }
        }
    }
}
