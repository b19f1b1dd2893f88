package com.cruddur.messaging.adapters.dynamodb;

import static com.cruddur.messaging.adapters.dynamodb.TestData.at;
import static com.cruddur.messaging.adapters.dynamodb.TestData.conversation;
import static com.cruddur.messaging.adapters.dynamodb.TestData.message;
import static com.cruddur.messaging.adapters.dynamodb.TestData.person;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.application.UseCasePattern;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every call's consumed capacity is counted per DynamoDB operation, access pattern and table. */
class ConsumedCapacityTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TABLE = DynamoDbLocalFixture.freshTable("capacity");

    @Test
    void eachPatternsCallsAreCountedUnderTheirOperationAndPattern() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DynamoDbMessageGroups groups = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), TABLE, registry);
        DynamoDbMessages messages = new DynamoDbMessages(DynamoDbLocalFixture.client(), TABLE, registry);
        ConsumedCapacityRecorder recorder = new ConsumedCapacityRecorder(registry);
        Participant a = person("Neroon");
        Participant b = person("Delenn");
        MessageGroup.Conversation started = conversation(a, b, "hello", at(0));

        groups.findByPair(ParticipantPair.of(a.id(), b.id())).block(WAIT);
        groups.start(started, Optional.empty()).block(WAIT);
        MessageGroup group = groups.find(started.group().id()).block(WAIT);
        messages.newestFirst(group.id(), 20, Optional.empty()).block(WAIT);
        groups.inbox(a.id(), 20, Optional.empty()).block(WAIT);
        messages.append(message(group.id(), b, "reply", at(1)), Optional.empty()).block(WAIT);
        messages.append(message(group.id(), b, "keyed", at(2)), Optional.of(TestData.request("cap"))).block(WAIT);
        groups.update(group, TestData.withLast(group, new LastMessage(at(2), "keyed"))).block(WAIT);

        assertThat(recorder.total("GetItem", AccessPattern.D, TABLE)).isPositive();
        assertThat(recorder.total("TransactWriteItems", AccessPattern.D, TABLE)).isPositive();
        assertThat(recorder.total("GetItem", AccessPattern.A, TABLE)).isPositive();
        assertThat(recorder.total("Query", AccessPattern.A, TABLE)).isPositive();
        assertThat(recorder.total("Query", AccessPattern.B, TABLE)).isPositive();
        assertThat(recorder.total("PutItem", AccessPattern.C, TABLE)).isPositive();
        assertThat(recorder.total("TransactWriteItems", AccessPattern.C, TABLE)).isPositive();
        assertThat(recorder.total("TransactWriteItems", AccessPattern.E, TABLE)).isPositive();
        Counter counter = registry.find(ConsumedCapacityRecorder.METRIC).tag("pattern", "E").counter();
        assertThat(counter.getId().getTag("operation")).isEqualTo("TransactWriteItems");
        assertThat(counter.getId().getTag("table")).isEqualTo(TABLE);
    }

    @Test
    void aCallerCanNameThePatternItServes() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DynamoDbMessageGroups groups = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), TABLE, registry);
        MessageGroup.Conversation started = conversation(person("Ta'Lon"), person("G'Kar"), "hello", at(0));
        groups.start(started, Optional.empty()).block(WAIT);

        groups.find(started.group().id()).contextWrite(UseCasePattern.E::declareIn)
                .block(WAIT);

        ConsumedCapacityRecorder recorder = new ConsumedCapacityRecorder(registry);
        assertThat(recorder.total("GetItem", AccessPattern.E, TABLE)).isPositive();
        assertThat(recorder.total("GetItem", AccessPattern.A, TABLE)).isZero();
    }
}
