package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history is in the file: a new server on the same file reads what the last one stored. */
class HistoryRestartTest {
    @TempDir
    Path dir;

    @Test
    void evaluations_stored_before_a_restart_read_back_after_it_with_vietnamese_intact() {
        Path db = dir.resolve("thidua.db");
        String id;
        try (RunningService first = RunningService.start(db)) {
            id = first.api.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-phung-xa", "UBND xã Phùng Xá", 5)))
                    .json().get("evaluations").get(0).get("id").asText();
        }

        try (RunningService second = RunningService.start(db)) {
            Api.Answer stored = second.api.get("/api/v1/evaluations/" + id);
            Api.Answer ranking = second.api.get("/api/v1/campaigns/" + Requests.CAMPAIGN + "/ranking");

            assertThat(stored.status()).isEqualTo(200);
            assertThat(stored.json().get("unitName").asText()).isEqualTo("UBND xã Phùng Xá");
            assertThat(ranking.json().get("units").get(0).get("evaluationId").asText()).isEqualTo(id);
        }
    }
}
