package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.store.DatabaseAddress;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.RoundStore;
import org.thidua.service.store.SqlRoundStore;
import org.thidua.service.store.SqliteEvaluationStore;
import org.thidua.service.store.StoredEvaluation;

/**
 * The migrations both dialects share moved into {@code db/common}; databases migrated before, when every migration
 * had a copy in each dialect's folder, must still open: Flyway validates each applied version's description and
 * checksum against the files it finds, and refuses the database at the first that differs. Nothing is re-applied and
 * the rows stored before are read as they were.
 */
class DatabasesMigratedBeforeTheCommonFolderTest {
    /** A SQLite history made by {@code thidua serve --seed requests/seed-two-communes.json} when every migration had a copy per dialect. */
    static final String MADE_BEFORE = "databases/history-made-by-dialect-folders.db.gz";

    @TempDir
    Path dir;

    @Test
    void a_sqlite_history_migrated_from_the_dialect_folders_opens_and_keeps_its_rows() throws Exception {
        Path file = dir.resolve("thidua.db");
        try (InputStream made = new GZIPInputStream(getClass().getClassLoader().getResourceAsStream(MADE_BEFORE))) {
            Files.copy(made, file);
        }
        String url = "jdbc:sqlite:" + file;
        List<String> applied = applied(DriverManager.getConnection(url), "sqlite");

        try (SqliteEvaluationStore store = SqliteEvaluationStore.open(file); SqlRoundStore rounds = SqlRoundStore.open(file)) {
            assertThat(store.latestPerUnit("thach-that-cchc-2021")).extracting(StoredEvaluation::unitId)
                    .containsExactlyInAnyOrder("xa-binh-yen", "phong-noi-vu");
            assertThat(rounds.rounds("thach-that-cchc-2021")).isEmpty();
        }
        assertThat(applied(DriverManager.getConnection(url), "sqlite")).as("nothing re-applied or repaired").isEqualTo(applied);
    }

    @Test
    void a_postgresql_history_migrated_from_the_dialect_folders_opens() throws Exception {
        Path before = dialectFoldersAsTheyWere("postgresql");
        try (TestPostgres.Database database = TestPostgres.freshDatabase()) {
            DatabaseAddress.Postgres address = database.address();
            Flyway.configure().dataSource(address.jdbcUrl(), address.user(), TestPostgres.PASSWORD)
                    .locations("filesystem:" + before).load().migrate();
            List<String> applied = applied(DriverManager.getConnection(address.jdbcUrl(), address.user(), TestPostgres.PASSWORD),
                    "postgresql");

            try (EvaluationStore store = address.open(TestPostgres.PASSWORD); RoundStore rounds = address.openRounds(store)) {
                assertThat(store.isEmpty()).isTrue();
                assertThat(rounds.rounds("thach-that-cchc-2021")).isEmpty();
            }
            assertThat(applied(DriverManager.getConnection(address.jdbcUrl(), address.user(), TestPostgres.PASSWORD),
                    "postgresql")).as("nothing re-applied or repaired").isEqualTo(applied);
        }
    }

    /** A dialect's migrations laid out as they were before {@code db/common}: every one of them in the dialect's folder. */
    private Path dialectFoldersAsTheyWere(String dialect) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(dialect));
        for (Path migration : MigrationFoldersTest.migrations(dialect).values()) {
            Files.copy(migration, folder.resolve(migration.getFileName()));
        }
        return folder;
    }

    /** Each applied migration's version, description, script and checksum, in order, once each was checked applied once. */
    private static List<String> applied(Connection connection, String dialect) throws IOException, SQLException {
        List<String> rows = new ArrayList<>();
        try (connection; Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT version, description, script, checksum, success"
                     + " FROM flyway_schema_history ORDER BY installed_rank")) {
            MigrationFoldersTest.assertEachAppliedOnce(connection, dialect);
            while (row.next()) {
                rows.add(row.getString(1) + " " + row.getString(2) + " " + row.getString(3) + " " + row.getInt(4) + " " + row.getBoolean(5));
            }
        }
        return rows;
    }
}
