package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The schema's migrations, one folder per dialect ({@code db/sqlite}, {@code db/postgresql}): both have the same
 * versions, and no migration lies outside them, where neither database would ever run it.
 */
class MigrationFolders {
    static final Path DB = Path.of("src/main/resources/org/thidua/service/db");

    /** The highest version among a dialect's migration files: the one a new database is migrated to. */
    static int latest(String dialect) throws IOException {
        return versions(dialect).stream().mapToInt(Integer::parseInt).max().orElseThrow();
    }

    private static List<String> versions(String dialect) throws IOException {
        try (Stream<Path> files = Files.list(DB.resolve(dialect))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted().toList();
        }
    }

    @Test
    void every_migration_is_in_each_dialects_folder_and_none_outside() throws IOException {
        try (Stream<Path> outside = Files.list(DB)) {
            assertThat(outside.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .as("a migration in db/ itself runs nowhere: put it in db/sqlite and db/postgresql").isEmpty();
        }
        assertThat(versions("postgresql")).isEqualTo(versions("sqlite")).isNotEmpty();
    }
}
