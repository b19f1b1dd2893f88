package com.cruddur.messaging.adapters.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What the users schema's hand-written migrator (before Flyway) left in a database after applying V1: the users
 * table and its history table {@code users_schema_history} with V1's row, the checksum the SHA-256 of the script as
 * shipped. Written here statement by statement as that migrator did, so the adoption of such databases is tested on
 * the real servers.
 */
final class HandWrittenMigrator {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, Map<String, String>> PLACEHOLDERS = Map.of(
            "PostgreSQL", Map.of("text", "TEXT", "uuid_default", "gen_random_uuid()"),
            "H2", Map.of("text", "VARCHAR", "uuid_default", "RANDOM_UUID()"));

    private HandWrittenMigrator() {
    }

    /** Migrates {@code users} ("PostgreSQL" or "H2") to V1 as the hand-written migrator did. */
    static void applyV1(UsersDatabase users, String database) {
        DatabaseClient sql = DatabaseClient.create(users.connectionFactory());
        String script = v1();
        String rendered = script;
        for (Map.Entry<String, String> placeholder : PLACEHOLDERS.get(database).entrySet()) {
            rendered = rendered.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
        }
        String withoutComments = rendered.lines().filter(line -> !line.strip().startsWith("--"))
                .collect(Collectors.joining("\n"));
        for (String statement : Arrays.stream(withoutComments.split(";\\s*(\\n|$)")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()) {
            sql.sql(statement).fetch().rowsUpdated().block(WAIT);
        }
        sql.sql("CREATE TABLE IF NOT EXISTS users_schema_history ("
                + " version INTEGER PRIMARY KEY,"
                + " description VARCHAR(200) NOT NULL,"
                + " checksum VARCHAR(64) NOT NULL,"
                + " applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)")
                .fetch().rowsUpdated().block(WAIT);
        sql.sql("INSERT INTO users_schema_history (version, description, checksum) VALUES (1, :description, :checksum)")
                .bind("description", "users table with unique handle and Cognito subject")
                .bind("checksum", sha256(script))
                .fetch().rowsUpdated().block(WAIT);
    }

    private static String v1() {
        try (InputStream in = UsersSchema.class.getResourceAsStream("migrations/V1__users.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
