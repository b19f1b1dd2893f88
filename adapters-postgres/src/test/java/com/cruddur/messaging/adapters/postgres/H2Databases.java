package com.cruddur.messaging.adapters.postgres;

import java.nio.file.Path;

/** H2 files for tests. */
final class H2Databases {

    private H2Databases() {
    }

    /** A pool on the H2 file database at {@code file} (H2 adds {@code .mv.db}); created if absent. */
    static UsersDatabase open(Path file) {
        return UsersDatabase.connect("r2dbc:h2:file:///" + file.toAbsolutePath(), null, null);
    }
}
