package com.cruddur.messaging.bootstrap.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code cruddur admin <group> <command>}: the reference's bin scripts as one command line, for the messages table
 * ({@code ddb}), the users database ({@code db}) and the Cognito user pool ({@code cognito}).
 *
 * <p>It runs without Spring: quick to start, and it never starts the service. Failures print one line on the error
 * stream ({@code --verbose} adds the stack trace) and exit with 1; usage mistakes exit with 2.
 */
@Command(name = "cruddur admin", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
        description = "Administers Cruddur Messaging's stores: the DynamoDB messages table, the users database and "
                + "the Cognito user pool.",
        subcommands = {DdbCommand.class, DbCommand.class, CognitoCommand.class},
        footer = {"", "Every command has --help. Local stores by default; see each command for AWS."})
public final class AdminCli {

    /** Usage mistakes (unknown command, bad option value). */
    public static final int USAGE_ERROR = 2;

    private static final int USAGE_WIDTH = 100;

    /** The reference's table name variable; the default of {@code --table}. */
    static final String TABLE_VARIABLE = "DDB_MESSAGE_TABLE";

    /** The reference's user pool variable; the default of {@code --pool}. */
    static final String POOL_VARIABLE = "AWS_COGNITO_USER_POOL_ID";

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print the stack trace of a failure and library warnings.")
    boolean verbose;

    private final Map<String, String> env;

    private AdminCli(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Runs the command line; returns the exit status (0 when the command did what was asked). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, System.getenv(), args);
    }

    /** The same with the environment variables given (the defaults of some options come from there). */
    static int run(PrintStream out, PrintStream err, Map<String, String> env, String... args) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        boolean verbose = Arrays.asList(args).contains("--verbose");
        Logging.quiet(verbose);
        PrintWriter output = new PrintWriter(out, true);
        PrintWriter errors = new PrintWriter(err, true);
        CommandLine cli = new CommandLine(new AdminCli(env))
                .setOut(output)
                .setErr(errors)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpWidth(USAGE_WIDTH)
                .setExecutionExceptionHandler(failures(errors, verbose))
                .setParameterExceptionHandler(usageMistakes(errors, verbose))
                .setDefaultValueProvider(referenceDefaults(env));
        try {
            return cli.execute(args);
        } finally {
            output.flush();
            errors.flush();
        }
    }

    /** An environment variable, or null when unset or blank. */
    String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The reference's environment variables as defaults: {@code --table} from {@value #TABLE_VARIABLE},
     * {@code --pool} from {@value #POOL_VARIABLE}; an option given on the command line wins.
     */
    static IDefaultValueProvider referenceDefaults(Map<String, String> env) {
        Map<String, String> variables = Map.of("--table", TABLE_VARIABLE, "--pool", POOL_VARIABLE);
        return argument -> {
            if (argument instanceof OptionSpec option && variables.containsKey(option.longestName())) {
                String value = env.get(variables.get(option.longestName()));
                return value == null || value.isBlank() ? null : value.trim();
            }
            return null;
        };
    }

    private static IExecutionExceptionHandler failures(PrintWriter err, boolean verbose) {
        return (exception, commandLine, parseResult) -> {
            CliFailure failure = exception instanceof CliFailure known ? known
                    : new CliFailure("unexpected failure: " + Failures.rootMessage(exception), exception);
            err.println("error: " + Failures.oneLine(failure.getMessage()));
            if (verbose) {
                (failure.getCause() != null ? failure.getCause() : failure).printStackTrace(err);
            }
            err.flush();
            return CliFailure.EXIT_CODE;
        };
    }

    private static IParameterExceptionHandler usageMistakes(PrintWriter err, boolean verbose) {
        return (exception, args) -> {
            CommandLine failed = exception.getCommandLine();
            boolean hasSubcommands = !failed.getSubcommands().isEmpty();
            if (hasSubcommands && (exception instanceof UnmatchedArgumentException || missingSubcommand(exception))) {
                err.println("error: " + Failures.oneLine(exception.getMessage()));
                failed.usage(err);
            } else {
                err.println("error: " + Failures.oneLine(exception.getMessage()) + " (see: "
                        + failed.getCommandSpec().qualifiedName() + " --help)");
            }
            if (verbose) {
                exception.printStackTrace(err);
            }
            err.flush();
            return USAGE_ERROR;
        };
    }

    private static boolean missingSubcommand(ParameterException exception) {
        return exception.getMessage() != null && exception.getMessage().contains("subcommand");
    }

    /** The version of the packaged application (a development build has none). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AdminCli.class.getPackage().getImplementationVersion();
            return new String[] {"Cruddur Messaging admin " + (version == null ? "(development build)" : version)};
        }
    }
}
