package org.thidua.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.AreaFinding;
import org.thidua.core.Campaign;
import org.thidua.core.RuleLibrary;
import org.thidua.service.evaluate.EvaluateAndStore;
import org.thidua.service.store.SqliteEvaluationStore;

/**
 * The area scorecard of a stored standing, from what earlier reports read of each evaluation, is the one the
 * evaluations read whole give: at first, and after units are evaluated again or added. The bundled rules
 * (thach-that-cchc-2021 declares area targets), a real SQLite file.
 */
class StandingScorecardTest {
    private static final String CAMPAIGN = "thach-that-cchc-2021";

    @TempDir
    Path dir;

    @Test
    void the_kept_scorecard_is_the_one_the_whole_evaluations_give_as_units_are_evaluated_again() {
        RuleLibrary library = RuleLibrary.bundled();
        Campaign campaign = library.ruleSets().get(CAMPAIGN).campaign();
        assertThat(campaign.area()).isNotEmpty();
        try (SqliteEvaluationStore store = SqliteEvaluationStore.open(dir.resolve("thidua.db"))) {
            StandingScorecard scorecards = new StandingScorecard(store);
            store(library, store, 0, 40, 0);
            List<AreaFinding> first = check(campaign, store, scorecards);
            assertThat(first).extracting(AreaFinding::units).containsOnly(40);

            store(library, store, 0, 10, 5); // ten units better: the kept facts of their old evaluations must not count
            store(library, store, 40, 45, 3); // five new units
            List<AreaFinding> second = check(campaign, store, scorecards);
            assertThat(second).isNotEqualTo(first);
            assertThat(second).extracting(AreaFinding::units).containsOnly(45);
            assertThat(check(campaign, store, scorecards)).isEqualTo(second);
        }
    }

    /** The kept scorecard, checked against the one of the whole evaluations as the report made it before. */
    private static List<AreaFinding> check(Campaign campaign, SqliteEvaluationStore store, StandingScorecard scorecards) {
        List<Ranking.Place> standing = StoredResults.standing(campaign.id(), store);
        List<AreaFinding> kept = scorecards.of(campaign, standing);
        assertThat(kept).isEqualTo(AreaScorecard.of(campaign, StoredResults.streamed(standing, store)));
        return kept;
    }

    /** Units {@code from} to {@code to} (excluded), each meeting the first {@code met} of the five criteria but the last. */
    private static void store(RuleLibrary library, SqliteEvaluationStore store, int from, int to, int met) {
        List<String> reports = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int m = i % 2 == 0 ? met : Math.max(0, met - 1);
            reports.add("""
                    {"unit": {"id": "xa-%d", "name": "UBND xã Số %d", "kind": "COMMUNE"},
                     "satisfaction": {"surveyed": 200, "satisfied": %d},
                     "dossiers": {"early": 300, "onTime": 1215, "late": %d, "overdueInProgress": 0},
                     "frontlineStaff": {"total": 12, "trained": %d},
                     "communeOfficials": {"total": 20, "trainedOnIndices": 20},
                     "portalPage": true, "indicators": {"digitizedShare": 0.85}}"""
                    .formatted(i, i, m >= 1 ? 191 : 150 + i, m >= 2 ? 0 : 5 + i, m >= 3 ? 12 : 11));
        }
        String request = "{\"campaign\": \"" + CAMPAIGN + "\", \"reports\": [" + String.join(",\n", reports) + "]}";
        EvaluateAndStore.json(library, store, request.getBytes(StandardCharsets.UTF_8), null, "test");
    }
}
