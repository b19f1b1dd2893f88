package com.cruddur.messaging.application.fake;

import com.cruddur.messaging.application.contract.BlocksContract;
import com.cruddur.messaging.application.port.Blocks;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;

class InMemoryBlocksTest extends BlocksContract {

    private final InMemoryMessageStore store = new InMemoryMessageStore();

    @Override
    protected Blocks blocks() {
        return store.blocks();
    }

    @Override
    protected MessageGroups messageGroups() {
        return store.messageGroups();
    }

    @Override
    protected Messages messages() {
        return store.messages();
    }
}
