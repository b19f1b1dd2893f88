package com.cruddur.messaging.application.contract;

import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;

/** What every {@link Messages} implementation must do. */
public abstract class MessagesContract {

    protected abstract Messages messages();

    /** The groups of the same store, to start conversations that messages go into. */
    protected abstract MessageGroups messageGroups();
}
