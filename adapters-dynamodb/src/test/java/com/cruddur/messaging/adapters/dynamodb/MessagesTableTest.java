package com.cruddur.messaging.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class MessagesTableTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final DynamoDbAsyncClient client = DynamoDbLocalFixture.client();

    @Test
    void createsTheReferenceTableWithItsStreamProvisionedFiveByFive() {
        MessagesTable table = MessagesTable.named("schema-" + UUID.randomUUID());

        TableDescription created = table.create(client).block(WAIT);

        assertThat(created.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(created.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("pk:" + KeyType.HASH, "sk:" + KeyType.RANGE);
        assertThat(created.attributeDefinitions()).extracting(a -> a.attributeName() + ":" + a.attributeTypeAsString())
                .containsExactlyInAnyOrder("pk:S", "sk:S", "message_group_uuid:S");
        assertThat(created.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(created.provisionedThroughput().writeCapacityUnits()).isEqualTo(5L);
        assertThat(created.streamSpecification().streamEnabled()).isTrue();
        assertThat(created.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
        assertThat(created.latestStreamArn()).isNotBlank();
        assertThat(created.globalSecondaryIndexes()).hasSize(1);
        GlobalSecondaryIndexDescription index = created.globalSecondaryIndexes().get(0);
        assertThat(index.indexName()).isEqualTo("message-group-sk-index");
        assertThat(index.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("message_group_uuid:" + KeyType.HASH, "sk:" + KeyType.RANGE);
        assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        assertThat(index.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(index.provisionedThroughput().writeCapacityUnits()).isEqualTo(5L);
    }

    @Test
    void createdTablesExpireIdempotencyRecordsByTheirTimeToLive() {
        MessagesTable table = MessagesTable.named("ttl-" + UUID.randomUUID());

        table.create(client).block(WAIT);

        TimeToLiveDescription ttl = client.describeTimeToLive(DescribeTimeToLiveRequest.builder()
                .tableName(table.name()).build()).join().timeToLiveDescription();
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(ttl.attributeName()).isEqualTo("expires_at").isEqualTo(MessagesTable.TIME_TO_LIVE_ATTRIBUTE);
    }

    @Test
    void theDefaultNameIsTheReferences() {
        assertThat(MessagesTable.defaults().name()).isEqualTo("cruddur-messages");
        assertThat(MessagesTable.defaults().createTableRequest().tableName()).isEqualTo("cruddur-messages");
    }

    @Test
    void onDemandTablesCarryNoProvisionedThroughput() {
        MessagesTable table = MessagesTable.named("ondemand-" + UUID.randomUUID())
                .withBilling(MessagesTable.Billing.onDemand());

        assertThat(table.createTableRequest().provisionedThroughput()).isNull();
        assertThat(table.createTableRequest().globalSecondaryIndexes().get(0).provisionedThroughput()).isNull();
        TableDescription created = table.create(client).block(WAIT);
        assertThat(created.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(created.globalSecondaryIndexes()).hasSize(1);
    }

    @Test
    void describesCreatesIfMissingAndDeletes() {
        MessagesTable table = MessagesTable.named("lifecycle-" + UUID.randomUUID());

        assertThat(table.describe(client).blockOptional(WAIT)).isEmpty();
        assertThat(table.createIfMissing(client).block(WAIT)).isTrue();
        assertThat(table.createIfMissing(client).block(WAIT)).isFalse();
        assertThat(table.describe(client).block(WAIT).tableName()).isEqualTo(table.name());
        assertThat(table.delete(client).block(WAIT)).isTrue();
        assertThat(table.delete(client).block(WAIT)).isFalse();
        assertThat(table.describe(client).blockOptional(WAIT)).isEmpty();
    }
}
