package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.UnitKind;
import org.thidua.service.imports.ImportedUnit;
import org.thidua.service.imports.Period;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.HistoryCopy;
import org.thidua.service.store.NewFigures;
import org.thidua.service.store.RuleSetVersion;
import org.thidua.service.store.SqliteEvaluationStore;
import org.thidua.service.store.StoredEvaluation;

/** {@code thidua db copy}: a district's SQLite history moved into PostgreSQL whole, and read back the same. */
class DbCopyCommandTest {
    private static final Period YEAR = new Period(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31));

    @TempDir
    Path dir;

    private TestPostgres.Database database;
    private Path passwordFile;

    @BeforeEach
    void database() throws Exception {
        database = TestPostgres.freshDatabase();
        passwordFile = dir.resolve("pg-password");
        Files.writeString(passwordFile, TestPostgres.PASSWORD + "\n");
    }

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void a_sqlite_history_is_copied_into_postgresql_whole_and_reads_back_the_same() {
        Path file = dir.resolve("thidua.db");
        var ruleSet = RunningService.BUNDLED.ruleSet(Requests.CAMPAIGN);
        List<String> ids = new ArrayList<>();
        try (SqliteEvaluationStore store = SqliteEvaluationStore.open(file)) {
            store.recordRuleSet(ruleSet);
            for (int i = 0; i < 30; i++) {
                ids.add(store.save(EvaluationStoreContract.request("xa-" + (i % 7), "UBND xã Số " + i)).evaluations().get(0).id());
            }
            store.saveFigures(new NewFigures("dossiers", YEAR, "test", 2, 0, List.of(
                    new ImportedUnit("xa-1", "UBND xã Một", UnitKind.COMMUNE, 2, Map.of("early", 5L, "onTime", 7L)))));
        }

        CommandLineRun run = CommandLineRun.of("db", "copy", "--from", file.toString(), "--to", database.url(),
                "--db-password-file", passwordFile.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("30 đánh giá", "1 phiên bản bộ luật", "1 lần nhập số liệu");
        try (EvaluationStore sqlite = SqliteEvaluationStore.open(file);
             EvaluationStore postgres = database.address().open(TestPostgres.PASSWORD)) {
            for (String id : ids) {
                assertThat(postgres.find(id)).isEqualTo(sqlite.find(id));
            }
            assertThat(postgres.latestPerUnit(Requests.CAMPAIGN)).extracting(StoredEvaluation::id)
                    .containsExactlyElementsOf(sqlite.latestPerUnit(Requests.CAMPAIGN).stream().map(StoredEvaluation::id).toList());
            assertThat(postgres.history("xa-3", null, 2, 1)).isEqualTo(sqlite.history("xa-3", null, 2, 1));
            RuleSetVersion kept = postgres.ruleSet(ruleSet.version()).orElseThrow();
            assertThat(kept).isEqualTo(sqlite.ruleSet(ruleSet.version()).orElseThrow());
            assertThat(postgres.figures("dossiers", YEAR)).isEqualTo(sqlite.figures("dossiers", YEAR));
        }

        CommandLineRun again = CommandLineRun.of("db", "copy", "--from", file.toString(), "--to", database.url(),
                "--db-password-file", passwordFile.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("the target already holds a history").hasLineCount(1);
    }

    @Test
    void every_column_of_the_schema_is_copied() throws Exception {
        Path file = dir.resolve("schema.db");
        SqliteEvaluationStore.open(file).close();
        Map<String, List<String>> schema = new LinkedHashMap<>();
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet tables = sql.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                     + " AND name NOT IN ('flyway_schema_history', 'sqlite_sequence') ORDER BY name")) {
            while (tables.next()) {
                List<String> columns = new ArrayList<>();
                try (ResultSet info = sql.createStatement().executeQuery("PRAGMA table_info(" + tables.getString(1) + ")")) {
                    while (info.next()) {
                        // an identity seq (the primary key alone) is renumbered by the target; a seq that is data is copied
                        if (!(info.getString("name").equals("seq") && info.getInt("pk") == 1)) {
                            columns.add(info.getString("name"));
                        }
                    }
                }
                schema.put(tables.getString(1), columns);
            }
        }
        Map<String, List<String>> copied = new LinkedHashMap<>();
        HistoryCopy.columns().forEach((table, columns) -> copied.put(table, columns.stream().sorted().toList()));
        schema.replaceAll((table, columns) -> columns.stream().sorted().toList());

        assertThat(copied).as("a migration that adds a table or column adds it to HistoryCopy too")
                .containsExactlyInAnyOrderEntriesOf(schema);
    }

    @Test
    void bad_addresses_a_missing_source_and_an_unknown_scheme_are_refused_in_one_line() {
        CommandLineRun scheme = CommandLineRun.of("db", "copy", "--from", dir.resolve("thidua.db").toString(), "--to", "mysql://h/db");
        assertThat(scheme.exitCode()).isEqualTo(2);
        assertThat(scheme.err()).contains("mysql").hasLineCount(1);

        CommandLineRun missing = CommandLineRun.of("db", "copy", "--from", dir.resolve("khong-co.db").toString(), "--to", database.url());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such database").hasLineCount(1);
        assertThat(dir.resolve("khong-co.db")).doesNotExist();
    }
}
