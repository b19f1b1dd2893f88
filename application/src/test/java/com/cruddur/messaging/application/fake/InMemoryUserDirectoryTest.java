package com.cruddur.messaging.application.fake;

import com.cruddur.messaging.application.contract.UserDirectoryContract;
import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.UserId;
import java.util.UUID;

class InMemoryUserDirectoryTest extends UserDirectoryContract {

    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();

    @Override
    protected UserDirectory directory() {
        return directory;
    }

    @Override
    protected Participant givenUser(String displayName, String handle, String cognitoSubject) {
        return directory.add(new Participant(new UserId(UUID.randomUUID()), displayName, new Handle(handle)),
                cognitoSubject);
    }
}
