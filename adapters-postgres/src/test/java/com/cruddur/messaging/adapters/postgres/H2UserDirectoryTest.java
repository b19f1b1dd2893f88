package com.cruddur.messaging.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.postgres.testing.UsersRows;
import com.cruddur.messaging.application.contract.UserDirectoryContract;
import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.Participant;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2UserDirectoryTest extends UserDirectoryContract {

    @TempDir
    static Path data;

    private static UsersDatabase users;

    @BeforeAll
    static void openDatabase() {
        users = H2Databases.open(data.resolve("users"));
        users.schema().migrate().block(Duration.ofSeconds(30));
    }

    @AfterAll
    static void closeDatabase() {
        users.close();
    }

    @Override
    protected UserDirectory directory() {
        return users.directory();
    }

    @Override
    protected Participant givenUser(String displayName, String handle, String cognitoSubject) {
        return new UsersRows(users.connectionFactory()).insert(displayName, handle, cognitoSubject);
    }

    @Test
    void theFileKeepsUsersAcrossARestart() {
        Path file = data.resolve("restart");
        Participant stored;
        try (UsersDatabase first = H2Databases.open(file)) {
            first.schema().migrate().block(Duration.ofSeconds(30));
            stored = new UsersRows(first.connectionFactory()).insert("Londo Mollari", fresh("londo"), null);
        }

        try (UsersDatabase second = H2Databases.open(file)) {
            assertThat(second.schema().migrate().block(Duration.ofSeconds(30))).isEmpty();
            assertThat(second.directory().findByHandle(stored.handle()).block(Duration.ofSeconds(10)))
                    .isEqualTo(stored);
        }
    }
}
