package org.thidua.service.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A million dossier rows (about 75 MB of CSV, generated here, never committed) import in a separate JVM limited to
 * a 64 MB heap: the file is streamed, never held.
 */
class MillionDossiersBoundedHeapTest {
    private static final int ROWS = 1_000_000;

    @Test
    void a_million_dossier_rows_import_within_a_64_megabyte_heap(@TempDir Path dir) throws Exception {
        Path records = dir.resolve("hoso-1m.csv");
        DossierFileGenerator.write(records, ROWS);
        Path out = dir.resolve("request.json");
        Path log = dir.resolve("import.log");

        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"),
                "org.thidua.service.Main", "import", "dossiers", records.toString(), "--period", "2021", "--out", out.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);

        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("finished within 5 minutes").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Đã đọc 1.000.000 dòng, 30 đơn vị").doesNotContain("OutOfMemoryError");
        JsonNode request = new ObjectMapper().readTree(out.toFile());
        long total = 0;
        for (JsonNode report : request.get("reports")) {
            JsonNode d = report.get("dossiers");
            total += d.get("early").asLong() + d.get("onTime").asLong() + d.get("late").asLong() + d.get("overdueInProgress").asLong();
        }
        assertThat(total).isEqualTo(ROWS);
        assertThat(request.at("/reports/0/dossiers/early").asLong()).isEqualTo(ROWS / 30 / 4 + 1);
        assertThat(request.at("/reports/0/dossiers/overdueInProgress").asLong()).isEqualTo(ROWS / 30 / 4);
        assertThat(records.toFile().length()).as("the file is larger than the heap").isGreaterThan(64L * 1024 * 1024);
    }
}
