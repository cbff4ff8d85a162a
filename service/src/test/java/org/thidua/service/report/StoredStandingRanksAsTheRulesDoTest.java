package org.thidua.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.Evaluation;
import org.thidua.core.EvaluationResult;
import org.thidua.core.RuleLibrary;
import org.thidua.service.evaluate.EvaluateAndStore;
import org.thidua.service.store.SqliteEvaluationStore;

/**
 * The stored standing ranks units on the points their scores were worked out from. In par-index a unit without a
 * survey is scored on the 70 points that remain (whenNoData: EXCLUDE); the store must keep 70, not 100, as its
 * maximum, or the report would rank a unit of score 100 below one of 92.5. The bundled rules, a real SQLite file.
 */
class StoredStandingRanksAsTheRulesDoTest {
    private static final String REQUEST = """
            {"campaign": "par-index-xa-2023", "reports": [
              {"unit": {"id": "xa-co-phieu", "name": "UBND xã Có Phiếu", "kind": "COMMUNE"},
               "satisfaction": {"surveyed": 200, "satisfied": 200},
               "dossiers": {"early": 10, "onTime": 90, "late": 0}, "portalPage": true,
               "indicators": {"digitizedShare": 0.5, "onlineServiceShare": 1, "complaintsReceived": 0, "complaintsOnTime": 0}},
              {"unit": {"id": "xa-du-diem", "name": "UBND xã Đủ Điểm", "kind": "COMMUNE"},
               "dossiers": {"early": 10, "onTime": 90, "late": 0}, "portalPage": true,
               "indicators": {"digitizedShare": 1, "onlineServiceShare": 1, "complaintsReceived": 0, "complaintsOnTime": 0}}
            ]}""";

    @TempDir
    Path dir;

    @Test
    void a_unit_scored_without_its_survey_keeps_its_place_in_the_stored_standing() {
        try (SqliteEvaluationStore store = SqliteEvaluationStore.open(dir.resolve("thidua.db"))) {
            EvaluateAndStore.json(RuleLibrary.bundled(), store, REQUEST.getBytes(StandardCharsets.UTF_8), null, "test");

            EvaluationResult standing = StoredResults.latest("par-index-xa-2023", store);

            Evaluation first = standing.evaluations().get(0);
            assertThat(first.unitId()).isEqualTo("xa-du-diem");
            assertThat(first.score()).isEqualTo(100);
            assertThat(first.rank()).isEqualTo(1);
            assertThat(standing.evaluation("xa-co-phieu").orElseThrow().rank()).isEqualTo(2);
            assertThat(store.latestPerUnit("par-index-xa-2023")).extracting(e -> e.maxPoints()).containsExactly(100.0, 70.0);
        }
    }
}
