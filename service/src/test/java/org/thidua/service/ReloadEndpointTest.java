package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thidua.service.RulesFolder.CAMPAIGN;
import static org.thidua.service.RulesFolder.SATISFACTION;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.RuleLibrary;
import org.thidua.service.http.AccessTokens;
import org.thidua.service.http.EvaluationService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/campaigns/{id}/reload} on a real server, with a real rules directory and a tokens file: 200
 * with the version live now, 422 with every problem when refused (the live version serving on), 404 for no such
 * campaign folder, and only for the {@code rules} role. No watcher here: each reload happens when the test asks.
 */
class ReloadEndpointTest {
    static final String RULES = "rules-secret-token";
    static final String EVALUATOR = "evaluator-secret-token";
    static final String REQUEST = Requests.request(Requests.commune("xa-binh-yen", "UBND xã Bình Yên", 5));

    @TempDir
    Path dir;
    RulesFolder rules;
    RunningService running;
    Api staff;
    Api evaluator;
    String original;

    @BeforeEach
    void start() throws IOException {
        rules = RulesFolder.copy(dir.resolve("campaigns"));
        Path tokens = dir.resolve("tokens.properties");
        Files.writeString(tokens, "# thidua tokens\n" + line("phong-noi-vu-luat", RULES, "read,rules") + "\n"
                + line("phong-noi-vu", EVALUATOR, "read,evaluate") + "\n", StandardCharsets.UTF_8);
        running = RunningService.start(RuleLibrary.load(rules.root), dir.resolve("thidua.db"),
                new EvaluationService.Settings("127.0.0.1", 0, EvaluationService.DEFAULT_MAX_BODY, AccessTokens.read(tokens)),
                store -> store);
        staff = running.api.as(RULES);
        evaluator = running.api.as(EVALUATOR);
        original = staff.get("/api/v1/campaigns/" + CAMPAIGN).json().get("ruleSetVersion").asText();
    }

    @AfterEach
    void stop() {
        running.close();
    }

    static String line(String name, String token, String roles) {
        return name + " = " + HexFormat.of().formatHex(AccessTokens.sha256(token)) + " " + roles;
    }

    private static String reload(String id) {
        return "/api/v1/campaigns/" + id + "/reload";
    }

    @Test
    void an_edit_that_passes_is_live_at_once_and_a_second_reload_is_unchanged() {
        rules.editMetMessage(" — theo bản sửa mới");

        Api.Answer reloaded = staff.post(reload(CAMPAIGN), "");
        Api.Answer evaluated = evaluator.post("/api/v1/evaluations", REQUEST);
        Api.Answer again = staff.post(reload(CAMPAIGN), "");

        assertThat(reloaded.status()).isEqualTo(200);
        JsonNode body = reloaded.json();
        assertThat(body.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(body.get("previousVersion").asText()).isEqualTo(original);
        String now = body.get("ruleSetVersion").asText();
        assertThat(now).isNotEqualTo(original);
        assertThat(body.get("testCases").asInt()).isPositive();
        assertThat(evaluated.json().get("ruleSetVersion").asText()).isEqualTo(now);
        assertThat(evaluated.json().get("evaluations").get(0).get("findings").get(0).get("message").asText())
                .endsWith("— theo bản sửa mới");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(again.json().get("ruleSetVersion").asText()).isEqualTo(now);
    }

    @Test
    void a_syntax_error_is_422_with_file_and_line_and_the_live_version_keeps_serving() {
        rules.edit(SATISFACTION, drl -> drl.replace("\nend", "\n"));

        Api.Answer refused = staff.post(reload(CAMPAIGN), "");
        Api.Answer campaign = staff.get("/api/v1/campaigns/" + CAMPAIGN);
        Api.Answer evaluated = evaluator.post("/api/v1/evaluations", REQUEST);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:thidua:problem:rules-refused");
        assertThat(refused.json().get("detail").asText()).contains(original);
        assertThat(paths(refused.json().get("problems"))).isNotEmpty().allMatch(p -> p.startsWith(SATISFACTION + ":"));
        assertThat(campaign.json().get("ruleSetVersion").asText()).isEqualTo(original);
        JsonNode edit = campaign.json().get("refusedEdit");
        assertThat(edit.get("versionAttempted").isNull()).isTrue();
        assertThat(paths(edit.get("problems"))).isEqualTo(paths(refused.json().get("problems")));
        assertThat(evaluated.json().get("ruleSetVersion").asText()).isEqualTo(original);
    }

    @Test
    void an_edit_failing_its_own_rule_tests_is_422_naming_each_failed_case() {
        rules.edit(SATISFACTION, drl -> drl.replace(".atLeast(0.95)", ".atLeast(0.9)"));

        Api.Answer refused = staff.post(reload(CAMPAIGN), "");
        JsonNode edit = staff.get("/api/v1/campaigns/" + CAMPAIGN).json().get("refusedEdit");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(paths(refused.json().get("problems"))).anyMatch(p -> p.matches("tests/satisfaction\\.yaml:\\d+"));
        assertThat(edit.get("versionAttempted").asText()).startsWith("sha256:").isNotEqualTo(original);
        assertThat(edit.get("failedTests")).anySatisfy(t -> {
            assertThat(t.get("path").asText()).startsWith("tests/satisfaction.yaml:");
            assertThat(t.get("name").asText()).contains("94,99%");
            assertThat(t.get("failures").get(0).asText()).contains("SATISFACTION");
        });
        assertThat(evaluator.post("/api/v1/evaluations", REQUEST).json().get("ruleSetVersion").asText()).isEqualTo(original);
    }

    @Test
    void a_new_campaign_folder_goes_live_on_reload() throws IOException {
        String id = "thach-that-cchc-2022";
        for (String file : List.of("campaign.yaml", "criteria/satisfaction.drl", "criteria/on-time.drl", "criteria/training.drl",
                "criteria/portal.drl", "criteria/members.drl", "titles/collective.drl", "titles/individual.drl",
                "titles/commendation.drl", "tests/satisfaction.yaml")) {
            rules.write(id, file, rules.read(file).replace("id: " + CAMPAIGN, "id: " + id));
        }

        Api.Answer reloaded = staff.post(reload(id), "");
        Api.Answer evaluated = evaluator.post("/api/v1/evaluations", REQUEST.replace(CAMPAIGN, id));

        assertThat(reloaded.status()).isEqualTo(200);
        assertThat(reloaded.json().get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(reloaded.json().get("previousVersion").isNull()).isTrue();
        assertThat(evaluated.status()).isEqualTo(200);
        assertThat(evaluated.json().get("campaign").asText()).isEqualTo(id);
        List<String> ids = new ArrayList<>();
        staff.get("/api/v1/campaigns").json().get("campaigns").forEach(c -> ids.add(c.get("id").asText()));
        assertThat(ids).contains(CAMPAIGN, id);
    }

    @Test
    void an_unknown_campaign_with_no_folder_is_404() {
        assertThat(staff.post(reload("khong-co"), "").status()).isEqualTo(404);
    }

    @Test
    void reloading_needs_the_rules_role() {
        Api.Answer anonymous = running.api.post(reload(CAMPAIGN), "");
        Api.Answer withoutRole = evaluator.post(reload(CAMPAIGN), "");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(withoutRole.status()).isEqualTo(403);
        assertThat(withoutRole.json().get("detail").asText()).contains("phong-noi-vu", "rules");
    }

    @Test
    void without_tokens_reloading_is_closed_even_on_loopback() {
        try (RunningService open = RunningService.start(RuleLibrary.load(rules.root), dir.resolve("open.db"),
                EvaluationService.Settings.loopback(0), store -> store)) {
            Api.Answer answer = open.api.post(reload(CAMPAIGN), "");

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.json().get("detail").asText()).contains("rules");
        }
    }

    static List<String> paths(JsonNode problems) {
        List<String> paths = new ArrayList<>();
        problems.forEach(p -> paths.add(p.get("path").asText()));
        return paths;
    }
}
