package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.application.contract.BlocksContract;
import com.cruddur.messaging.application.port.Blocks;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The port contract on DynamoDB Local, with small DynamoDB pages so that a list of blocks crosses them. */
class DynamoDbBlocksContractTest extends BlocksContract {

    private static final String TABLE = DynamoDbLocalFixture.freshTable("blocks-contract");
    private static final ConsumedCapacityRecorder RECORDER = new ConsumedCapacityRecorder(new SimpleMeterRegistry());
    private static final DynamoDbBlocks BLOCKS = new DynamoDbBlocks(DynamoDbLocalFixture.client(), TABLE, RECORDER, 2);
    private static final DynamoDbMessageGroups GROUPS =
            new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), TABLE, RECORDER, 3);
    private static final DynamoDbMessages MESSAGES =
            new DynamoDbMessages(DynamoDbLocalFixture.client(), TABLE, RECORDER, 3);

    @Override
    protected Blocks blocks() {
        return BLOCKS;
    }

    @Override
    protected MessageGroups messageGroups() {
        return GROUPS;
    }

    @Override
    protected Messages messages() {
        return MESSAGES;
    }
}
