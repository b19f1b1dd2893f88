package com.cruddur.messaging.bootstrap.cli;

import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import java.net.URI;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The messages table for a {@code db} command that also changes the table (a rename shows the new name in the
 * user's conversations): {@link DynamoDbOptions} without {@code --region}, which comes from the command's other
 * options (the Cognito ones, or none).
 */
final class MessagesTableOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--endpoint", paramLabel = "<url>",
            description = {"DynamoDB endpoint of the messages table. Default: $" + DynamoDbOptions.ENDPOINT_VARIABLE
                    + ", else", "http://localhost:8000 (where the embedded default's DynamoDB Local listens)."})
    URI endpoint;

    @Option(names = "--prod",
            description = "The messages table is in AWS: the default credential chain and region, no endpoint.")
    boolean prod;

    @Option(names = "--table", paramLabel = "<name>", defaultValue = MessagesTable.DEFAULT_NAME,
            description = "Messages table name (default: $" + AdminCli.TABLE_VARIABLE + ", else "
                    + MessagesTable.DEFAULT_NAME + ").")
    String table;

    /** These options as {@link DynamoDbOptions}, in {@code region} (null: the SDK's region chain, or us-east-1). */
    DynamoDbOptions inRegion(String region) {
        DynamoDbOptions options = new DynamoDbOptions();
        options.command = command;
        options.endpoint = endpoint;
        options.prod = prod;
        options.table = table;
        options.region = region;
        return options;
    }
}
