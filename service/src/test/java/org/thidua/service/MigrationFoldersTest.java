package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The schema's migrations: those both dialects run as they are in {@code db/common}, the others in each dialect's
 * folder ({@code db/sqlite}, {@code db/postgresql}). Both dialects have the same versions, none twice; a file that is
 * the same to the byte in both dialect folders belongs in {@code db/common}; and no migration lies anywhere else,
 * where neither database would ever run it.
 */
class MigrationFoldersTest {
    static final Path DB = Path.of("src/main/resources/org/thidua/service/db");
    static final String COMMON = "common";
    static final List<String> DIALECTS = List.of("sqlite", "postgresql");

    /** The highest version a dialect runs: the one a new database is migrated to. */
    static int latest(String dialect) throws IOException {
        return migrations(dialect).keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /**
     * Checks a migrated database: every migration the dialect runs applied, each once (several instances that started
     * together migrated it once between them).
     */
    static void assertEachAppliedOnce(Connection database, String dialect) throws IOException, SQLException {
        try (ResultSet applied = database.createStatement().executeQuery(
                "SELECT count(*), count(DISTINCT version) FROM flyway_schema_history WHERE success")) {
            applied.next();
            assertThat(applied.getInt(1)).as("each migration applied once").isEqualTo(applied.getInt(2))
                    .isEqualTo(latest(dialect));
        }
    }

    /** Every migration a dialect runs (the common ones and its own), by version; a version found twice fails. */
    static Map<Integer, Path> migrations(String dialect) throws IOException {
        Map<Integer, Path> migrations = new TreeMap<>();
        for (Path file : files(COMMON)) {
            migrations.put(version(file), file);
        }
        for (Path file : files(dialect)) {
            Path common = migrations.put(version(file), file);
            assertThat(common).as("V%s is in db/%s and in db/%s: Flyway refuses a version twice", version(file), COMMON,
                    dialect).isNull();
        }
        return migrations;
    }

    private static List<Path> files(String folder) throws IOException {
        try (Stream<Path> files = Files.list(DB.resolve(folder))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).sorted().toList();
        }
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    @Test
    void every_migration_is_common_or_in_each_dialects_folder_and_none_outside() throws IOException {
        try (Stream<Path> inside = Files.list(DB)) {
            List<String> folders = new ArrayList<>();
            inside.forEach(p -> {
                assertThat(p).as("a migration in db/ itself runs nowhere: put it in db/common, or in db/sqlite and db/postgresql")
                        .isDirectory();
                folders.add(p.getFileName().toString());
            });
            assertThat(folders).as("only db/common and one folder per dialect are read")
                    .containsExactlyInAnyOrder(COMMON, DIALECTS.get(0), DIALECTS.get(1));
        }
        assertThat(migrations("postgresql").keySet()).isEqualTo(migrations("sqlite").keySet()).isNotEmpty();
    }

    @Test
    void a_migration_the_same_to_the_byte_in_both_dialects_is_kept_once_in_common() throws IOException {
        Map<Integer, Path> sqlite = migrations("sqlite");
        Map<Integer, Path> postgresql = migrations("postgresql");
        for (Map.Entry<Integer, Path> migration : sqlite.entrySet()) {
            Path other = postgresql.get(migration.getKey());
            if (!other.equals(migration.getValue())) {
                assertThat(Files.mismatch(migration.getValue(), other))
                        .as("%s and %s are the same: keep one copy in db/%s", migration.getValue(), other, COMMON)
                        .isNotEqualTo(-1L);
            }
        }
    }
}
