package org.thidua.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;

/**
 * The same durability test with the history on PostgreSQL: every evaluation the killed instance acknowledged is
 * read back by the next one. The password reaches {@code thidua serve} through {@code THIDUA_DB_PASSWORD}.
 */
class KillDashNineOnPostgresTest extends KillDashNineTest {
    private TestPostgres.Database database;

    @Override
    ServeProcess serve(Path db, Path log, String... arguments) throws Exception {
        if (database == null) {
            database = TestPostgres.freshDatabase();
        }
        List<String> all = new ArrayList<>(List.of("--db", database.url()));
        all.addAll(List.of(arguments));
        return ServeProcess.startIn(null, log, all, Map.of("THIDUA_DB_PASSWORD", TestPostgres.PASSWORD));
    }

    @AfterEach
    void drop() {
        if (database != null) {
            database.close();
        }
    }
}
