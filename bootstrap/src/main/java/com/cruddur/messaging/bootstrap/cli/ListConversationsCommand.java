package com.cruddur.messaging.bootstrap.cli;

import com.cruddur.messaging.adapters.dynamodb.Attr;
import com.cruddur.messaging.domain.DomainViolation;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Participant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/** {@code ddb list-conversations}: the reference's patterns/list-conversations, which crashed before its query. */
@Command(name = "list-conversations", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
        description = {"Prints a user's conversations, most recent first (every page): the other participant's "
                + "handle, the time of the last message (UTC), its first 40 characters and the conversation id, "
                + "then the consumed capacity.",
                "The handle is looked up in the users database."})
final class ListConversationsCommand implements Callable<Integer> {

    @Mixin
    DynamoDbOptions dynamo;

    @Mixin
    OutputOptions output;

    @Mixin
    UsersDbOptions database;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<handle>", description = "Whose conversations, e.g. andrewbrown.")
    String handle;

    @Override
    public Integer call() {
        dynamo.validate();
        Handle who;
        try {
            who = new Handle(handle.startsWith("@") ? handle.substring(1) : handle);
        } catch (DomainViolation e) {
            throw new ParameterException(spec.commandLine(), "'" + handle + "' is not a handle: " + e.getMessage());
        }
        Participant user;
        try (UsersDbOptions.Users users = database.open()) {
            user = users.await(users.database().directory().findByHandle(who));
            if (user == null) {
                throw new CliFailure("no user with handle '" + who + "' in " + users.where());
            }
        }
        try (DynamoDbTable table = dynamo.open()) {
            QueryRequest request = QueryRequest.builder().tableName(table.name())
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", Attr.PK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Attr.GROUP_ROW_PREFIX + user.id())))
                    .scanIndexForward(false)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            Capacity capacity = new Capacity();
            List<Map<String, AttributeValue>> rows = new ArrayList<>();
            for (QueryResponse page : table.pages(table.client().queryPaginator(request))) {
                rows.addAll(page.items());
                capacity.add(page.consumedCapacity());
            }
            var out = spec.commandLine().getOut();
            if (output.json()) {
                Map<String, Object> document = OutputOptions.document();
                document.put("command", "ddb list-conversations");
                document.put("table", table.name());
                document.put("where", table.where());
                Map<String, Object> whose = OutputOptions.document();
                whose.put("handle", who.toString());
                whose.put("uuid", user.id().toString());
                whose.put("displayName", user.displayName());
                document.put("user", whose);
                document.put("conversations", rows.stream().map(row -> {
                    Map<String, Object> json = OutputOptions.document();
                    json.put("conversation", Items.conversation(row));
                    json.put("handle", Items.text(row, Attr.USER_HANDLE));
                    json.put("displayName", Items.text(row, Attr.USER_DISPLAY_NAME));
                    json.put("userUuid", Items.text(row, Attr.USER_UUID));
                    json.put("lastMessageAt", Items.text(row, Attr.SK));
                    json.put("lastMessage", Items.text(row, Attr.MESSAGE));
                    return json;
                }).toList());
                document.put("count", rows.size());
                document.put("consumedCapacity", OutputOptions.capacity(capacity.units(), 0));
                OutputOptions.print(out, document);
                return 0;
            }
            if (rows.isEmpty()) {
                out.println(who + " has no conversations (table '" + table.name() + "')");
            } else {
                Columns columns = new Columns("HANDLE", "TIME (UTC)", "MESSAGE", "CONVERSATION");
                for (Map<String, AttributeValue> row : rows) {
                    columns.row(Items.text(row, Attr.USER_HANDLE), TimeBound.shown(Items.text(row, Attr.SK)),
                            Columns.cut(Items.text(row, Attr.MESSAGE), GetConversationCommand.MESSAGE_WIDTH),
                            Items.conversation(row));
                }
                columns.print(out);
                out.println(rows.size() + (rows.size() == 1 ? " conversation" : " conversations") + " of " + who
                        + " (" + Columns.printable(user.displayName()) + ", " + user.id() + ")");
            }
            out.println(capacity.line("RCU"));
            out.flush();
            return 0;
        }
    }
}
