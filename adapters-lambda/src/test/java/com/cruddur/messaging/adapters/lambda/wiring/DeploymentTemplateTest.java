package com.cruddur.messaging.adapters.lambda.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** What {@code deploy/template.yaml} grants and switches on, read as data. */
class DeploymentTemplateTest {

    private static final Path TEMPLATE = Path.of("..", "deploy", "template.yaml");
    private static final Set<String> ITEM_WRITES = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem",
            "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate",
            "dynamodb:PartiQLDelete", "dynamodb:*", "*");

    @Test
    void theStreamFunctionWritesOnlyConversationRecordsInboxRowsAndPairClaims() {
        List<Map<String, Object>> statements = statementsOf(resource("StreamFunctionRole"));

        List<Map<String, Object>> writes = statements.stream()
                .filter(statement -> actions(statement).stream().anyMatch(ITEM_WRITES::contains))
                .toList();

        assertThat(writes).isNotEmpty().allSatisfy(statement -> {
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            assertThat(actions(statement)).containsExactlyInAnyOrder(
                    "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");
            assertThat(statement.get("Condition")).isEqualTo(Map.of("ForAllValues:StringLike",
                    Map.of("dynamodb:LeadingKeys", List.of("CONV#*", "GRP#*", "PAIR#*"))));
        });
    }

    @Test
    void theTableExpiresIdempotencyRecordsByTheAttributeTheServiceWrites() {
        Map<String, Object> properties = map(resource("MessagesTable").get("Properties"));

        assertThat(properties.get("TimeToLiveSpecification")).isEqualTo(
                Map.of("AttributeName", MessagesTable.TIME_TO_LIVE_ATTRIBUTE, "Enabled", true));
    }

    @Test
    void theFunctionsAlarmsWatchIteratorAgeErrorsThrottlesAndDurationAgainstTheTimeoutAndNotifyTheTopic() {
        Map<String, Map<String, Object>> alarms = resourcesOfType("AWS::CloudWatch::Alarm");
        Map<String, Object> function = Map.of("!Ref", "StreamFunction");

        assertThat(metricAlarm(alarms, "AWS/Lambda", "IteratorAge"))
                .containsEntry("Dimensions", List.of(Map.of("Name", "FunctionName", "Value", function)))
                .containsEntry("Statistic", "Maximum")
                .containsEntry("ComparisonOperator", "GreaterThanThreshold")
                .containsEntry("Threshold", Map.of("!Sub", "${IteratorAgeAlarmSeconds}000"));
        for (String metric : List.of("Errors", "Throttles")) {
            assertThat(metricAlarm(alarms, "AWS/Lambda", metric)).as(metric)
                    .containsEntry("Dimensions", List.of(Map.of("Name", "FunctionName", "Value", function)))
                    .containsEntry("Statistic", "Sum")
                    .containsEntry("Threshold", 0)
                    .containsEntry("ComparisonOperator", "GreaterThanThreshold");
        }

        Map<String, Object> duration = alarms.values().stream().map(alarm -> map(alarm.get("Properties")))
                .filter(properties -> properties.containsKey("Metrics")).findFirst().orElseThrow();
        List<Map<String, Object>> queries = list(duration.get("Metrics")).stream().map(DeploymentTemplateTest::map).toList();
        Map<String, Object> stat = map(queries.get(0).get("MetricStat"));
        assertThat(map(stat.get("Metric"))).containsEntry("Namespace", "AWS/Lambda").containsEntry("MetricName", "Duration")
                .containsEntry("Dimensions", List.of(Map.of("Name", "FunctionName", "Value", function)));
        assertThat(stat).containsEntry("Stat", "Maximum");
        assertThat(queries.get(1)).containsEntry("ReturnData", true).containsEntry("Expression",
                Map.of("!Sub", "100 * " + queries.get(0).get("Id") + " / (${FunctionTimeout} * 1000)"));
        assertThat(duration).containsEntry("Threshold", Map.of("!Ref", "DurationAlarmPercent"));

        assertThat(alarms).hasSize(5).allSatisfy((name, alarm) -> {
            Map<String, Object> properties = map(alarm.get("Properties"));
            Object toTopic = Map.of("!If", List.of("HasAlarmTopic", List.of(Map.of("!Ref", "AlarmTopicArn")),
                    Map.of("!Ref", "AWS::NoValue")));
            assertThat(properties).as(name).containsEntry("AlarmActions", toTopic).containsEntry("OKActions", toTopic)
                    .containsEntry("TreatMissingData", "notBreaching");
        });
        assertThat(parameter("AlarmTopicArn")).containsEntry("Type", "String").containsEntry("Default", "");
    }

    @Test
    void theFailureQueueHoldingAnyMessageRaisesAnAlarm() {
        Map<String, Object> queue = metricAlarm(resourcesOfType("AWS::CloudWatch::Alarm"), "AWS/SQS",
                "ApproximateNumberOfMessagesVisible");

        assertThat(queue)
                .containsEntry("Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("!GetAtt", "StreamFailureQueue.QueueName"))))
                .containsEntry("Threshold", 0)
                .containsEntry("ComparisonOperator", "GreaterThanThreshold");
    }

    @Test
    void theFailureQueueAndTheLogGroupOutliveTheStackAsTheTableDoes() {
        for (String name : List.of("MessagesTable", "StreamFailureQueue", "StreamFunctionLogGroup")) {
            assertThat(resource(name)).as(name)
                    .containsEntry("DeletionPolicy", "Retain")
                    .containsEntry("UpdateReplacePolicy", "Retain");
        }
    }

    @Test
    void theFunctionIsPlacedInAVpcOnlyWhenSubnetsAndSecurityGroupsAreGiven() {
        assertThat(parameter("SubnetIds")).containsEntry("Type", "CommaDelimitedList").containsEntry("Default", "");
        assertThat(parameter("SecurityGroupIds")).containsEntry("Type", "CommaDelimitedList").containsEntry("Default", "");
        assertThat(condition("InVpc")).isEqualTo(Map.of("!And", List.of(
                notEmpty("SubnetIds"), notEmpty("SecurityGroupIds"))));

        Map<String, Object> properties = map(resource("StreamFunction").get("Properties"));
        assertThat(properties.get("VpcConfig")).isEqualTo(Map.of("!If", List.of("InVpc",
                Map.of("SubnetIds", Map.of("!Ref", "SubnetIds"), "SecurityGroupIds", Map.of("!Ref", "SecurityGroupIds")),
                Map.of("!Ref", "AWS::NoValue"))));
    }

    @Test
    void theRoleGainsOnlyTheNetworkInterfacePermissionsAndOnlyInAVpc() {
        List<Object> policies = list(map(resource("StreamFunctionRole").get("Properties")).get("Policies"));
        List<Object> conditional = policies.stream().filter(policy -> map(policy).containsKey("!If")).toList();

        assertThat(conditional).hasSize(1);
        List<Object> choice = list(map(conditional.get(0)).get("!If"));
        assertThat(choice.get(0)).isEqualTo("InVpc");
        assertThat(choice.get(2)).isEqualTo(Map.of("!Ref", "AWS::NoValue"));
        List<Object> statements = list(map(map(choice.get(1)).get("PolicyDocument")).get("Statement"));
        assertThat(statements).singleElement().satisfies(statement -> {
            assertThat(actions(map(statement))).allSatisfy(action -> assertThat((String) action).startsWith("ec2:"))
                    .contains("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface");
        });
        // Outside a VPC the role has no EC2 permission at all; no managed policy adds one.
        assertThat(policies).filteredOn(policy -> !map(policy).containsKey("!If"))
                .flatMap(policy -> list(map(map(policy).get("PolicyDocument")).get("Statement")))
                .flatMap(statement -> actions(map(statement)))
                .isNotEmpty()
                .noneSatisfy(action -> assertThat((String) action).startsWith("ec2:"));
        assertThat(map(resource("StreamFunctionRole").get("Properties"))).doesNotContainKey("ManagedPolicyArns");
    }

    @Test
    void aGatewayEndpointForDynamoDbIsCreatedOnlyOnGivenRouteTables() {
        Map<String, Object> endpoint = resource("DynamoDbGatewayEndpoint");

        assertThat(parameter("RouteTableIds")).containsEntry("Type", "CommaDelimitedList").containsEntry("Default", "");
        assertThat(condition("CreateDynamoDbEndpoint")).isEqualTo(notEmpty("RouteTableIds"));
        assertThat(endpoint).containsEntry("Type", "AWS::EC2::VPCEndpoint").containsEntry("Condition", "CreateDynamoDbEndpoint");
        assertThat(map(endpoint.get("Properties")))
                .containsEntry("VpcEndpointType", "Gateway")
                .containsEntry("ServiceName", Map.of("!Sub", "com.amazonaws.${AWS::Region}.dynamodb"))
                .containsEntry("RouteTableIds", Map.of("!Ref", "RouteTableIds"))
                .containsEntry("VpcId", Map.of("!Ref", "VpcId"));
    }

    @Test
    void theTableNameTextsNameThePropertyTheServiceReads() {
        Map<String, Object> template = template();
        String parameterText = (String) parameter("TableName").get("Description");
        String outputText = (String) map(map(template.get("Outputs")).get("MessagesTableName")).get("Description");

        assertThat(parameterText).contains("cruddur.dynamodb.table").doesNotContain("DDB_MESSAGE_TABLE");
        assertThat(outputText).contains("cruddur.dynamodb.table").doesNotContain("TABLE_NAME")
                .doesNotContain("DDB_MESSAGE_TABLE");
    }

    private static Map<String, Object> notEmpty(String listParameter) {
        return Map.of("!Not", List.of(Map.of("!Equals", List.of(
                Map.of("!Join", List.of("", Map.of("!Ref", listParameter))), ""))));
    }

    private static Map<String, Object> metricAlarm(Map<String, Map<String, Object>> alarms, String namespace,
                                                   String metric) {
        return alarms.values().stream().map(alarm -> map(alarm.get("Properties")))
                .filter(properties -> namespace.equals(properties.get("Namespace"))
                        && metric.equals(properties.get("MetricName")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no alarm on " + namespace + " " + metric));
    }

    private static Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        map(template().get("Resources")).forEach((name, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                found.put(name, map(resource));
            }
        });
        return found;
    }

    private static Map<String, Object> parameter(String name) {
        return map(map(template().get("Parameters")).get(name));
    }

    private static Object condition(String name) {
        return map(template().get("Conditions")).get(name);
    }

    private static Map<String, Object> resource(String name) {
        return map(map(template().get("Resources")).get(name));
    }

    private static Map<String, Object> template() {
        try (Reader reader = Files.newBufferedReader(TEMPLATE)) {
            return new Yaml(new CloudFormationTags(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + TEMPLATE.toAbsolutePath(), e);
        }
    }

    /** Every statement the role can hold, those of a policy under a condition included. */
    private static List<Map<String, Object>> statementsOf(Map<String, Object> role) {
        List<Object> policies = list(map(role.get("Properties")).get("Policies"));
        return policies.stream()
                .map(policy -> map(policy).containsKey("!If") ? list(map(policy).get("!If")).get(1) : policy)
                .flatMap(policy -> list(map(map(policy).get("PolicyDocument")).get("Statement")).stream())
                .map(DeploymentTemplateTest::map)
                .toList();
    }

    private static List<Object> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> many ? List.copyOf(many) : List.of(action);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    /**
     * CloudFormation's short forms ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, {@code !If}, ...) are YAML tags a
     * plain loader refuses; each is read as a one-entry map of its tag to its value, which is all a test of the
     * template's structure needs.
     */
    private static final class CloudFormationTags extends SafeConstructor {

        CloudFormationTags(LoaderOptions options) {
            super(options);
            yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    Object value;
                    if (node instanceof ScalarNode scalar) {
                        value = constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        value = constructSequence(sequence);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    Map<String, Object> tagged = new LinkedHashMap<>();
                    tagged.put(node.getTag().getValue(), value);
                    return tagged;
                }
            });
        }
    }
}
