package com.cruddur.messaging.application.contract;

import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.Participant;

/** What every {@link UserDirectory} implementation must do. */
public abstract class UserDirectoryContract {

    protected abstract UserDirectory directory();

    /**
     * Stores a user by the implementation's own means (SQL, a map...) and returns them as the directory will.
     * Handles and subjects passed in are fresh per test.
     */
    protected abstract Participant givenUser(String displayName, String handle, String cognitoSubject);
}
