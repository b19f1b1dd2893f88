package com.cruddur.messaging.bootstrap.cli;

import com.cruddur.messaging.adapters.dynamodb.Attr;
import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/** {@code ddb schema-load | drop | list-tables | scan}: the table itself. */
final class TableCommands {

    private TableCommands() {
    }

    @Command(name = "schema-load", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
            description = {"Creates the messages table and waits until it is active: keys pk (hash) and sk (range), "
                    + "GSI " + MessagesTable.GROUP_INDEX + " (message_group_uuid, sk; projection ALL), stream "
                    + "NEW_IMAGE, provisioned 5 RCU / 5 WCU on table and index (or --on-demand), time to live on "
                    + MessagesTable.TIME_TO_LIVE_ATTRIBUTE + " (idempotency records expire).",
                    "Fails, changing nothing, when the table exists."})
    static final class SchemaLoad implements Callable<Integer> {

        @Mixin
        DynamoDbOptions dynamo;

        @Mixin
        OutputOptions output;

        @Spec
        CommandSpec spec;

        @Option(names = "--on-demand", description = "Bill per request instead of provisioned capacity.")
        boolean onDemand;

        @Override
        public Integer call() {
            try (DynamoDbTable table = dynamo.open()) {
                if (table.describe().isPresent()) {
                    throw exists(table);
                }
                MessagesTable schema = onDemand ? table.schema().withBilling(MessagesTable.Billing.onDemand())
                        : table.schema();
                TableDescription created;
                try {
                    created = table.await(schema.create(table.client()));
                } catch (CliFailure failure) {
                    if (failure.getCause() instanceof ResourceInUseException) {
                        throw exists(table);
                    }
                    throw failure;
                }
                var out = spec.commandLine().getOut();
                TimeToLiveDescription ttl = table.call(() -> table.client().describeTimeToLive(
                        DescribeTimeToLiveRequest.builder().tableName(table.name()).build())).timeToLiveDescription();
                if (output.json()) {
                    Map<String, Object> document = OutputOptions.document();
                    document.put("command", "ddb schema-load");
                    document.put("table", table.name());
                    document.put("where", table.where());
                    document.put("created", true);
                    if (created != null) {
                        document.putAll(json(created));
                    }
                    Map<String, Object> timeToLive = OutputOptions.document();
                    timeToLive.put("attribute", ttl.attributeName());
                    timeToLive.put("status", ttl.timeToLiveStatusAsString());
                    document.put("timeToLive", timeToLive);
                    document.put("consumedCapacity", OutputOptions.capacity(0, 0));
                    OutputOptions.print(out, document);
                    return 0;
                }
                out.println("created table '" + table.name() + "' in " + table.where());
                if (created != null) {
                    describe(created).forEach(line -> out.println("  " + line));
                }
                out.println("  time to live: " + (ttl.attributeName() == null ? "" : ttl.attributeName() + " ")
                        + ttl.timeToLiveStatusAsString().toLowerCase());
                out.flush();
                return 0;
            }
        }

        private static CliFailure exists(DynamoDbTable table) {
            return new CliFailure("table '" + table.name() + "' already exists in " + table.where()
                    + "; nothing was changed");
        }

        private static List<String> describe(TableDescription table) {
            List<String> lines = new ArrayList<>();
            lines.add("keys: " + keys(table.keySchema()));
            table.globalSecondaryIndexes().forEach(index -> lines.add("index: " + index.indexName() + " ("
                    + keys(index.keySchema()) + "), projection " + index.projection().projectionTypeAsString()));
            if (table.streamSpecification() != null && Boolean.TRUE.equals(table.streamSpecification().streamEnabled())) {
                lines.add("stream: " + table.streamSpecification().streamViewTypeAsString()
                        + (table.latestStreamArn() == null ? "" : " (" + table.latestStreamArn() + ")"));
            } else {
                lines.add("stream: off");
            }
            boolean onDemand = table.billingModeSummary() != null
                    && table.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST;
            lines.add("billing: " + (onDemand ? "on demand" : "provisioned "
                    + table.provisionedThroughput().readCapacityUnits() + " RCU / "
                    + table.provisionedThroughput().writeCapacityUnits() + " WCU"));
            lines.add("status: " + table.tableStatusAsString());
            return lines;
        }

        /** The created table for {@code --output json}. */
        private static Map<String, Object> json(TableDescription table) {
            Map<String, Object> document = OutputOptions.document();
            document.put("keys", jsonKeys(table.keySchema()));
            document.put("indexes", table.globalSecondaryIndexes().stream().map(index -> {
                Map<String, Object> json = OutputOptions.document();
                json.put("name", index.indexName());
                json.put("keys", jsonKeys(index.keySchema()));
                json.put("projection", index.projection().projectionTypeAsString());
                return json;
            }).toList());
            boolean streaming = table.streamSpecification() != null
                    && Boolean.TRUE.equals(table.streamSpecification().streamEnabled());
            Map<String, Object> stream = OutputOptions.document();
            stream.put("enabled", streaming);
            stream.put("viewType", streaming ? table.streamSpecification().streamViewTypeAsString() : null);
            stream.put("arn", table.latestStreamArn());
            document.put("stream", stream);
            boolean onDemand = table.billingModeSummary() != null
                    && table.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST;
            Map<String, Object> billing = OutputOptions.document();
            billing.put("mode", onDemand ? BillingMode.PAY_PER_REQUEST.toString() : BillingMode.PROVISIONED.toString());
            if (!onDemand) {
                billing.put("readCapacityUnits", table.provisionedThroughput().readCapacityUnits());
                billing.put("writeCapacityUnits", table.provisionedThroughput().writeCapacityUnits());
            }
            document.put("billing", billing);
            document.put("status", table.tableStatusAsString());
            return document;
        }

        private static List<Map<String, Object>> jsonKeys(List<KeySchemaElement> keys) {
            return keys.stream().map(key -> {
                Map<String, Object> json = OutputOptions.document();
                json.put("attribute", key.attributeName());
                json.put("type", key.keyTypeAsString());
                return json;
            }).toList();
        }

        private static String keys(List<KeySchemaElement> keys) {
            return keys.stream().map(key -> key.attributeName() + " " + key.keyTypeAsString().toLowerCase())
                    .collect(Collectors.joining(", "));
        }
    }

    @Command(name = "drop", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
            description = {"Deletes a table and everything in it.",
                    "Refuses --prod without --force. Fails when the table does not exist."})
    static final class Drop implements Callable<Integer> {

        @Mixin
        DynamoDbOptions dynamo;

        @Mixin
        OutputOptions output;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "<table>",
                description = "The table to drop (default: the --table value, " + MessagesTable.DEFAULT_NAME + ").")
        String tableName;

        @Option(names = "--force", description = "Allow dropping a table in AWS (--prod).")
        boolean force;

        @Override
        public Integer call() {
            if (tableName != null) {
                dynamo.table = tableName;
            }
            dynamo.validate();
            dynamo.refuseProductionUnless(force, "drop");
            try (DynamoDbTable table = dynamo.open()) {
                boolean dropped = Boolean.TRUE.equals(table.await(table.schema().delete(table.client())));
                if (!dropped) {
                    throw new CliFailure("table '" + table.name() + "' does not exist in " + table.where()
                            + "; nothing was dropped");
                }
                if (output.json()) {
                    Map<String, Object> document = OutputOptions.document();
                    document.put("command", "ddb drop");
                    document.put("table", table.name());
                    document.put("where", table.where());
                    document.put("dropped", true);
                    document.put("consumedCapacity", OutputOptions.capacity(0, 0));
                    OutputOptions.print(spec.commandLine().getOut(), document);
                    return 0;
                }
                spec.commandLine().getOut().println("dropped table '" + table.name() + "' in " + table.where());
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    @Command(name = "list-tables", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
            description = "Lists the tables at the endpoint (or in AWS), one per line.")
    static final class ListTables implements Callable<Integer> {

        @Mixin
        DynamoDbOptions dynamo;

        @Mixin
        OutputOptions output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (DynamoDbTable table = dynamo.open()) {
                List<String> names = new ArrayList<>();
                table.pages(table.client().listTablesPaginator(ListTablesRequest.builder().build()))
                        .forEach(page -> names.addAll(page.tableNames()));
                var out = spec.commandLine().getOut();
                if (output.json()) {
                    Map<String, Object> document = OutputOptions.document();
                    document.put("command", "ddb list-tables");
                    document.put("where", table.where());
                    document.put("tables", names);
                    document.put("consumedCapacity", OutputOptions.capacity(0, 0));
                    OutputOptions.print(out, document);
                    return 0;
                }
                names.forEach(out::println);
                out.flush();
                if (names.isEmpty()) {
                    spec.commandLine().getErr().println("no tables in " + table.where());
                    spec.commandLine().getErr().flush();
                }
                return 0;
            }
        }
    }

    @Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
            description = {"Prints every item of the table (every page), sorted by pk and sk, as aligned columns: "
                    + "pk, sk, the conversation, the handle(s) and the message (first 40 characters).",
                    "Refuses --prod without --force: a scan reads (and pays for) the whole table."})
    static final class Scan implements Callable<Integer> {

        @Mixin
        DynamoDbOptions dynamo;

        @Mixin
        OutputOptions output;

        @Spec
        CommandSpec spec;

        @Option(names = "--force", description = "Allow scanning a table in AWS (--prod).")
        boolean force;

        @Option(names = "--page-size", paramLabel = "<items>",
                description = "Items per Scan request (default: as many as fit in DynamoDB's 1 MB page).")
        Integer pageSize;

        @Override
        public Integer call() {
            dynamo.validate();
            if (pageSize != null && pageSize < 1) {
                throw new ParameterException(spec.commandLine(), "--page-size must be at least 1");
            }
            dynamo.refuseProductionUnless(force, "scan");
            try (DynamoDbTable table = dynamo.open()) {
                ScanRequest request = ScanRequest.builder().tableName(table.name()).limit(pageSize)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
                List<ScanResponse> pages = table.pages(table.client().scanPaginator(request));
                List<Map<String, AttributeValue>> items = new ArrayList<>();
                Capacity capacity = new Capacity();
                for (ScanResponse page : pages) {
                    items.addAll(page.items());
                    capacity.add(page.consumedCapacity());
                }
                items.sort(Comparator.comparing((Map<String, AttributeValue> item) -> Items.text(item, Attr.PK))
                        .thenComparing(item -> Items.text(item, Attr.SK)));
                var out = spec.commandLine().getOut();
                if (output.json()) {
                    Map<String, Object> document = OutputOptions.document();
                    document.put("command", "ddb scan");
                    document.put("table", table.name());
                    document.put("where", table.where());
                    document.put("items", items.stream().map(Items::plain).toList());
                    document.put("count", items.size());
                    document.put("pages", pages.size());
                    document.put("consumedCapacity", OutputOptions.capacity(capacity.units(), 0));
                    OutputOptions.print(out, document);
                    return 0;
                }
                if (items.isEmpty()) {
                    out.println("table '" + table.name() + "' is empty");
                } else {
                    Columns columns = new Columns("PK", "SK", "CONVERSATION", "HANDLE", "MESSAGE");
                    for (Map<String, AttributeValue> item : items) {
                        columns.row(Items.text(item, Attr.PK), Items.text(item, Attr.SK), Items.conversation(item),
                                Items.handles(item), Columns.cut(Items.message(item), 40));
                    }
                    columns.print(out);
                }
                out.println(items.size() + (items.size() == 1 ? " item" : " items") + " in " + pages.size()
                        + (pages.size() == 1 ? " page" : " pages"));
                out.println(capacity.line("RCU"));
                out.flush();
                return 0;
            }
        }
    }
}
