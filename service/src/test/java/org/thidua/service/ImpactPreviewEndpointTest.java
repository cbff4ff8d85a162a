package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.RuleSet;
import org.thidua.service.http.AccessTokens;
import org.thidua.service.http.EvaluationService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * POST /api/v1/campaigns/{id}/preview on a real server whose SQLite history holds the example district: the candidate
 * lowers the satisfaction target from 95% to 90%, and the preview lists exactly the units that change.
 */
class ImpactPreviewEndpointTest {
    static final String STAFF = "rules-staff-secret";
    static final String READER = "reader-secret";
    static final String PREVIEW = "/api/v1/campaigns/" + Requests.CAMPAIGN + "/preview";

    @TempDir
    Path dir;
    RunningService running;
    Api staff;
    JsonNode seeded;

    @BeforeEach
    void start_with_tokens_and_the_district_stored() {
        running = RunningService.start(dir.resolve("thidua.db"), withTokens());
        staff = running.api.as(STAFF);
        Api.Answer posted = staff.post("/api/v1/evaluations", District.json());
        assertThat(posted.status()).isEqualTo(200);
        seeded = posted.json().get("evaluations");
    }

    @AfterEach
    void stop() {
        running.close();
    }

    /** Loopback with two tokens: {@link #STAFF} (read, evaluate, rules) and {@link #READER} (read). */
    static EvaluationService.Settings withTokens() {
        AccessTokens tokens = AccessTokens.parse(line("phong-noi-vu", STAFF, "read,evaluate,rules") + "\n"
                + line("lanh-dao", READER, "read"), "test");
        return new EvaluationService.Settings("127.0.0.1", 0, EvaluationService.DEFAULT_MAX_BODY, tokens);
    }

    private static String line(String name, String token, String roles) {
        return name + " = " + java.util.HexFormat.of().formatHex(AccessTokens.sha256(token)) + " " + roles;
    }

    private static RuleSet live() {
        return RunningService.BUNDLED.ruleSet(Requests.CAMPAIGN);
    }

    private static String candidate(Map<String, String> files) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode node = body.putObject("files");
        files.forEach(node::put);
        return body.toString();
    }

    private static String loweredTarget() {
        return candidate(Map.of(District.CRITERIA_SHEET,
                District.lowerSatisfactionTarget(live().ruleFiles().get(District.CRITERIA_SHEET))));
    }

    @Test
    void lowering_the_satisfaction_target_lists_exactly_the_units_between_90_and_95_percent_and_those_whose_rank_moves() {
        Set<String> band = District.between90And95();
        Map<String, District.Points> before = District.points(seeded);
        BigDecimal satisfactionPoints = BigDecimal.valueOf(live().campaign().criterion("SATISFACTION").orElseThrow().points());
        Map<String, District.Points> after = District.afterLoweringTarget(before, band, satisfactionPoints);
        Map<String, Integer> ranksBefore = District.ranks(before);
        Map<String, Integer> ranksAfter = District.ranks(after);

        Api.Answer answer = staff.post(PREVIEW, loweredTarget());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode impact = answer.json();
        assertThat(band).as("the example district has units in the 90-95%% band").isNotEmpty();
        assertThat(impact.get("unitsCompared").asInt()).isEqualTo(seeded.size());
        assertThat(impact.get("liveVersion").asText()).isEqualTo(live().version());
        assertThat(impact.get("candidateVersion").asText()).isNotEqualTo(live().version());
        Map<String, JsonNode> listed = new HashMap<>();
        impact.get("changes").forEach(c -> listed.put(c.get("unitId").asText(), c));
        assertThat(listed.keySet()).isEqualTo(District.expectedChanges(band, ranksBefore, ranksAfter));
        assertThat(impact.get("unitsChanged").asInt()).isEqualTo(listed.size());
        listed.forEach((unit, change) -> {
            assertThat(change.get("before").get("rank").asInt()).as(unit + " rank before").isEqualTo(ranksBefore.get(unit));
            assertThat(change.get("after").get("rank").asInt()).as(unit + " rank after").isEqualTo(ranksAfter.get(unit));
            if (band.contains(unit)) {
                assertThat(change.get("findings")).hasSize(1);
                JsonNode finding = change.get("findings").get(0);
                assertThat(finding.get("criterion").asText()).isEqualTo("SATISFACTION");
                assertThat(finding.get("before").get("status").asText()).isEqualTo("NOT_MET");
                assertThat(finding.get("after").get("status").asText()).isEqualTo("MET");
                assertThat(finding.get("after").get("points").decimalValue()).isEqualByComparingTo(satisfactionPoints);
                assertThat(change.get("after").get("score").asDouble()).isGreaterThan(change.get("before").get("score").asDouble());
            } else {
                assertThat(change.get("changed")).hasSize(1);
                assertThat(change.get("changed").get(0).asText()).isEqualTo("rank");
                assertThat(change.get("findings")).isEmpty();
            }
        });
        // the live rules are untouched
        assertThat(staff.get("/api/v1/campaigns/" + Requests.CAMPAIGN).json().get("ruleSetVersion").asText())
                .isEqualTo(live().version());
    }

    @Test
    void an_identical_candidate_lists_no_unit() {
        Api.Answer none = staff.post(PREVIEW, "{\"files\": {}}");
        Api.Answer same = staff.post(PREVIEW, candidate(live().ruleFiles()));

        for (Api.Answer answer : new Api.Answer[] {none, same}) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("unitsCompared").asInt()).isEqualTo(seeded.size());
            assertThat(answer.json().get("unitsChanged").asInt()).isZero();
            assertThat(answer.json().get("changes")).isEmpty();
            assertThat(answer.json().get("candidateVersion").asText()).isEqualTo(live().version());
        }
    }

    @Test
    void a_candidate_that_does_not_compile_is_422_with_file_line_and_column() {
        String drl = District.satisfactionDrl().replace("rule \"SATISFACTION\"\nwhen", "rule \"SATISFACTION\"\nwhen\n    $x : (");

        Api.Answer answer = staff.post(PREVIEW, candidate(Map.of(District.SATISFACTION_DRL, drl)));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo("urn:thidua:problem:invalid-rules");
        assertThat(answer.json().get("problems").get(0).get("path").asText()).matches("criteria/satisfaction\\.drl:\\d+:\\d+");
    }

    @Test
    void a_candidate_the_safety_gate_refuses_is_422_naming_the_file_and_line() {
        String drl = District.satisfactionDrl() // a rule of its own beside the sheet's SATISFACTION
                .replace("rule \"SATISFACTION\"", "rule \"SATISFACTION_EXIT\"\n@criterion(SATISFACTION)")
                .replace("Satisfaction s = $r.satisfaction();", "Satisfaction s = $r.satisfaction();\n    System.exit(1);");

        Api.Answer answer = staff.post(PREVIEW, candidate(Map.of(District.SATISFACTION_DRL, drl)));

        assertThat(answer.status()).isEqualTo(422);
        JsonNode problem = answer.json().get("problems").get(0);
        assertThat(problem.get("path").asText()).matches("criteria/satisfaction\\.drl:\\d+:\\d+");
        assertThat(problem.get("message").asText()).contains("System");
    }

    @Test
    void paths_outside_the_campaign_folder_and_other_files_are_refused_naming_each() {
        Api.Answer answer = staff.post(PREVIEW, candidate(Map.of(
                "../escape.drl", "rule x end",
                "/etc/thidua.drl", "rule x end",
                "criteria/../../up.drl", "rule x end",
                "notes.txt", "x")));

        assertThat(answer.status()).isEqualTo(422);
        Set<String> paths = new HashSet<>();
        answer.json().get("problems").forEach(p -> paths.add(p.get("path").asText()));
        assertThat(paths).containsExactlyInAnyOrder("files[\"../escape.drl\"]", "files[\"/etc/thidua.drl\"]",
                "files[\"criteria/../../up.drl\"]", "files[\"notes.txt\"]");
    }

    @Test
    void a_candidate_whose_range_no_longer_accepts_the_stored_figures_is_422_naming_each_unit() {
        String yaml = live().ruleFiles().get("campaign.yaml");
        String narrowed = yaml.replaceFirst("(?s)(\nindicators:\n.*?max: )1\n", "$10.5\n");
        assertThat(narrowed).contains("max: 0.5");

        Api.Answer answer = staff.post(PREVIEW, candidate(Map.of("campaign.yaml", narrowed)));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("type").asText()).isEqualTo("urn:thidua:problem:invalid-input");
        Set<String> paths = new HashSet<>();
        answer.json().get("problems").forEach(p -> paths.add(p.get("path").asText()));
        Set<String> expected = new HashSet<>();
        Json.read(District.json()).get("reports").forEach(r -> {
            if (r.path("indicators").path("digitizedShare").decimalValue().compareTo(new java.math.BigDecimal("0.5")) > 0) {
                expected.add("units[" + r.get("unit").get("id").asText() + "].indicators.digitizedShare");
            }
        });
        assertThat(expected).isNotEmpty();
        assertThat(paths).isEqualTo(expected);
    }

    @Test
    void stored_indicators_a_candidate_no_longer_declares_are_ignored_with_a_note() {
        String yaml = live().ruleFiles().get("campaign.yaml");
        String withoutIndicators = yaml.replaceAll("(?s)\nindicators:\n.*?\n\n", "\n\n");
        assertThat(withoutIndicators).doesNotContain("digitizedShare");

        Api.Answer answer = staff.post(PREVIEW, candidate(Map.of("campaign.yaml", withoutIndicators)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("unitsCompared").asInt()).isEqualTo(seeded.size());
        assertThat(answer.json().get("notes").get(0).asText()).startsWith("Bỏ qua chỉ số digitizedShare trong ");
    }

    @Test
    void preview_needs_the_rules_role() {
        assertThat(running.api.post(PREVIEW, loweredTarget()).status()).isEqualTo(401);
        assertThat(running.api.as("not-a-token").post(PREVIEW, loweredTarget()).status()).isEqualTo(401);
        Api.Answer reader = running.api.as(READER).post(PREVIEW, loweredTarget());
        assertThat(reader.status()).isEqualTo(403);
        assertThat(reader.json().get("detail").asText()).contains("rules");
    }

    @Test
    void without_tokens_on_loopback_preview_is_closed() {
        try (RunningService open = RunningService.start(dir.resolve("open.db"))) {
            Api.Answer answer = open.api.post(PREVIEW, loweredTarget());

            assertThat(answer.status()).isEqualTo(403);
        }
    }

    @Test
    void an_unknown_campaign_is_404_and_malformed_json_400() {
        assertThat(staff.post("/api/v1/campaigns/khong-co/preview", loweredTarget()).status()).isEqualTo(404);
        assertThat(staff.post(PREVIEW, "{\"files\": ").status()).isEqualTo(400);
    }
}
