package com.cruddur.messaging.bootstrap.cli;

import com.cruddur.messaging.adapters.dynamodb.ConsumedCapacityRecorder;
import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessageGroups;
import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessages;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.StoreUnavailableException;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.bootstrap.demo.DemoConversation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ddb seed}: the demo conversations, written as the service writes conversations. */
@Command(name = "seed", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
        description = {"Writes the demo conversations (andrewbrown and bayko, londo and andrewbrown), every message "
                + "in the past, through the same writes as the service: both inbox rows end on the newest message.",
                "The demo users must be in the users database (cruddur admin db seed); they are read from there.",
                "A conversation that exists is left as it is: seeding twice writes nothing the second time.",
                "Refuses --prod without --force."})
final class SeedCommand implements Callable<Integer> {

    private static final Set<String> READS = Set.of("GetItem", "Query", "BatchGetItem", "Scan");

    @Mixin
    DynamoDbOptions dynamo;

    @Mixin
    OutputOptions output;

    @Mixin
    UsersDbOptions database;

    @Spec
    CommandSpec spec;

    @Option(names = "--force", description = "Allow seeding a table in AWS (--prod).")
    boolean force;

    @Override
    public Integer call() {
        dynamo.validate();
        dynamo.refuseProductionUnless(force, "seed");
        try (UsersDbOptions.Users users = database.open(); DynamoDbTable table = dynamo.open()) {
            table.requireTable();
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            DemoConversation.Result result;
            try {
                MessageGroups groups = new DynamoDbMessageGroups(table.client(), table.name(), registry);
                Messages messages = new DynamoDbMessages(table.client(), table.name(), registry);
                result = DemoConversation.seed(users.database().directory(), groups, messages,
                        new MoveGroupsToNewestMessage(groups, messages)).block(Duration.ofMinutes(5));
            } catch (RuntimeException e) {
                throw explain(e, users, table);
            }
            var out = spec.commandLine().getOut();
            if (output.json()) {
                Map<String, Object> document = OutputOptions.document();
                document.put("command", "ddb seed");
                document.put("table", table.name());
                document.put("where", table.where());
                document.put("conversations", result.conversations().stream().map(conversation -> {
                    Map<String, Object> json = OutputOptions.document();
                    json.put("first", conversation.first().toString());
                    json.put("second", conversation.second().toString());
                    json.put("conversation", conversation.group().toString());
                    json.put("written", conversation.written());
                    json.put("messages", conversation.messages());
                    return json;
                }).toList());
                document.put("messagesWritten", result.messagesWritten());
                document.put("consumedCapacity", OutputOptions.capacity(units(registry, true), units(registry, false)));
                OutputOptions.print(out, document);
                return 0;
            }
            for (DemoConversation.Conversation conversation : result.conversations()) {
                String who = conversation.first() + " & " + conversation.second();
                out.println(conversation.written()
                        ? "wrote " + who + " (" + conversation.group() + "): " + conversation.messages() + " messages"
                        : who + " (" + conversation.group() + ") exists already: nothing written");
            }
            out.println(result.wroteAnything()
                    ? "seeded " + result.messagesWritten() + " messages into table '" + table.name() + "' in "
                            + table.where()
                    : "nothing to seed: the demo conversations exist already in table '" + table.name() + "'");
            out.println("consumed capacity: " + Capacity.format(units(registry, true)) + " RCU, "
                    + Capacity.format(units(registry, false)) + " WCU");
            out.flush();
            return 0;
        }
    }

    private static CliFailure explain(RuntimeException e, UsersDbOptions.Users users, DynamoDbTable table) {
        Throwable error = Failures.unwrap(e);
        if (error instanceof DemoConversation.MissingUsersException missing) {
            return new CliFailure(missing.getMessage() + " (" + users.where() + "); add them with: cruddur admin db "
                    + "seed", missing);
        }
        if (error instanceof StoreUnavailableException unavailable && "users".equals(unavailable.store())) {
            return Failures.usersDatabase(error, users.where());
        }
        return Failures.dynamoDb(error, table.where(), table.name());
    }

    private static double units(SimpleMeterRegistry registry, boolean reads) {
        return registry.find(ConsumedCapacityRecorder.METRIC).counters().stream()
                .filter(counter -> READS.contains(counter.getId().getTag("operation")) == reads)
                .mapToDouble(Counter::count)
                .sum();
    }
}
