package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thidua.service.RulesFolder.CAMPAIGN;
import static org.thidua.service.RulesFolder.SATISFACTION;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.RuleLibrary;
import org.thidua.service.http.EvaluationService;
import org.thidua.service.live.LiveCampaigns;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The running service watches its rules directory, as {@code thidua serve --rules DIR} does: a saved file is
 * picked up without a restart, and only an edit that compiles, passes the safety gate and passes the campaign's
 * own rule tests goes live. Each test writes files, then polls the campaign endpoint (bounded) until the watcher
 * has acted.
 */
class HotReloadTest {
    /** An upper bound for the watcher's quiet period plus a compile and the rule tests on a busy machine. */
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String REQUEST = Requests.request(Requests.commune("xa-binh-yen", "UBND xã Bình Yên", 5));

    @TempDir
    Path dir;
    RulesFolder rules;
    RunningService running;
    Api api;
    String original;

    @BeforeEach
    void start() {
        rules = RulesFolder.copy(dir.resolve("campaigns"));
        LiveCampaigns live = new LiveCampaigns(RuleLibrary.load(rules.root));
        assertThat(live.watch()).isTrue();
        running = RunningService.start(live, dir.resolve("thidua.db"), EvaluationService.Settings.loopback(0));
        api = running.api;
        original = campaign().get("ruleSetVersion").asText();
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private JsonNode campaign() {
        return api.get("/api/v1/campaigns/" + CAMPAIGN).json();
    }

    private JsonNode awaitCampaign(Predicate<JsonNode> done, String what) {
        return RulesFolder.poll(this::campaign, done, WAIT, what);
    }

    private JsonNode evaluate(String request) {
        Api.Answer answer = api.post("/api/v1/evaluations", request);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode finding(JsonNode response, String criterion) {
        for (JsonNode finding : response.get("evaluations").get(0).get("findings")) {
            if (finding.get("criterion").asText().equals(criterion)) {
                return finding;
            }
        }
        throw new AssertionError("no finding " + criterion + " in " + response);
    }

    @Test
    void a_saved_edit_is_live_without_a_restart() {
        rules.editMetMessage(" — theo bản sửa mới");

        JsonNode now = awaitCampaign(c -> !c.get("ruleSetVersion").asText().equals(original), "the edit to go live");
        JsonNode evaluated = evaluate(REQUEST);

        assertThat(now.has("refusedEdit")).isFalse();
        assertThat(evaluated.get("ruleSetVersion").asText()).isEqualTo(now.get("ruleSetVersion").asText());
        assertThat(finding(evaluated, "SATISFACTION").get("message").asText()).endsWith("— theo bản sửa mới");
    }

    @Test
    void a_new_criterion_on_a_new_indicator_is_added_by_writing_files_only() {
        rules.write(CAMPAIGN, "criteria/online.drl", """
                package thidua.thach_that_cchc_2021;

                import org.thidua.core.UnitReport;

                global org.thidua.core.Judge judge;

                // Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến đạt từ 50%.
                rule "ONLINE_DOSSIERS"
                when
                    $r : UnitReport( indicator("onlineShare") != null )
                then
                    judge.value($r, $r.indicator("onlineShare"))
                         .atLeast(0.5)
                         .whenMet("Tiếp nhận trực tuyến {percent} hồ sơ, đạt chỉ tiêu {targetPercent}")
                         .whenNotMet("Tiếp nhận trực tuyến {percent} hồ sơ, chưa đạt chỉ tiêu {targetPercent}");
                end
                """);
        rules.write(CAMPAIGN, "tests/online.yaml", """
                cases:
                  - name: đúng 50% hồ sơ trực tuyến là đạt (exactly 50% online is met)
                    reports:
                      - unit: {id: xa-a, name: UBND xã A, kind: COMMUNE}
                        indicators: {onlineShare: 0.5}
                    expect:
                      - unit: xa-a
                        findings: {ONLINE_DOSSIERS: MET}
                        points: {ONLINE_DOSSIERS: 20}
                        messages: {ONLINE_DOSSIERS: "50%"}
                  - name: 49% là chưa đạt (49% is not met)
                    reports:
                      - unit: {id: xa-a, name: UBND xã A, kind: COMMUNE}
                        indicators: {onlineShare: 0.49}
                    expect:
                      - unit: xa-a
                        findings: {ONLINE_DOSSIERS: NOT_MET}
                        points: {ONLINE_DOSSIERS: 0}
                """);
        // A criterion every unit must meet for the campaign's commendation: the cases that expect it report the
        // new figure now, and count 6 criteria instead of 5.
        rules.edit("tests/members.yaml", yaml -> yaml
                .replace("- unit: {id: xa-m, name: UBND xã M, kind: COMMUNE}\n", "- unit: {id: xa-m, name: UBND xã M, kind: COMMUNE}\n"
                        + "        indicators: {onlineShare: 0.6}\n")
                .replace("- unit: {id: xa-n, name: UBND xã N, kind: COMMUNE}\n", "- unit: {id: xa-n, name: UBND xã N, kind: COMMUNE}\n"
                        + "        indicators: {onlineShare: 0.6}\n")
                .replace("Đạt cả 5/5 tiêu chí", "Đạt cả 6/6 tiêu chí")
                .replace("Đạt 4/5 tiêu chí", "Đạt 5/6 tiêu chí"));
        rules.edit("tests/titles-collective.yaml", yaml -> yaml
                .replace("- unit: {id: phong-f, name: Phòng F, kind: AGENCY}\n", "- unit: {id: phong-f, name: Phòng F, kind: AGENCY}\n"
                        + "        indicators: {onlineShare: 0.6}\n"));
        rules.edit("campaign.yaml", yaml -> yaml
                .replace("""
                            max: 1
                        """, """
                            max: 1
                          - id: onlineShare
                            title: Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến
                            min: 0
                            max: 1
                        """)
                .replace("""
                        
                        # Xếp loại theo điểm""", """
                          - id: ONLINE_DOSSIERS
                            title: Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến đạt từ 50%
                            points: 20
                            whenNoData: EXCLUDE

                        # Xếp loại theo điểm"""));

        JsonNode now = awaitCampaign(c -> ids(c.get("criteria")).contains("ONLINE_DOSSIERS"), "the new criterion to go live");
        JsonNode online = evaluate(REQUEST.replace("\"digitizedShare\": 0.85", "\"digitizedShare\": 0.85, \"onlineShare\": 0.6"));
        JsonNode offline = evaluate(REQUEST.replace("\"digitizedShare\": 0.85", "\"digitizedShare\": 0.85, \"onlineShare\": 0.4"));
        JsonNode unreported = evaluate(REQUEST);

        assertThat(ids(now.get("indicators"))).contains("onlineShare");
        assertThat(online.get("ruleSetVersion").asText()).isEqualTo(now.get("ruleSetVersion").asText()).isNotEqualTo(original);
        assertThat(finding(online, "ONLINE_DOSSIERS").get("status").asText()).isEqualTo("MET");
        assertThat(finding(online, "ONLINE_DOSSIERS").get("message").asText()).contains("60%");
        assertThat(online.get("evaluations").get(0).get("score").asDouble()).isEqualTo(100.0);
        assertThat(finding(offline, "ONLINE_DOSSIERS").get("status").asText()).isEqualTo("NOT_MET");
        assertThat(offline.get("evaluations").get(0).get("score").asDouble()).isEqualTo(83.33);
        assertThat(finding(unreported, "ONLINE_DOSSIERS").get("status").asText()).isEqualTo("NO_DATA");
        assertThat(unreported.get("evaluations").get(0).get("score").asDouble()).as("excluded when not reported").isEqualTo(100.0);
    }

    @Test
    void a_saved_syntax_error_is_refused_and_shown_at_the_campaign_and_saving_the_old_file_clears_it() {
        String shipped = rules.read(SATISFACTION);
        rules.write(CAMPAIGN, SATISFACTION, shipped.replace("\nend", "\n"));

        JsonNode refused = awaitCampaign(c -> c.has("refusedEdit"), "the syntax error to be refused");
        JsonNode evaluated = evaluate(REQUEST);

        assertThat(refused.get("ruleSetVersion").asText()).isEqualTo(original);
        assertThat(refused.get("refusedEdit").get("versionAttempted").isNull()).isTrue();
        assertThat(ReloadEndpointTest.paths(refused.get("refusedEdit").get("problems")))
                .isNotEmpty().allMatch(p -> p.matches("criteria/satisfaction\\.drl:\\d+:\\d+"));
        assertThat(evaluated.get("ruleSetVersion").asText()).isEqualTo(original);

        rules.write(CAMPAIGN, SATISFACTION, shipped);
        JsonNode back = awaitCampaign(c -> !c.has("refusedEdit"), "the refusal to clear");
        assertThat(back.get("ruleSetVersion").asText()).isEqualTo(original);
    }

    @Test
    void the_campaign_page_shows_staff_the_live_version_its_tests_and_a_refused_edit_at_file_line_column() {
        Api.Answer before = api.get("/campaigns/" + CAMPAIGN);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.body()).contains(original, "(giờ Việt Nam)", "<code>SATISFACTION</code>", "0 không đạt")
                .contains("Không có: các tệp trong thư mục luật là phiên bản đang phục vụ.");

        rules.write(CAMPAIGN, SATISFACTION, rules.read(SATISFACTION).replace("\nend", "\n"));
        awaitCampaign(c -> c.has("refusedEdit"), "the syntax error to be refused");

        String page = api.get("/campaigns/" + CAMPAIGN).body();
        assertThat(page).contains("Phiên bản đang phục vụ: <code>" + original + "</code>", "không biên dịch được")
                .containsPattern("<li><code>criteria/satisfaction\\.drl:\\d+:\\d+</code> ");
        assertThat(api.get("/campaigns/khong-co").status()).isEqualTo(404);
    }

    @Test
    void a_saved_rule_the_safety_gate_refuses_never_goes_live() {
        rules.edit(SATISFACTION, drl -> drl.replace("then\n", "then\n    System.exit(1);\n"));

        JsonNode refused = awaitCampaign(c -> c.has("refusedEdit"), "the safety gate to refuse System.exit");

        assertThat(refused.get("ruleSetVersion").asText()).isEqualTo(original);
        assertThat(refused.get("refusedEdit").get("problems")).anySatisfy(p -> {
            assertThat(p.get("path").asText()).startsWith(SATISFACTION + ":");
            assertThat(p.get("message").asText()).contains("System");
        });
        assertThat(evaluate(REQUEST).get("ruleSetVersion").asText()).isEqualTo(original);
    }

    @Test
    void a_saved_edit_that_fails_the_campaigns_own_rule_tests_never_goes_live() {
        // Compiles, but 94,99% satisfaction would be met, and tests/satisfaction.yaml says it is not.
        rules.edit(SATISFACTION, drl -> drl.replace(".atLeast(0.95)", ".atLeast(0.9)"));

        JsonNode refused = awaitCampaign(c -> c.has("refusedEdit"), "the edit failing its rule tests to be refused");

        JsonNode edit = refused.get("refusedEdit");
        assertThat(refused.get("ruleSetVersion").asText()).isEqualTo(original);
        assertThat(edit.get("versionAttempted").asText()).startsWith("sha256:").isNotEqualTo(original);
        assertThat(edit.get("problems")).isEmpty();
        assertThat(edit.get("failedTests")).anySatisfy(t -> {
            assertThat(t.get("path").asText()).startsWith("tests/satisfaction.yaml:");
            assertThat(t.get("failures").toString()).contains("NOT_MET");
        });
        assertThat(evaluate(REQUEST).get("ruleSetVersion").asText()).isEqualTo(original);
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }
}
