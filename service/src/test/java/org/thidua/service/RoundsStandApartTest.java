package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A unit's self-assessment is what it claims, not what the office has checked: the campaign's standing (its ranking,
 * report, exports, commendations) comes from the evaluations the office posted or imported, never from a round's
 * self-assessments or appraisals, open or closed. A round's results stand in that round (its results, report,
 * exports and commendations), final once it is closed.
 */
class RoundsStandApartTest {
    static final String CAMPAIGN = "/api/v1/campaigns/" + Requests.CAMPAIGN;

    @TempDir
    Path dir;
    RunningService running;

    @BeforeEach
    void start() {
        running = RunningService.start(dir.resolve("thidua.db"), AssessmentRoundEndToEndTest.withTokens());
    }

    @AfterEach
    void stop() {
        running.close();
    }

    Api as(String token) {
        return running.api.as(token);
    }

    @Test
    void the_campaign_ranking_ignores_what_units_submit_to_a_round_and_what_appraisers_make_of_it() {
        Api officer = as(AssessmentRoundEndToEndTest.OFFICER);
        assertThat(officer.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-ha-bang", "UBND xã Hạ Bằng", 2),
                Requests.commune("xa-tien-xuan", "UBND xã Tiến Xuân", 3))).status()).isEqualTo(200);
        JsonNode before = officer.get(CAMPAIGN + "/ranking").json();
        String report = officer.download("/reports/" + Requests.CAMPAIGN + ".csv", null).text();
        JsonNode commendations = officer.get(CAMPAIGN + "/commendations").json();

        String round = officer.post(CAMPAIGN + "/rounds", "{\"period\": \"Năm 2026\", \"deadline\": \"2099-12-31\", \"units\":"
                + " [\"xa-ha-bang\", \"xa-tien-xuan\", \"xa-binh-yen\"]}").json().get("id").asText();
        String base = "/api/v1/rounds/" + round;
        for (String unit : java.util.List.of("xa-ha-bang", "xa-binh-yen")) {
            assertThat(as(AssessmentRoundEndToEndTest.token(unit)).post(base + "/units/" + unit + "/submissions",
                    AssessmentRoundEndToEndTest.submission(unit, 5)).status()).isEqualTo(201);
        }
        assertThat(as(AssessmentRoundEndToEndTest.APPRAISER).post(base + "/units/xa-ha-bang/corrections",
                "{\"figure\": \"portalPage\", \"value\": false, \"reason\": \"Cổng chưa hoạt động\"}").status()).isEqualTo(201);

        // Open round: the campaign's standing is what the office posted, the round's results what the round made.
        JsonNode during = officer.get(CAMPAIGN + "/ranking").json();
        assertThat(during.get("units")).isEqualTo(before.get("units"));
        assertThat(during.get("units")).extracting(u -> u.get("unitId").asText() + " " + u.get("score").asDouble())
                .containsExactly("xa-tien-xuan 60.0", "xa-ha-bang 40.0");
        assertThat(officer.download("/reports/" + Requests.CAMPAIGN + ".csv", null).text()).isEqualTo(report);
        assertThat(officer.get(CAMPAIGN + "/commendations").json()).isEqualTo(commendations);
        assertThat(officer.get(base + "/results").json().get("units")).extracting(u -> u.get("unitId").asText())
                .containsExactlyInAnyOrder("xa-binh-yen", "xa-ha-bang");

        // Closed round: still apart. Its final results are read from the round.
        assertThat(officer.post(base + "/close", "{\"reason\": \"Hội đồng họp\"}").status()).isEqualTo(200);
        assertThat(officer.get(CAMPAIGN + "/ranking").json().get("units")).isEqualTo(before.get("units"));
        assertThat(officer.download("/reports/" + Requests.CAMPAIGN + ".csv", null).text()).isEqualTo(report);
        assertThat(officer.get(CAMPAIGN + "/commendations").json()).isEqualTo(commendations);
        JsonNode results = officer.get(base + "/results").json().get("units");
        assertThat(results).extracting(u -> u.get("unitId").asText() + " "
                        + (u.get("appraised").isNull() ? u.get("selfAssessment") : u.get("appraised")).get("score").asDouble())
                .containsExactly("xa-binh-yen 100.0", "xa-ha-bang 80.0");
        assertThat(officer.download("/reports/" + Requests.CAMPAIGN + ".csv?round=" + round, null).text())
                .contains("xa-binh-yen").doesNotContain("xa-tien-xuan");

        // A round opened without a list of units asks those of the campaign's standing: not the round-only unit.
        JsonNode next = officer.post(CAMPAIGN + "/rounds", "{\"period\": \"Năm 2027\", \"deadline\": \"2099-12-31\"}").json();
        assertThat(next.get("units")).extracting(JsonNode::asText).containsExactly("xa-ha-bang", "xa-tien-xuan");
    }
}
