package com.cruddur.messaging.adapters.postgres;

import com.cruddur.messaging.adapters.postgres.testing.PostgresFixture;
import com.cruddur.messaging.adapters.postgres.testing.UsersRows;
import com.cruddur.messaging.application.contract.UserDirectoryContract;
import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.Participant;

class PostgresUserDirectoryTest extends UserDirectoryContract {

    private final UsersDatabase users = PostgresFixture.shared().users();
    private final UsersRows rows = new UsersRows(users.connectionFactory());
    private final UserDirectory directory = users.directory();

    @Override
    protected UserDirectory directory() {
        return directory;
    }

    @Override
    protected Participant givenUser(String displayName, String handle, String cognitoSubject) {
        return rows.insert(displayName, handle, cognitoSubject);
    }
}
