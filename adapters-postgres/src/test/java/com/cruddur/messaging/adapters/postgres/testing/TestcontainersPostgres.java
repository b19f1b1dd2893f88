package com.cruddur.messaging.adapters.postgres.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Testcontainers side of {@link PostgresFixture}, in a class of its own so that modules without Testcontainers on
 * their test classpath never load it.
 */
final class TestcontainersPostgres {

    private static final String IMAGE = "postgres:16-alpine";

    private TestcontainersPostgres() {
    }

    static boolean available() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, TestcontainersPostgres.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /** Starts a container for this JVM; Testcontainers removes it when the JVM exits. */
    @SuppressWarnings("resource")
    static PostgresFixture start(PostgresFixture.Factory fixture) {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        return fixture.create(container.getHost(), container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                container.getDatabaseName(), container.getUsername(), container.getPassword());
    }
}
