package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.store.NewRequest;
import org.thidua.service.store.SqliteEvaluationStore;
import org.thidua.service.store.StoreException;
import org.thidua.service.store.StoredRequest;

/** The SQLite history on its own: WAL, migrations, and a failed write that harms nothing else. */
class SqliteEvaluationStoreTest {
    @TempDir
    Path dir;

    private static NewRequest request(String unitId, String unitName) {
        return new NewRequest(Requests.CAMPAIGN, "sha256:" + "0".repeat(64), "test", List.of(
                new NewRequest.Unit(unitId, unitName, "COMMUNE", "{}", "{}", 60, 60, 100, "HOAN_THANH", 1)));
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
            assertThat(version.getInt(1)).as("the highest migration file").isEqualTo(latestMigration());
        }
    }

    /** The highest version among the migration files, V1__…, V3__…: the one a new file is migrated to. */
    private static int latestMigration() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Path.of("src/main/resources/org/thidua/service/db"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
    }

    @Test
    void reopening_a_migrated_file_keeps_its_rows() {
        Path file = dir.resolve("thidua.db");
        String id;
        try (SqliteEvaluationStore store = SqliteEvaluationStore.open(file)) {
            id = store.save(request("xa-a", "UBND xã Yên Bình")).evaluations().get(0).id();
        }
        try (SqliteEvaluationStore store = SqliteEvaluationStore.open(file)) {
            assertThat(store.find(id)).hasValueSatisfying(e -> assertThat(e.unitName()).isEqualTo("UBND xã Yên Bình"));
        }
    }

    @Test
    void a_write_that_fails_is_refused_alone_and_the_writer_goes_on() {
        try (SqliteEvaluationStore store = SqliteEvaluationStore.open(dir.resolve("thidua.db"))) {
            assertThatThrownBy(() -> store.save(request("xa-a", null))).isInstanceOf(StoreException.class);

            StoredRequest next = store.save(request("xa-b", "UBND xã Tân Xã"));

            assertThat(store.find(next.evaluations().get(0).id())).isPresent();
            assertThat(store.history("xa-a", null, 10, 0).total()).isZero();
        }
    }

    @Test
    void report_and_result_json_are_stored_as_text_exactly() throws Exception {
        String report = "{\"unit\": {\"id\": \"xa-a\", \"name\": \"UBND xã Yên Bình \\u0111 \\\"ngoặc\\\" 😀\"}}";
        String result = "{\"message\":\"Tỷ lệ hài lòng 95,5% (đạt ≥ 90%)\",\"score\":80.0}";
        Path file = dir.resolve("thidua.db");
        String id;
        try (SqliteEvaluationStore store = SqliteEvaluationStore.open(file)) {
            id = store.save(new NewRequest(Requests.CAMPAIGN, "sha256:" + "0".repeat(64), "test", List.of(
                    new NewRequest.Unit("xa-a", "UBND xã Yên Bình", "COMMUNE", report, result, 80, 80, 100, "HOAN_THANH_TOT", 1))))
                    .evaluations().get(0).id();
            assertThat(store.find(id)).hasValueSatisfying(e -> {
                assertThat(e.reportJson()).isEqualTo(report);
                assertThat(e.resultJson()).isEqualTo(result);
            });
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet types = db.createStatement().executeQuery("SELECT typeof(report_json), typeof(result_json),"
                     + " json_extract(result_json, '$.message') FROM evaluation")) {
            types.next();
            assertThat(types.getString(1)).isEqualTo("text");
            assertThat(types.getString(2)).isEqualTo("text");
            assertThat(types.getString(3)).isEqualTo("Tỷ lệ hài lòng 95,5% (đạt ≥ 90%)");
        }
    }

    @Test
    void a_closed_store_refuses_writes() {
        SqliteEvaluationStore store = SqliteEvaluationStore.open(dir.resolve("thidua.db"));
        store.close();

        assertThatThrownBy(() -> store.save(request("xa-a", "A"))).isInstanceOf(IllegalStateException.class);
    }
}
