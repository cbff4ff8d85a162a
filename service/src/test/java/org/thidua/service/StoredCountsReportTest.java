package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a share read back from the history is rounded once, from its exact counts. 1.507 of 1.520 dossiers on
 * time is 99,14% (0,991447…); rounded again from the stored 5-decimal actual (0,99145) it would read 99,15%.
 */
class StoredCountsReportTest {
    @TempDir
    Path dir;

    @Test
    void the_report_of_stored_results_rounds_a_share_once_from_its_counts() {
        String commune = Requests.commune("xa-binh-yen", "UBND xã Bình Yên", 5)
                .replace("\"early\": 300, \"onTime\": 1215, \"late\": 0", "\"early\": 300, \"onTime\": 1207, \"late\": 13");
        assertThat(commune).contains("\"onTime\": 1207");
        try (RunningService running = RunningService.start(dir.resolve("thidua.db"))) {
            assertThat(running.api.post("/api/v1/evaluations", Requests.request(commune)).status()).isEqualTo(200);

            Api.Answer report = running.api.get("/reports/" + Requests.CAMPAIGN);

            assertThat(report.status()).isEqualTo(200);
            assertThat(report.body()).contains("99,14%").doesNotContain("99,15%");
        }
        // and after a restart, read from the history alone
        try (RunningService again = RunningService.start(dir.resolve("thidua.db"))) {
            assertThat(again.api.get("/reports/" + Requests.CAMPAIGN).body()).contains("99,14%").doesNotContain("99,15%");
        }
    }
}
