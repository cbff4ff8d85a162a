package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.store.SqliteEvaluationStore;

/**
 * {@code thidua serve} on a database it cannot write stops at start with one plain line and a non-zero exit, as for
 * the other databases it cannot use, instead of saying UP and answering every write with SQLITE_READONLY.
 */
class ReadOnlyDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void serve_on_a_read_only_database_file_fails_at_start_with_one_plain_line() throws Exception {
        Path db = dir.resolve("thidua.db");
        SqliteEvaluationStore.open(db).close();
        assumeTrue(readOnly(db), "this file system lets the test user write a read-only file");
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exit = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Main.run(new String[] {"serve", "--port", "0", "--db", db.toString()},
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)));

            assertThat(exit).isEqualTo(Main.FAILED);
            String said = err.toString(StandardCharsets.UTF_8);
            assertThat(said.lines()).hasSize(1);
            assertThat(said).contains(db.toString(), "read-only");
        } finally {
            writable(db);
        }
    }

    /**
     * Makes a file read-only; as root (a container's build) permissions do not stop a write, so the file is made
     * immutable instead where the file system allows it.
     */
    private static boolean readOnly(Path file) throws Exception {
        file.toFile().setWritable(false, false);
        if (!Files.isWritable(file)) {
            return true;
        }
        return run("chattr", "+i", file.toString()) && !Files.isWritable(file) || cannotAppend(file);
    }

    private static boolean cannotAppend(Path file) {
        try (var out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private static void writable(Path file) throws Exception {
        run("chattr", "-i", file.toString());
        file.toFile().setWritable(true, false);
    }

    private static boolean run(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
