package com.cruddur.messaging.application.fake;

import com.cruddur.messaging.application.contract.MessagesContract;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;

class InMemoryMessagesTest extends MessagesContract {

    private final InMemoryMessageStore store = new InMemoryMessageStore();

    @Override
    protected MessageGroups messageGroups() {
        return store.messageGroups();
    }

    @Override
    protected Messages messages() {
        return store.messages();
    }
}
