package com.cruddur.messaging.adapters.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The history the users schema kept before Flyway: a table {@value #TABLE} of (version, description, checksum,
 * applied_at), the checksum the SHA-256 of the script as shipped. A database that has it and no Flyway history yet
 * is adopted: Flyway baselines it at the newest version recorded there, so those migrations are not run again, and
 * the later ones are. A recorded script that has changed since is refused, as before. The old table is left in
 * place (an older build started on the database still finds its own history).
 */
final class HandWrittenHistory {

    static final String TABLE = "users_schema_history";

    /** The scripts the hand-written migrator shipped; later ones exist only under Flyway. */
    private static final Map<Integer, String> SHIPPED = Map.of(1, "V1__users.sql");

    private HandWrittenHistory() {
    }

    /** The version to baseline at, when the database was migrated by the hand-written migrator and not since. */
    static Optional<String> versionToAdopt(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection()) {
            if (!exists(connection, TABLE) || exists(connection, UsersSchema.HISTORY_TABLE)) {
                return Optional.empty();
            }
            Integer newest = null;
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT version, checksum FROM " + TABLE + " ORDER BY version")) {
                while (rows.next()) {
                    int version = rows.getInt("version");
                    requireUnchanged(version, rows.getString("checksum"));
                    newest = version;
                }
            }
            return Optional.ofNullable(newest).map(String::valueOf);
        }
    }

    private static void requireUnchanged(int version, String recorded) {
        String shipped = checksum(script(version));
        if (!shipped.equals(recorded)) {
            throw new IllegalStateException("users schema migration V" + version + " changed after it was applied"
                    + " (" + TABLE + " records another checksum); add a new migration instead");
        }
    }

    /** PostgreSQL folds unquoted names to lower case, H2 to upper case. */
    private static boolean exists(Connection connection, String table) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet tables = metadata.getTables(null, connection.getSchema(), name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String script(int version) {
        String name = SHIPPED.get(version);
        if (name == null) {
            throw new IllegalStateException("users schema migration V" + version + ", recorded in " + TABLE
                    + ", is not one the hand-written migrator shipped");
        }
        try (InputStream in = HandWrittenHistory.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing users schema migration " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read users schema migration " + name, e);
        }
    }

    private static String checksum(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
