package com.cruddur.messaging.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.StoreUnavailableException;
import com.cruddur.messaging.domain.Handle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** A users database that cannot answer gives the typed error the web layer maps to 503, never a hang. */
class UnreachableDirectoryTest {

    private static final UsersDatabase.Settings SHORT = new UsersDatabase.Settings(
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(2), 2);

    @Test
    void aClosedPortIsReportedAsUnavailableQuickly() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (UsersDatabase users = UsersDatabase.connect(
                "r2dbc:postgresql://127.0.0.1:" + closedPort + "/cruddur", "postgres", "", SHORT)) {

            StepVerifier.create(users.directory().findByHandle(new Handle("bayko")))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(StoreUnavailableException.class)
                                .hasMessage("the user directory is unavailable; try again shortly");
                        assertThat(((StoreUnavailableException) error).store()).isEqualTo("users");
                        assertThat(error.getCause()).isNotNull();
                    })
                    .verify(Duration.ofSeconds(5));
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        // Accepts connections (the kernel completes the handshake) and never says a word.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             UsersDatabase users = UsersDatabase.connect(
                     "r2dbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/cruddur", "postgres", "", SHORT)) {

            long started = System.nanoTime();
            StepVerifier.create(users.directory().findByCognitoSubject("a-subject"))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(StoreUnavailableException.class);
                        assertThat(((StoreUnavailableException) error).store()).isEqualTo("users");
                    })
                    .verify(Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }
}
