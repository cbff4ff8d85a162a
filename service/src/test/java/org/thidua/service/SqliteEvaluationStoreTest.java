package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.NewRequest;
import org.thidua.service.store.SqliteEvaluationStore;

/** The SQLite history: the store's whole specification on a file, and what only SQLite has (WAL, the file's text). */
class SqliteEvaluationStoreTest extends EvaluationStoreContract {
    @TempDir
    Path dir;

    @Override
    EvaluationStore open() {
        return SqliteEvaluationStore.open(dir.resolve("thidua.db"));
    }

    @Override
    EvaluationStore reopen() {
        return open();
    }

    @Test
    void a_new_file_is_created_migrated_and_in_wal_mode() throws Exception {
        Path file = dir.resolve("sub/folder/thidua.db");
        try (SqliteEvaluationStore store = SqliteEvaluationStore.open(file)) {
            assertThat(store.isEmpty()).isTrue();
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet mode = db.createStatement().executeQuery("PRAGMA journal_mode");
             ResultSet version = db.createStatement().executeQuery("SELECT max(version) FROM flyway_schema_history")) {
            mode.next();
            version.next();
            assertThat(mode.getString(1)).isEqualTo("wal");
            assertThat(version.getInt(1)).as("the highest migration file").isEqualTo(MigrationFoldersTest.latest("sqlite"));
        }
    }

    @Test
    void json_is_stored_as_text_the_database_can_read() throws Exception {
        try (EvaluationStore store = open()) {
            store.save(new NewRequest(Requests.CAMPAIGN, VERSION, "test", List.of(new NewRequest.Unit("xa-a", "A", "COMMUNE",
                    "{}", "{\"message\":\"Tỷ lệ hài lòng 95,5%\"}", 80, 80, 100, "X", 1))));
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("thidua.db"));
             ResultSet types = db.createStatement().executeQuery("SELECT typeof(report_json), typeof(result_json),"
                     + " json_extract(result_json, '$.message') FROM evaluation")) {
            types.next();
            assertThat(types.getString(1)).isEqualTo("text");
            assertThat(types.getString(2)).isEqualTo("text");
            assertThat(types.getString(3)).isEqualTo("Tỷ lệ hài lòng 95,5%");
        }
    }

    /** Issue 15: two services started together on a new file; the second waits for the first's migrations. */
    @Test
    void stores_opened_together_on_a_new_file_all_open_and_migrate_it_once() throws Exception {
        for (int round = 0; round < 3; round++) {
            Path file = dir.resolve("together-" + round + ".db");
            int stores = 4;
            CyclicBarrier start = new CyclicBarrier(stores);
            ExecutorService threads = Executors.newFixedThreadPool(stores);
            List<Future<String>> opened = new ArrayList<>();
            for (int i = 0; i < stores; i++) {
                String unit = "xa-" + i;
                Callable<String> openAndSave = () -> {
                    start.await();
                    try (SqliteEvaluationStore store = SqliteEvaluationStore.open(file)) {
                        return store.save(request(unit, "UBND " + unit)).evaluations().get(0).id();
                    }
                };
                opened.add(threads.submit(openAndSave));
            }
            threads.shutdown();
            for (Future<String> store : opened) {
                assertThat(store.get()).isNotBlank();
            }
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                 ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM evaluation")) {
                MigrationFoldersTest.assertEachAppliedOnce(db, "sqlite");
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(stores);
            }
        }
        assertThat(Files.exists(dir.resolve("together-0.db"))).isTrue();
    }

}
