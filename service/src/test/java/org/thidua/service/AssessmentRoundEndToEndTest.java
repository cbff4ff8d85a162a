package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.http.AccessTokens;
import org.thidua.service.http.EvaluationService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A whole assessment round against a real {@code thidua serve} process (its own JVM, a free port, its tokens file and
 * its real SQLite file), as issue 12 asks: the officer opens it, five units submit with their own tokens (one
 * resubmits), a unit's token cannot touch another unit, the officer brings the deadline forward and the fifth unit is
 * refused as late, an appraiser corrects two figures with reasons, the officer closes it; the results, exports,
 * commendations, pages and audit trail show the appraised results with the corrections, and a new process on the same
 * file reads everything back the same. No clock is faked: "late" is a deadline the officer moved into the past.
 */
class AssessmentRoundEndToEndTest {
    static final String OFFICER = "officer-secret";
    static final String APPRAISER = "appraiser-secret";
    static final List<String> UNITS = List.of("xa-huong-ngai", "xa-tien-xuan", "xa-binh-yen", "xa-ha-bang", "xa-thach-hoa");
    static final Map<String, String> NAMES = Map.of("xa-huong-ngai", "UBND xã Hương Ngải", "xa-tien-xuan", "UBND xã Tiến Xuân",
            "xa-binh-yen", "UBND xã Bình Yên", "xa-ha-bang", "UBND xã Hạ Bằng", "xa-thach-hoa", "UBND xã Thạch Hoà");

    @TempDir
    Path dir;
    ServeProcess serve;
    Api api;

    @AfterEach
    void stop() throws InterruptedException {
        if (serve != null) {
            serve.close();
        }
    }

    /** {@code thidua serve --db thidua.db --tokens tokens.txt}, a new process each time, on the same files. */
    void serve(String name) throws Exception {
        Path tokens = dir.resolve("tokens.txt");
        Files.writeString(tokens, tokenLines() + "\n", StandardCharsets.UTF_8);
        serve = ServeProcess.start(dir.resolve("thidua.db"), dir.resolve(name + ".log"), "--tokens", tokens.toString());
        api = new Api(serve.uri());
    }

    /** The officer (read, evaluate), the appraiser (read, appraise), and one token per unit ({@code unit:ID}). */
    static EvaluationService.Settings withTokens() {
        return new EvaluationService.Settings("127.0.0.1", 0, EvaluationService.DEFAULT_MAX_BODY, AccessTokens.parse(tokenLines(), "test"));
    }

    /** The lines of a tokens file, as {@code thidua token} prints them. */
    static String tokenLines() {
        StringBuilder lines = new StringBuilder(line("phong-noi-vu", OFFICER, "read,evaluate"))
                .append('\n').append(line("hoi-dong-tham-dinh", APPRAISER, "read,appraise"));
        for (String unit : UNITS) {
            lines.append('\n').append(line(unit, token(unit), "unit:" + unit));
        }
        return lines.toString();
    }

    static String token(String unit) {
        return "unit-secret-" + unit;
    }

    static String line(String name, String token, String roles) {
        return name + " = " + HexFormat.of().formatHex(AccessTokens.sha256(token)) + " " + roles;
    }

    /** A submission: the commune's report meeting its first {@code met} criteria, with one document as evidence. */
    static String submission(String unit, int met) {
        return "{\"report\": " + Requests.commune(unit, NAMES.get(unit), met) + ", \"evidence\": [{\"criterion\": \"SATISFACTION\","
                + " \"number\": \"12\", \"symbol\": \"BC-UBND\", \"issuedOn\": \"20/11/2026\", \"summary\": \"Báo cáo khảo sát sự hài"
                + " lòng năm 2026\", \"link\": \"https://example.invalid/bc-12.pdf\"}]}";
    }

    /** Opens the round of "Năm 2026" for the five units with a deadline; answers its id. */
    static String open(Api api, String deadline) {
        Api.Answer opened = api.as(OFFICER).post("/api/v1/campaigns/" + Requests.CAMPAIGN + "/rounds",
                "{\"period\": \"Năm 2026\", \"deadline\": \"" + deadline + "\", \"units\": " + Json.write(UNITS) + "}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("id").asText();
    }

    Api as(String token) {
        return api.as(token);
    }

    @Test
    void a_whole_round_from_opening_to_final_results_reads_back_the_same_in_a_new_process() throws Exception {
        serve("first");
        String round = open(api, "2099-12-15");
        String base = "/api/v1/rounds/" + round;
        JsonNode opened = as(OFFICER).get(base).json();
        assertThat(opened.get("status").asText()).isEqualTo("open");
        assertThat(opened.get("deadlineVietnam").asText()).isEqualTo("15/12/2099 23:59:59");
        assertThat(opened.get("deadline").asText()).isEqualTo("2099-12-15T16:59:59.999Z");
        assertThat(opened.get("notSubmitted")).hasSize(5);

        // Four units submit with their own tokens; the first resubmits with better figures.
        int[] met = {3, 5, 4, 2};
        for (int i = 0; i < 4; i++) {
            String unit = UNITS.get(i);
            Api.Answer submitted = as(token(unit)).post(base + "/units/" + unit + "/submissions", submission(unit, met[i]));
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
            assertThat(submitted.json().get("number").asInt()).isEqualTo(1);
            assertThat(submitted.json().get("selfAssessment").get("score").asDouble()).isEqualTo(20.0 * met[i]);
            assertThat(submitted.json().get("submittedBy").asText()).isEqualTo(unit);
        }
        Api.Answer again = as(token("xa-huong-ngai")).post(base + "/units/xa-huong-ngai/submissions", submission("xa-huong-ngai", 5));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("number").asInt()).isEqualTo(2);
        assertThat(again.json().get("selfAssessment").get("score").asDouble()).isEqualTo(100.0);

        // A unit's token speaks for its own unit only.
        Api huongNgai = as(token("xa-huong-ngai"));
        assertThat(huongNgai.post(base + "/units/xa-tien-xuan/submissions", submission("xa-tien-xuan", 0)).status()).isEqualTo(403);
        assertThat(huongNgai.get(base + "/units/xa-tien-xuan").status()).isEqualTo(403);
        assertThat(huongNgai.get(base).status()).isEqualTo(403);
        assertThat(huongNgai.get(base + "/results").status()).isEqualTo(403);
        assertThat(huongNgai.post(base + "/units/xa-tien-xuan/corrections",
                "{\"figure\": \"satisfaction.satisfied\", \"value\": 0, \"reason\": \"thử\"}").status()).isEqualTo(403);
        assertThat(huongNgai.post(base + "/close", "").status()).isEqualTo(403);
        assertThat(huongNgai.post(base + "/deadline", "{\"deadline\": \"2099-12-31\", \"reason\": \"thử\"}").status()).isEqualTo(403);
        JsonNode own = huongNgai.get(base + "/units/xa-huong-ngai").json();
        assertThat(own.get("submissions")).hasSize(2);
        assertThat(as(token("xa-tien-xuan")).get(base + "/units/xa-tien-xuan").json().get("selfAssessment").get("score").asDouble())
                .isEqualTo(100.0);

        // The officer brings the deadline forward into the past: the fifth unit is late, refused, only the refusal kept.
        Api officer = as(OFFICER);
        assertThat(officer.post(base + "/deadline", "{\"deadline\": \"2025-12-15\"}").status()).isEqualTo(422); // no reason
        Api.Answer moved = officer.post(base + "/deadline", "{\"deadline\": \"2025-12-15\", \"reason\": \"Công văn 45/UBND-NV:"
                + " chốt số liệu sớm\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("deadlineVietnam").asText()).isEqualTo("15/12/2025 23:59:59");
        Api.Answer late = as(token("xa-thach-hoa")).post(base + "/units/xa-thach-hoa/submissions", submission("xa-thach-hoa", 5));
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).contains("15/12/2025 23:59:59");

        // The appraiser corrects two figures, with reasons, and rejects a piece of evidence.
        Api appraiser = as(APPRAISER);
        assertThat(appraiser.post(base + "/units/xa-huong-ngai/corrections",
                "{\"figure\": \"satisfaction.satisfied\", \"value\": 150}").status()).isEqualTo(422); // no reason
        assertThat(appraiser.post(base + "/units/xa-huong-ngai/corrections",
                "{\"figure\": \"unit.id\", \"value\": 1, \"reason\": \"x\"}").status()).isEqualTo(422);
        Api.Answer first = appraiser.post(base + "/units/xa-huong-ngai/corrections", "{\"figure\": \"satisfaction.satisfied\","
                + " \"value\": 150, \"reason\": \"Biên bản khảo sát chỉ ghi nhận 150 phiếu hài lòng\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("submitted").asInt()).isEqualTo(191);
        assertThat(first.json().get("corrected").asInt()).isEqualTo(150);
        Api.Answer second = appraiser.post(base + "/units/xa-tien-xuan/corrections", "{\"figure\": \"portalPage\", \"value\": false,"
                + " \"reason\": \"Trang cổng thông tin chưa hoạt động khi kiểm tra\"}");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        Api.Answer rejected = appraiser.post(base + "/units/xa-binh-yen/corrections",
                "{\"evidence\": 0, \"reason\": \"Văn bản không có chữ ký\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(201);

        // The unit sees the correction and its reason, self-assessed beside appraised.
        JsonNode corrected = huongNgai.get(base + "/units/xa-huong-ngai").json();
        assertThat(corrected.get("selfAssessment").get("score").asDouble()).isEqualTo(100.0);
        assertThat(corrected.get("appraised").get("score").asDouble()).isEqualTo(80.0);
        assertThat(corrected.get("corrections").get(0).get("reason").asText()).isEqualTo("Biên bản khảo sát chỉ ghi nhận 150 phiếu hài lòng");
        JsonNode satisfaction = corrected.get("criteria").get(0);
        assertThat(satisfaction.get("criterion").asText()).isEqualTo("SATISFACTION");
        assertThat(satisfaction.get("self").get("points").asDouble()).isEqualTo(20.0);
        assertThat(satisfaction.get("appraised").get("points").asDouble()).isEqualTo(0.0);

        // The officer closes: final results; nothing more is written, the deadline stays as it closed.
        assertThat(officer.get(base + "/commendations").status()).isEqualTo(409); // not final yet
        Api.Answer closed = officer.post(base + "/close", "{\"reason\": \"Hội đồng thi đua họp ngày 16/12/2026\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asText()).isEqualTo("closed");
        assertThat(closed.json().get("ruleSetVersions").asText()).isEqualTo(RunningService.BUNDLED.ruleSet(Requests.CAMPAIGN).version());
        assertThat(officer.post(base + "/units/xa-ha-bang/submissions", submission("xa-ha-bang", 5)).status()).isEqualTo(409);
        assertThat(appraiser.post(base + "/units/xa-ha-bang/corrections",
                "{\"figure\": \"portalPage\", \"value\": true, \"reason\": \"x\"}").status()).isEqualTo(409);
        assertThat(officer.post(base + "/deadline", "{\"deadline\": \"2099-12-31\", \"reason\": \"Gia hạn\"}").status())
                .isEqualTo(409);
        assertThat(huongNgai.get(base + "/units/xa-huong-ngai").status()).isEqualTo(403); // unit tokens act in open rounds only

        JsonNode results = officer.get(base + "/results").json();
        assertThat(results.get("final").asBoolean()).isTrue();
        assertThat(results.get("notSubmitted")).extracting(JsonNode::asText).containsExactly("xa-thach-hoa");
        JsonNode units = results.get("units");
        assertThat(units).extracting(u -> u.get("unitId").asText())
                .containsExactly("xa-binh-yen", "xa-huong-ngai", "xa-tien-xuan", "xa-ha-bang");
        assertThat(units).extracting(u -> u.get("rank").asInt()).containsExactly(1, 1, 1, 4);
        JsonNode tienXuan = units.get(2);
        assertThat(tienXuan.get("selfAssessment").get("score").asDouble()).isEqualTo(100.0);
        assertThat(tienXuan.get("appraised").get("score").asDouble()).isEqualTo(80.0);
        assertThat(tienXuan.get("corrections").get(0).get("reason").asText()).isEqualTo("Trang cổng thông tin chưa hoạt động khi kiểm tra");

        String csv = officer.download(base + "/results?format=csv", null).text();
        assertThat(csv).contains("Điểm tự chấm,Xếp loại tự chấm,Điểm thẩm định")
                .contains("satisfaction.satisfied: 191 → 150 (Biên bản khảo sát chỉ ghi nhận 150 phiếu hài lòng)")
                .contains("portalPage: true → false (Trang cổng thông tin chưa hoạt động khi kiểm tra)")
                .contains("xa-thach-hoa,,,,,,0,chưa nộp báo cáo");
        assertThat(officer.download(base + "/results", CommendationListXlsx.TYPE).bytes()).startsWith('P', 'K');
        JsonNode commendations = officer.get(base + "/commendations").json();
        assertThat(commendations.get("units").asInt()).isEqualTo(4);
        assertThat(officer.download(base + "/results.csv", null).text()).isEqualTo(csv);
        assertThat(officer.download(base + "/results.xlsx", null).bytes()).startsWith('P', 'K');
        assertThat(officer.download(base + "/commendations.csv", null).text())
                .isEqualTo(officer.download(base + "/commendations?format=csv", null).text());
        String audit = officer.download(base + "/audit?format=csv", null).text();
        assertThat(officer.download(base + "/audit.csv", null).text()).isEqualTo(audit);
        assertThat(officer.download(base + "/audit.csv?unit=xa-thach-hoa", null).text()).contains("Từ chối nộp").doesNotContain("Đóng kỳ");
        assertThat(audit).contains("Từ chối nộp", "xa-thach-hoa", "Đổi hạn nộp", "thành 15/12/2025 23:59:59",
                "Công văn 45/UBND-NV: chốt số liệu sớm", "Hội đồng thi đua họp ngày 16/12/2026");
        JsonNode trail = officer.get(base + "/audit").json().get("entries");
        assertThat(trail).extracting(e -> e.get("action").asText()).containsExactly("opened", "submitted", "submitted", "submitted",
                "submitted", "submitted", "deadline_changed", "refused", "corrected", "corrected", "evidence_rejected", "closed");
        assertThat(trail).extracting(e -> e.get("actor").asText()).contains("phong-noi-vu", "hoi-dong-tham-dinh", "xa-thach-hoa");
        assertThat(officer.get(base + "/audit?unit=xa-huong-ngai").json().get("entries")).hasSize(3);

        // The round in the report page (its final results, self beside appraised, with reasons) and the staff page.
        String report = officer.get("/reports/" + Requests.CAMPAIGN + "?round=" + round).body();
        assertThat(report).contains("Kết quả chính thức", "UBND xã Tiến Xuân",
                "portalPage: true → false (Trang cổng thông tin chưa hoạt động khi kiểm tra)", "xa-thach-hoa</td><td colspan=\"3\">chưa nộp");
        assertThat(officer.download("/reports/" + Requests.CAMPAIGN + ".csv?round=" + round, null).text())
                .contains("xa-tien-xuan").doesNotContain("xa-thach-hoa");
        String staff = officer.get("/campaigns/" + Requests.CAMPAIGN).body();
        assertThat(staff).contains("<section id=\"rounds\">", "Năm 2026", round, "đã đóng lúc ", "xa-thach-hoa");
        assertThat(officer.get("/reports/" + Requests.CAMPAIGN + "?round=khong-co").status()).isEqualTo(404);

        // A new process on the same file: everything reads back the same.
        JsonNode overview = officer.get(base).json();
        JsonNode unit = officer.get(base + "/units/xa-huong-ngai").json();
        serve.close();
        serve("second");
        Api restarted = as(OFFICER);
        assertThat(restarted.get(base + "/results").json()).isEqualTo(results);
        assertThat(restarted.get(base).json()).isEqualTo(overview);
        assertThat(restarted.get(base + "/units/xa-huong-ngai").json()).isEqualTo(unit);
        assertThat(restarted.get(base + "/commendations").json()).isEqualTo(commendations);
        assertThat(restarted.download(base + "/results?format=csv", null).text()).isEqualTo(csv);
        assertThat(restarted.download(base + "/audit?format=csv", null).text()).isEqualTo(audit);
        assertThat(restarted.get("/reports/" + Requests.CAMPAIGN + "?round=" + round).body()).isEqualTo(report);

        // Reopening is an explicit act with a reason; the round closes again on the same results.
        assertThat(restarted.post(base + "/reopen", "{}").status()).isEqualTo(422);
        assertThat(restarted.post(base + "/reopen", "{\"reason\": \"Xem lại khiếu nại của xã Hạ Bằng\"}").status()).isEqualTo(200);
        assertThat(restarted.get(base + "/results").json().get("final").asBoolean()).isFalse();
        assertThat(restarted.post(base + "/close", "").status()).isEqualTo(200);
        assertThat(restarted.get(base + "/results").json().get("units")).isEqualTo(results.get("units"));
        assertThat(restarted.get(base + "/audit").json().get("entries")).extracting(e -> e.get("action").asText())
                .endsWith("closed", "reopened", "closed");
        serve.close();
        for (String log : List.of("first", "second")) {
            assertThat(Files.readString(dir.resolve(log + ".log"), StandardCharsets.UTF_8)).doesNotContain("\tat ", "Exception");
        }
    }

    /** Calls every round operation once with an answer of 200 or 201 (for the OpenAPI document's test). */
    static void walkEveryOperation(Api api) {
        Api officer = api.as(OFFICER);
        String unit = UNITS.get(0);
        String round = officer.post("/api/v1/campaigns/" + Requests.CAMPAIGN + "/rounds",
                "{\"period\": \"Năm 2099\", \"deadline\": \"2099-12-31\"}").json().get("id").asText();
        String base = "/api/v1/rounds/" + round;
        officer.get("/api/v1/campaigns/" + Requests.CAMPAIGN + "/rounds");
        api.as(token(unit)).post(base + "/units/" + unit + "/submissions", submission(unit, 4));
        api.as(APPRAISER).post(base + "/units/" + unit + "/corrections", "{\"figure\": \"portalPage\", \"value\": true, \"reason\": \"Đã kiểm tra\"}");
        api.as(token(unit)).get(base + "/units/" + unit);
        officer.get(base);
        officer.post(base + "/deadline", "{\"deadline\": \"2099-12-30\", \"reason\": \"Rút ngắn một ngày\"}");
        officer.post(base + "/close", "");
        officer.post(base + "/reopen", "{\"reason\": \"Xem lại\"}");
        officer.post(base + "/close", "{\"reason\": \"Chốt\"}");
        officer.get(base + "/results");
        officer.download(base + "/results?format=csv", null);
        officer.download(base + "/results?format=xlsx", null);
        officer.get(base + "/commendations");
        officer.get(base + "/audit");
        officer.download(base + "/audit?format=xlsx", null);
        for (String file : List.of("results.csv", "results.xlsx", "commendations.csv", "commendations.xlsx", "audit.csv", "audit.xlsx")) {
            officer.download(base + "/" + file, null);
        }
    }

    /** The XLSX media type, as the exports answer it. */
    static final class CommendationListXlsx {
        static final String TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
}
