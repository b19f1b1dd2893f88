package com.cruddur.messaging.bootstrap.cli;

import com.cruddur.messaging.adapters.postgres.UsersDatabase;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Mono;

/** Where the users live: the embedded default's H2 file by default, or PostgreSQL. */
final class UsersDbOptions {

    static final String URL_VARIABLE = "CRUDDUR_USERS_URL";
    static final String USERNAME_VARIABLE = "CRUDDUR_USERS_USERNAME";
    static final String PASSWORD_VARIABLE = "CRUDDUR_USERS_PASSWORD";

    /** Short timeouts: a database that does not answer is an error within seconds. */
    private static final UsersDatabase.Settings SETTINGS = new UsersDatabase.Settings(
            Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofSeconds(5), 2);

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--db-url", paramLabel = "<r2dbc url>",
            description = {"Users database. Default: $" + URL_VARIABLE + ", else the embedded default's",
                    UsersDatabase.EMBEDDED_URL + ". PostgreSQL:", "r2dbc:postgresql://host:5432/cruddur"})
    String url;

    @Option(names = "--db-username", paramLabel = "<user>", description = "Default: $" + USERNAME_VARIABLE + ".")
    String username;

    @Option(names = "--db-password", paramLabel = "<password>", description = "Default: $" + PASSWORD_VARIABLE + ".")
    String password;

    String effectiveUrl() {
        return url != null ? url : orElse(root().env(URL_VARIABLE), UsersDatabase.EMBEDDED_URL);
    }

    /** The pooled database; the caller closes it. */
    Users open() {
        String effective = effectiveUrl();
        try {
            UsersDatabase database = UsersDatabase.connect(effective,
                    username != null ? username : root().env(USERNAME_VARIABLE),
                    password != null ? password : root().env(PASSWORD_VARIABLE), SETTINGS);
            return new Users(database, "the users database " + redact(effective));
        } catch (RuntimeException e) {
            String reason = Failures.rootMessage(e);
            // One process at a time may open an H2 file: usually the running service holds it.
            String hint = reason.contains("locked") ? " (stop the running service first, or use --db-url)" : "";
            throw new CliFailure("cannot use the users database " + redact(effective) + ": " + reason + hint, e);
        }
    }

    private AdminCli root() {
        return (AdminCli) command.root().userObject();
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    /** The URL without a password written into it. */
    static String redact(String url) {
        return url.replaceAll("(//[^/:@]*:)[^/@]*@", "$1***@");
    }

    /** The users database with failures turned into one line naming it. */
    record Users(UsersDatabase database, String where) implements AutoCloseable {

        <T> T await(Mono<T> work) {
            try {
                return work.timeout(Duration.ofSeconds(30)).block();
            } catch (RuntimeException e) {
                throw Failures.usersDatabase(e, where);
            }
        }

        @Override
        public void close() {
            database.close();
        }
    }
}
