package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.application.contract.MessageGroupsContract;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The port contract on DynamoDB Local, with small DynamoDB pages so that listings cross page boundaries. */
class DynamoDbMessageGroupsContractTest extends MessageGroupsContract {

    private static final String TABLE = DynamoDbLocalFixture.freshTable("groups-contract");
    private static final ConsumedCapacityRecorder RECORDER = new ConsumedCapacityRecorder(new SimpleMeterRegistry());
    private static final DynamoDbMessageGroups GROUPS =
            new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), TABLE, RECORDER, 3);
    private static final DynamoDbMessages MESSAGES =
            new DynamoDbMessages(DynamoDbLocalFixture.client(), TABLE, RECORDER, 3);

    @Override
    protected MessageGroups messageGroups() {
        return GROUPS;
    }

    @Override
    protected Messages messages() {
        return MESSAGES;
    }
}
