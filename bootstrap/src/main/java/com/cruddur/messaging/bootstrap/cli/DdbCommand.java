package com.cruddur.messaging.bootstrap.cli;

import picocli.CommandLine.Command;

/** {@code ddb}: the messages table (the reference's bin/ddb scripts). */
@Command(name = "ddb", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
        description = "The DynamoDB messages table: create, drop, list, scan, seed and query it.",
        subcommands = {TableCommands.SchemaLoad.class, TableCommands.Drop.class, TableCommands.ListTables.class,
                TableCommands.Scan.class, SeedCommand.class, GetConversationCommand.class,
                ListConversationsCommand.class})
final class DdbCommand {
}
