package com.cruddur.messaging.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The migrations reach over JDBC the same database the service's R2DBC URL names. */
class JdbcTargetTest {

    @Test
    void aPostgresUrlKeepsItsServerDatabaseCredentialsAndSslMode() {
        JdbcTarget target = JdbcTarget.of(ConnectionFactoryOptions.parse(
                "r2dbc:postgresql://cruddur:s3cret@db.example.com:6543/messaging?sslMode=REQUIRE"), Duration.ofSeconds(2));

        assertThat(target.url()).isEqualTo(
                "jdbc:postgresql://db.example.com:6543/messaging?connectTimeout=2&loginTimeout=2&sslmode=require");
        assertThat(target.username()).isEqualTo("cruddur");
        assertThat(target.password()).isEqualTo("s3cret");
        assertThat(target.dialect()).isEqualTo(JdbcTarget.Dialect.POSTGRESQL);
        assertThat(target.toString()).doesNotContain("s3cret");
    }

    @Test
    void anH2FileUrlNamesTheSameFile() {
        JdbcTarget target = JdbcTarget.of(ConnectionFactoryOptions.parse("r2dbc:h2:file:///./data/users"),
                Duration.ofSeconds(2));

        assertThat(target.url()).isEqualTo("jdbc:h2:file:./data/users");
        assertThat(target.dialect()).isEqualTo(JdbcTarget.Dialect.H2);
    }
}
