package com.cruddur.messaging.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.cruddur.messaging.adapters.postgres.testing.PostgresFixture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What start-up may retry and what it must give up on, against the real servers. */
class UsersDatabasePreparationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path data;

    @Test
    void preparesAnEmbeddedFileTwiceWithoutHarm() {
        try (UsersDatabase database = UsersDatabase.connect("r2dbc:h2:file:///" + data.resolve("users"), null, null)) {
            UsersDatabasePreparation preparation = new UsersDatabasePreparation(database, true);
            preparation.prepare().block(WAIT);
            preparation.prepare().block(WAIT);

            assertThat(database.schema().appliedVersions().block(WAIT)).containsExactly("1");
        }
    }

    @Test
    void aDatabaseThatDoesNotExistIsAPermanentFailure() {
        PostgresFixture postgres = PostgresFixture.shared();
        String missing = postgres.url().replace("/" + postgres.databaseName(), "/no_such_database_here");
        try (UsersDatabase database = UsersDatabase.connect(missing, postgres.username(), postgres.password())) {
            Throwable failure = catchThrowable(() -> new UsersDatabasePreparation(database, false).prepare().block(WAIT));

            assertThat(failure).isNotNull();
            assertThat(UsersDatabasePreparation.isPermanent(failure)).as(failure.toString()).isTrue();
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsWorthWaitingFor() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (UsersDatabase database = UsersDatabase.connect("r2dbc:postgresql://127.0.0.1:" + closedPort + "/cruddur",
                "postgres", null)) {
            Throwable failure = catchThrowable(() -> new UsersDatabasePreparation(database, false).prepare().block(WAIT));

            assertThat(failure).isNotNull();
            assertThat(UsersDatabasePreparation.isPermanent(failure)).as(failure.toString()).isFalse();
        }
    }
}
