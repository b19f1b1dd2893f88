package com.cruddur.messaging.application.fake;

import com.cruddur.messaging.application.contract.MessageGroupsContract;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;

/** With no failures asked for, the wrapper keeps the port's contract: the tests that use it can trust it. */
class FailingMovesTest extends MessageGroupsContract {

    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final FailingMoves groups = new FailingMoves(store.messageGroups());

    @Override
    protected MessageGroups messageGroups() {
        return groups;
    }

    @Override
    protected Messages messages() {
        return store.messages();
    }
}
