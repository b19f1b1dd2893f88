package com.cruddur.messaging.application.contract;

import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;

/**
 * What every {@link MessageGroups} implementation must do. Extend it with a store per test class (or per run);
 * tests isolate themselves with fresh ids, never by emptying the store.
 */
public abstract class MessageGroupsContract {

    /** The implementation under test. */
    protected abstract MessageGroups messageGroups();

    /** The messages of the same store (a started conversation's first message is read through it). */
    protected abstract Messages messages();

    // Tests are added below; see ContractFixtures for shared test data.
}
