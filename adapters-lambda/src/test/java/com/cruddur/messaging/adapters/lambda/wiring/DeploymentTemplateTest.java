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

    private static Map<String, Object> resource(String name) {
        try (Reader reader = Files.newBufferedReader(TEMPLATE)) {
            Map<String, Object> template = new Yaml(new CloudFormationTags(new LoaderOptions())).load(reader);
            return map(map(template.get("Resources")).get(name));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + TEMPLATE.toAbsolutePath(), e);
        }
    }

    private static List<Map<String, Object>> statementsOf(Map<String, Object> role) {
        List<Object> policies = list(map(role.get("Properties")).get("Policies"));
        return policies.stream()
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
