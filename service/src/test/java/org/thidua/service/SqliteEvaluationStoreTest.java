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
import org.thidua.service.store.StoredEvaluation;
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

    @Test
    void history_pages_by_keyset_and_new_rows_do_not_shift_pages_already_read() {
        try (SqliteEvaluationStore store = SqliteEvaluationStore.open(dir.resolve("thidua.db"))) {
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(0, store.save(request("xa-a", "UBND xã Yên Bình")).evaluations().get(0).id()); // newest first
            }
            store.save(request("xa-b", "UBND xã Tân Xã"));
            var first = store.historyAfter("xa-a", Requests.CAMPAIGN, null, 2);
            assertThat(first.items()).extracting(StoredEvaluation::id).containsExactlyElementsOf(ids.subList(0, 2));
            assertThat(first.total()).isEqualTo(5);
            store.save(request("xa-a", "UBND xã Yên Bình")); // a newer one: the next pages stay where they were
            var second = store.historyAfter("xa-a", Requests.CAMPAIGN, first.next(), 2);
            assertThat(second.items()).extracting(StoredEvaluation::id).containsExactlyElementsOf(ids.subList(2, 4));
            var last = store.historyAfter("xa-a", null, second.next(), 2);
            assertThat(last.items()).extracting(StoredEvaluation::id).containsExactly(ids.get(4));
            assertThat(last.next()).isNull();
            assertThatThrownBy(() -> store.historyAfter("xa-a", null, "x1", 2)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void standings_are_the_latest_per_unit_without_bodies_and_bodies_come_by_id_in_the_order_asked() {
        try (SqliteEvaluationStore store = SqliteEvaluationStore.open(dir.resolve("thidua.db"))) {
            store.save(request("xa-a", "UBND xã Yên Bình"));
            store.save(request("xa-b", "UBND xã Tân Xã"));
            store.save(request("xa-a", "UBND xã Yên Bình"));
            List<StoredEvaluation> latest = store.latestPerUnit(Requests.CAMPAIGN);
            List<StoredEvaluation> standings = store.latestStandings(Requests.CAMPAIGN);
            assertThat(standings).extracting(StoredEvaluation::id).containsExactlyElementsOf(latest.stream().map(StoredEvaluation::id).toList());
            assertThat(standings).allSatisfy(e -> {
                assertThat(e.reportJson()).isNull();
                assertThat(e.resultJson()).isNull();
            });
            List<String> reversed = List.of(latest.get(1).id(), "khong-co", latest.get(0).id());
            assertThat(store.evaluations(reversed)).extracting(StoredEvaluation::id).containsExactly(latest.get(1).id(), latest.get(0).id());
            assertThat(store.evaluations(reversed).get(0).resultJson()).isEqualTo("{}");
        }
    }
}
