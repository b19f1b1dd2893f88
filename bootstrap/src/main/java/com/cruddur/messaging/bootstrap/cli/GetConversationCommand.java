package com.cruddur.messaging.bootstrap.cli;

import com.cruddur.messaging.adapters.dynamodb.Attr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/** {@code ddb get-conversation}: the reference's patterns/get-conversation, which crashed before printing a line. */
@Command(name = "get-conversation", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
        description = {"Prints the messages of a conversation, oldest first (every page): the sender's handle, the "
                + "time (UTC) and the first 40 characters of the message, then the consumed capacity.",
                "Without --from/--to or --year: all its messages."})
final class GetConversationCommand implements Callable<Integer> {

    static final int MESSAGE_WIDTH = 40;

    @Mixin
    DynamoDbOptions dynamo;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<group-uuid>", converter = GroupId.class,
            description = "The conversation (message_group_uuid).")
    UUID group;

    @Option(names = "--from", paramLabel = "<time>", converter = TimeBound.Converter.class,
            description = {"From this date (from its start, UTC) or time, inclusive, e.g.",
                    "2023-03-01 or 2023-03-01T10:15:30Z."})
    TimeBound from;

    @Option(names = "--to", paramLabel = "<time>", converter = TimeBound.Converter.class,
            description = {"Up to this date (to its end, UTC) or time, inclusive, e.g.",
                    "2023-03-19 or 2023-03-19T18:00:00Z."})
    TimeBound to;

    @Option(names = "--year", paramLabel = "<yyyy>", description = "Only this year's messages (as the reference "
            + "did, begins_with on the sort key); not with --from/--to.")
    Integer year;

    @Override
    public Integer call() {
        dynamo.validate();
        if (year != null && (from != null || to != null)) {
            throw new ParameterException(spec.commandLine(), "--year and --from/--to exclude each other: give one");
        }
        if (year != null && (year < 1000 || year > 9999)) {
            throw new ParameterException(spec.commandLine(), "--year must be a four-digit year, got " + year);
        }
        if (from != null && to != null && from.first().isAfter(to.last())) {
            throw new ParameterException(spec.commandLine(),
                    "--from " + from.text() + " is after --to " + to.text());
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(Attr.MESSAGE_PREFIX + group));
        String condition = "#pk = :pk";
        String window = "";
        if (year != null) {
            condition += " AND begins_with(#sk, :year)";
            values.put(":year", AttributeValue.fromS(Integer.toString(year)));
            window = " in " + year;
        } else if (from != null && to != null) {
            condition += " AND #sk BETWEEN :from AND :to";
            values.put(":from", AttributeValue.fromS(from.lowestKey()));
            values.put(":to", AttributeValue.fromS(to.highestKey()));
            window = " from " + from.text() + " to " + to.text();
        } else if (from != null) {
            condition += " AND #sk >= :from";
            values.put(":from", AttributeValue.fromS(from.lowestKey()));
            window = " from " + from.text();
        } else if (to != null) {
            condition += " AND #sk <= :to";
            values.put(":to", AttributeValue.fromS(to.highestKey()));
            window = " up to " + to.text();
        }
        try (DynamoDbTable table = dynamo.open()) {
            QueryRequest request = QueryRequest.builder().tableName(table.name())
                    .keyConditionExpression(condition)
                    .expressionAttributeNames(condition.contains("#sk") ? Map.of("#pk", Attr.PK, "#sk", Attr.SK)
                            : Map.of("#pk", Attr.PK))
                    .expressionAttributeValues(values)
                    .scanIndexForward(true)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            Capacity capacity = new Capacity();
            List<Map<String, AttributeValue>> messages = new ArrayList<>();
            for (QueryResponse page : table.pages(table.client().queryPaginator(request))) {
                messages.addAll(page.items());
                capacity.add(page.consumedCapacity());
            }
            var out = spec.commandLine().getOut();
            if (output.json()) {
                Map<String, Object> document = OutputOptions.document();
                document.put("command", "ddb get-conversation");
                document.put("table", table.name());
                document.put("where", table.where());
                document.put("conversation", group.toString());
                Map<String, Object> bounds = OutputOptions.document();
                bounds.put("year", year);
                bounds.put("from", from == null ? null : from.lowestKey());
                bounds.put("to", to == null ? null : to.highestKey());
                document.put("window", bounds);
                document.put("messages", messages.stream().map(message -> {
                    Map<String, Object> json = OutputOptions.document();
                    json.put("messageUuid", Items.text(message, Attr.MESSAGE_UUID));
                    json.put("handle", Items.text(message, Attr.USER_HANDLE));
                    json.put("displayName", Items.text(message, Attr.USER_DISPLAY_NAME));
                    json.put("userUuid", Items.text(message, Attr.USER_UUID));
                    json.put("createdAt", Items.text(message, Attr.SK));
                    json.put("message", Items.text(message, Attr.MESSAGE));
                    return json;
                }).toList());
                document.put("count", messages.size());
                document.put("consumedCapacity", OutputOptions.capacity(capacity.units(), 0));
                OutputOptions.print(out, document);
                return 0;
            }
            if (messages.isEmpty()) {
                out.println("no messages in conversation " + group + window + " (table '" + table.name() + "')");
            } else {
                Columns columns = new Columns("HANDLE", "TIME (UTC)", "MESSAGE");
                for (Map<String, AttributeValue> message : messages) {
                    columns.row(Items.text(message, Attr.USER_HANDLE), TimeBound.shown(Items.text(message, Attr.SK)),
                            Columns.cut(Items.text(message, Attr.MESSAGE), MESSAGE_WIDTH));
                }
                columns.print(out);
                out.println(messages.size() + (messages.size() == 1 ? " message" : " messages")
                        + " in conversation " + group + window);
            }
            out.println(capacity.line("RCU"));
            out.flush();
            return 0;
        }
    }

    /** A conversation id is a uuid; anything else is a usage mistake. */
    static final class GroupId implements ITypeConverter<UUID> {
        @Override
        public UUID convert(String value) {
            try {
                UUID uuid = UUID.fromString(value);
                if (!uuid.toString().equalsIgnoreCase(value)) {
                    throw new IllegalArgumentException(value);
                }
                return uuid;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a conversation id (a uuid such as "
                        + "5ae290ed-55d1-47a0-bc6d-fe2bc2700399)");
            }
        }
    }
}
