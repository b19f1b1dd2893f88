package com.cruddur.messaging.bootstrap.cli;

import com.cruddur.messaging.adapters.dynamodb.DynamoDbClients;
import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

/** Where the messages table is: a local endpoint (DynamoDB Local) by default, or AWS with {@code --prod}. */
final class DynamoDbOptions {

    static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_DYNAMODB";
    static final URI DEFAULT_ENDPOINT = URI.create("http://localhost:8000");

    /** A command makes one call at a time; the SDK's default pool size. */
    private static final int CONNECTIONS = 50;

    /** The SDK's switch to ignore AWS_ENDPOINT_URL_* (for --prod, which means AWS itself). */
    private static final String IGNORE_CONFIGURED_ENDPOINTS = "aws.ignoreConfiguredEndpointUrls";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--endpoint", paramLabel = "<url>",
            description = {"DynamoDB endpoint. Default: $" + ENDPOINT_VARIABLE + ", else",
                    "http://localhost:8000 (where the embedded default's DynamoDB Local listens)."})
    URI endpoint;

    @Option(names = "--prod",
            description = "Use DynamoDB in AWS: the default credential chain and region, no endpoint override.")
    boolean prod;

    @Option(names = "--table", paramLabel = "<name>", defaultValue = MessagesTable.DEFAULT_NAME,
            description = "Table name (default: $" + AdminCli.TABLE_VARIABLE + ", else " + MessagesTable.DEFAULT_NAME
                    + ").")
    String table;

    @Option(names = "--region", paramLabel = "<region>",
            description = "AWS region (default: the SDK's region chain with --prod, us-east-1 locally).")
    String region;

    /** Rejects contradictory options before anything is done. */
    void validate() {
        if (prod && endpoint != null) {
            throw new ParameterException(command.commandLine(),
                    "--prod (DynamoDB in AWS) and --endpoint exclude each other: give one of them");
        }
        if (table == null || table.isBlank()) {
            throw new ParameterException(command.commandLine(), "--table must not be blank");
        }
    }

    /** Fails, doing nothing, when {@code action} would touch production without {@code force}. */
    void refuseProductionUnless(boolean force, String action) {
        if (prod && !force) {
            throw new CliFailure("refusing to " + action + " table '" + table + "' in AWS (--prod) without --force;"
                    + " nothing was done");
        }
    }

    URI effectiveEndpoint() {
        if (endpoint != null) {
            return endpoint;
        }
        String fromEnvironment = root().env(ENDPOINT_VARIABLE);
        return fromEnvironment != null ? URI.create(fromEnvironment) : DEFAULT_ENDPOINT;
    }

    /** "DynamoDB at http://localhost:8000" or "DynamoDB in AWS (eu-west-1)". */
    String where() {
        if (prod) {
            return "DynamoDB in AWS" + (region == null ? "" : " (" + region + ")");
        }
        return "DynamoDB at " + effectiveEndpoint();
    }

    /** A client of the table; the caller closes it. */
    DynamoDbTable open() {
        validate();
        if (prod) {
            System.setProperty(IGNORE_CONFIGURED_ENDPOINTS, "true");
        }
        // Bounded: an endpoint that does not answer is an error within seconds, not a hang.
        // DynamoDB's own default is 9 attempts, which makes a stopped DynamoDB Local take many seconds to report.
        DynamoDbClients clients = (prod ? DynamoDbClients.aws() : DynamoDbClients.local(effectiveEndpoint()))
                .region(region)
                .connections(Duration.ofSeconds(prod ? 5 : 2), Duration.ofSeconds(5), CONNECTIONS)
                .attempts(prod ? 5 : 3)
                .timeouts(Duration.ofSeconds(prod ? 60 : 10), Duration.ofSeconds(prod ? 20 : 4));
        try {
            return new DynamoDbTable(clients.table(), table, where());
        } catch (SdkException | IllegalArgumentException e) {
            throw new CliFailure("cannot set up a client for " + where() + ": " + Failures.rootMessage(e), e);
        }
    }

    private AdminCli root() {
        return (AdminCli) command.root().userObject();
    }
}
