package com.cruddur.messaging.adapters.dynamodb.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

class LocalDynamoDbTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void servesTheSdkOnLoopbackOnly() throws IOException {
        try (LocalDynamoDb server = LocalDynamoDb.startInMemory();
             DynamoDbAsyncClient client = DynamoDbLocalFixture.newClient(server.endpoint(), Duration.ofSeconds(10))) {
            assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(server.port()).isPositive();
            assertThat(client.listTables().join().tableNames()).isNotNull();

            List<InetAddress> otherAddresses = NetworkInterface.networkInterfaces()
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> !address.isLoopbackAddress())
                    .toList();
            for (InetAddress address : otherAddresses) {
                assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(address, server.port()), 1000);
                    }
                }).as("port %d must not be reachable on %s", server.port(), address).isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void stopsAndFreesItsPort() throws IOException {
        LocalDynamoDb server = LocalDynamoDb.startInMemory();
        int port = server.port();

        server.close();

        assertThat(server.isRunning()).isFalse();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void keepsTablesInItsDataFolderAcrossRestarts(@TempDir Path folder) {
        Path data = folder.resolve("ddb");
        MessagesTable table = MessagesTable.named("persisted");
        try (LocalDynamoDb first = LocalDynamoDb.start(0, Optional.of(data));
             DynamoDbAsyncClient client = DynamoDbLocalFixture.newClient(first.endpoint(), Duration.ofSeconds(10))) {
            table.create(client).block(WAIT);
        }
        assertThat(Files.exists(data.resolve("shared-local-instance.db"))).isTrue();

        try (LocalDynamoDb second = LocalDynamoDb.start(0, Optional.of(data));
             DynamoDbAsyncClient client = DynamoDbLocalFixture.newClient(second.endpoint(), Duration.ofSeconds(10))) {
            assertThat(table.describe(client).blockOptional(WAIT)).isPresent();
        }
    }

    @Test
    void refusesAPortThatIsTaken() {
        try (LocalDynamoDb first = LocalDynamoDb.startInMemory()) {
            assertThatThrownBy(() -> LocalDynamoDb.start(first.port(), Optional.empty()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + first.port());
        }
    }
}
