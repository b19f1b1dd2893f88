package com.cruddur.messaging.bootstrap.cli;

import com.cruddur.messaging.adapters.postgres.cognito.CognitoUser;
import com.cruddur.messaging.adapters.postgres.cognito.CognitoUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

        @Mixin
        OutputOptions output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (CognitoIdentityProviderAsyncClient client = cognito.open()) {
                List<CognitoUser> users;
                try {
                    users = new CognitoUsers(client).list(cognito.pool()).collectList().block(Duration.ofMinutes(5));
                } catch (RuntimeException e) {
                    throw Failures.cognito(e, cognito.where());
                }
                var out = spec.commandLine().getOut();
                if (output.json()) {
                    List<CognitoUser> listed = users == null ? List.of() : users;
                    Map<String, Object> document = OutputOptions.document();
                    document.put("command", "cognito list-users");
                    document.put("pool", cognito.pool());
                    document.put("where", cognito.where());
                    document.put("users", listed.stream().map(user -> {
                        Map<String, Object> json = OutputOptions.document();
                        json.put("handle", user.preferredUsername().orElse(null));
                        json.put("sub", user.subject());
                        json.put("email", user.email().orElse(null));
                        json.put("username", user.username());
                        json.put("name", user.name().orElse(null));
                        json.put("status", user.status());
                        json.put("enabled", user.enabled());
                        json.put("created", user.created().map(Object::toString).orElse(null));
                        return json;
                    }).toList());
                    document.put("count", listed.size());
                    OutputOptions.print(out, document);
                    return 0;
                }
                if (users == null || users.isEmpty()) {
                    out.println("no users in pool " + cognito.pool() + " (" + cognito.where() + ")");
                } else {
                    Columns columns = new Columns("HANDLE", "SUB", "EMAIL");
                    users.forEach(user -> columns.row(user.preferredUsername().orElse("-"), user.subject(),
                            user.email().orElse("-")));
                    columns.print(out);
                    out.println(users.size() + (users.size() == 1 ? " user" : " users") + " in pool " + cognito.pool());
                }
                out.flush();
                return 0;
            }
        }
    }
}
