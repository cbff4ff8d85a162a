package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit name a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}) is written as text in
 * the ranking CSV, over HTTP and from {@code thidua report}, as the commendations CSV writes it.
 */
class RankingCsvNeutralisesFormulasTest {
    @TempDir
    Path dir;

    @Test
    void names_that_start_a_formula_are_kept_as_text_in_the_ranking_csv() throws Exception {
        Path csv = dir.resolve("xep-hang.csv");
        String body;
        try (RunningService running = RunningService.start(dir.resolve("thidua.db"))) {
            assertThat(running.api.post("/api/v1/evaluations", Requests.request(
                    Requests.commune("xa-mot", "=1+2", 5),
                    Requests.commune("xa-hai", "+cmd|' /C calc'!A0", 4),
                    Requests.commune("xa-ba", "-2+3", 3),
                    Requests.commune("xa-bon", "@SUM(1;2)", 2))).status()).isEqualTo(200);
            body = new String(running.api.get("/reports/" + Requests.CAMPAIGN + ".csv").bytes(), StandardCharsets.UTF_8);

            CommandLineRun run = CommandLineRun.of("report", "--db", running.db.toString(), "--out", csv.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
        }

        assertThat(body).contains(",'=1+2,", ",'+cmd|' /C calc'!A0,", ",'-2+3,", ",'@SUM(1;2),");
        assertThat(body.lines().skip(1)).noneMatch(line -> line.matches(".*,[=+@-].*"));
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo(body);
    }
}
