package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.http.AccessTokens;
import org.thidua.service.http.EvaluationService;
import org.thidua.service.report.VietnamTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A whole assessment round against the real service on a free port with its real SQLite file (issue 12): the officer
 * opens it, five units submit with their own tokens (one resubmits, one is late and refused), a unit's token cannot
 * touch another unit, an appraiser corrects two figures with reasons, the officer closes it; the results, exports,
 * commendations and audit trail show the appraised results with the corrections, and read back the same after a
 * restart. The clock is the test's ({@link VietnamTime#use}), so "late" does not depend on when or where it runs.
 */
class AssessmentRoundEndToEndTest {
    static final String OFFICER = "officer-secret";
    static final String APPRAISER = "appraiser-secret";
    static final List<String> UNITS = List.of("xa-huong-ngai", "xa-tien-xuan", "xa-binh-yen", "xa-ha-bang", "xa-thach-hoa");
    static final Map<String, String> NAMES = Map.of("xa-huong-ngai", "UBND xã Hương Ngải", "xa-tien-xuan", "UBND xã Tiến Xuân",
            "xa-binh-yen", "UBND xã Bình Yên", "xa-ha-bang", "UBND xã Hạ Bằng", "xa-thach-hoa", "UBND xã Thạch Hoà");

    @TempDir
    Path dir;
    MovableClock clock;
    Clock machineClock;
    RunningService running;

    /** A clock the test moves; read in any zone, it gives the same instant. */
    static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void start() {
        clock = new MovableClock(Instant.parse("2026-12-10T03:00:00Z")); // 10:00 on 10/12/2026 in Vietnam
        machineClock = VietnamTime.use(clock);
        running = start(dir.resolve("thidua.db"));
    }

    @AfterEach
    void stop() {
        running.close();
        VietnamTime.use(machineClock);
    }

    static RunningService start(Path db) {
        return RunningService.start(db, withTokens());
    }

    /** The officer (read, evaluate), the appraiser (read, appraise), and one token per unit ({@code unit:ID}). */
    static EvaluationService.Settings withTokens() {
        StringBuilder lines = new StringBuilder(line("phong-noi-vu", OFFICER, "read,evaluate"))
                .append('\n').append(line("hoi-dong-tham-dinh", APPRAISER, "read,appraise"));
        for (String unit : UNITS) {
            lines.append('\n').append(line(unit, token(unit), "unit:" + unit));
        }
        return new EvaluationService.Settings("127.0.0.1", 0, EvaluationService.DEFAULT_MAX_BODY, AccessTokens.parse(lines.toString(), "test"));
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

    Api as(String token) {
        return running.api.as(token);
    }

    String open() {
        Api.Answer opened = as(OFFICER).post("/api/v1/campaigns/" + Requests.CAMPAIGN + "/rounds",
                "{\"period\": \"Năm 2026\", \"deadline\": \"2026-12-15\", \"units\": " + Json.write(UNITS) + "}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("id").asText();
    }

    @Test
    void a_whole_round_from_opening_to_final_results_reads_back_the_same_after_a_restart() {
        String round = open();
        String base = "/api/v1/rounds/" + round;
        JsonNode opened = as(OFFICER).get(base).json();
        assertThat(opened.get("status").asText()).isEqualTo("open");
        assertThat(opened.get("deadlineVietnam").asText()).isEqualTo("15/12/2026 23:59:59");
        assertThat(opened.get("deadline").asText()).isEqualTo("2026-12-15T16:59:59.999Z");
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
        clock.now = Instant.parse("2026-12-15T16:30:00Z"); // 23:30 on the last day, Vietnam time: still in time
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
        JsonNode own = huongNgai.get(base + "/units/xa-huong-ngai").json();
        assertThat(own.get("submissions")).hasSize(2);
        assertThat(as(token("xa-tien-xuan")).get(base + "/units/xa-tien-xuan").json().get("selfAssessment").get("score").asDouble())
                .isEqualTo(100.0);

        // The fifth unit is late: refused, nothing kept but the refusal in the audit trail.
        clock.now = Instant.parse("2026-12-15T17:00:00Z"); // 00:00 on 16/12/2026 in Vietnam
        Api.Answer late = as(token("xa-thach-hoa")).post(base + "/units/xa-thach-hoa/submissions", submission("xa-thach-hoa", 5));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).contains("15/12/2026 23:59:59");

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

        // The officer closes: final results.
        Api officer = as(OFFICER);
        assertThat(officer.get(base + "/commendations").status()).isEqualTo(409); // not final yet
        Api.Answer closed = officer.post(base + "/close", "{\"reason\": \"Hội đồng thi đua họp ngày 16/12/2026\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asText()).isEqualTo("closed");
        assertThat(closed.json().get("ruleSetVersions").asText()).isEqualTo(RunningService.BUNDLED.ruleSet(Requests.CAMPAIGN).version());
        assertThat(officer.post(base + "/units/xa-ha-bang/submissions", submission("xa-ha-bang", 5)).status()).isEqualTo(409);
        assertThat(appraiser.post(base + "/units/xa-ha-bang/corrections",
                "{\"figure\": \"portalPage\", \"value\": true, \"reason\": \"x\"}").status()).isEqualTo(409);
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
                .contains("xa-thach-hoa,,,,,,0,chưa nộp báo cáo");
        assertThat(officer.download(base + "/results", CommendationListXlsx.TYPE).bytes()).startsWith('P', 'K');
        JsonNode commendations = officer.get(base + "/commendations").json();
        assertThat(commendations.get("units").asInt()).isEqualTo(4);
        String audit = officer.download(base + "/audit?format=csv", null).text();
        assertThat(audit).contains("Từ chối nộp").contains("xa-thach-hoa").contains("16/12/2026 00:00:00")
                .contains("Hội đồng thi đua họp ngày 16/12/2026");
        JsonNode trail = officer.get(base + "/audit").json().get("entries");
        assertThat(trail).extracting(e -> e.get("action").asText()).containsExactly("opened", "submitted", "submitted", "submitted",
                "submitted", "submitted", "refused", "corrected", "corrected", "evidence_rejected", "closed");
        assertThat(officer.get(base + "/audit?unit=xa-huong-ngai").json().get("entries")).hasSize(3);

        // The round in the report page (its final results, self beside appraised, with reasons) and the staff page.
        String report = officer.get("/reports/" + Requests.CAMPAIGN + "?round=" + round).body();
        assertThat(report).contains("Kết quả chính thức", "UBND xã Tiến Xuân",
                "portalPage: true → false (Trang cổng thông tin chưa hoạt động khi kiểm tra)", "xa-thach-hoa</td><td colspan=\"3\">chưa nộp");
        assertThat(officer.download("/reports/" + Requests.CAMPAIGN + ".csv?round=" + round, null).text())
                .contains("xa-tien-xuan").doesNotContain("xa-thach-hoa");
        String staff = officer.get("/campaigns/" + Requests.CAMPAIGN).body();
        assertThat(staff).contains("<section id=\"rounds\">", "Năm 2026", round, "đã đóng lúc 16/12/2026 00:00:00", "xa-thach-hoa");
        assertThat(officer.get("/reports/" + Requests.CAMPAIGN + "?round=khong-co").status()).isEqualTo(404);

        // Restart: everything reads back the same.
        JsonNode overview = officer.get(base).json();
        JsonNode unit = officer.get(base + "/units/xa-huong-ngai").json();
        running.close();
        running = start(dir.resolve("thidua.db"));
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
    }

    @Test
    void opening_refuses_a_past_deadline_a_unknown_campaign_a_unit_token_and_a_second_round_of_the_period() {
        Api officer = as(OFFICER);
        String rounds = "/api/v1/campaigns/" + Requests.CAMPAIGN + "/rounds";
        assertThat(officer.post(rounds, "{\"period\": \"Năm 2026\", \"deadline\": \"2026-12-01\"}").status()).isEqualTo(422);
        assertThat(officer.post(rounds, "{\"period\": \"Năm 2026\", \"deadline\": \"mai\"}").status()).isEqualTo(422);
        assertThat(officer.post(rounds, "{\"period\": \"\", \"deadline\": \"2026-12-15\"}").status()).isEqualTo(422);
        assertThat(officer.post("/api/v1/campaigns/khong-co/rounds", "{\"period\": \"Năm 2026\", \"deadline\": \"2026-12-15\"}")
                .status()).isEqualTo(404);
        assertThat(as(token("xa-ha-bang")).post(rounds, "{\"period\": \"Năm 2026\", \"deadline\": \"2026-12-15\"}").status())
                .isEqualTo(403);
        String round = open();
        assertThat(officer.post(rounds, "{\"period\": \"Năm 2026\", \"deadline\": \"2026-12-20T17:00:00+07:00\"}").status())
                .isEqualTo(409);
        assertThat(officer.get(rounds).json().get("rounds")).extracting(r -> r.get("id").asText()).containsExactly(round);

        // A submission with a wrong unit, bad evidence or figures the campaign refuses stores nothing.
        Api unit = as(token("xa-ha-bang"));
        String submissions = "/api/v1/rounds/" + round + "/units/xa-ha-bang/submissions";
        assertThat(unit.post(submissions, submission("xa-ha-bang", 3).replace("\"id\": \"xa-ha-bang\"", "\"id\": \"xa-khac\""))
                .status()).isEqualTo(422);
        Api.Answer badEvidence = unit.post(submissions, submission("xa-ha-bang", 3).replace("20/11/2026", "hôm qua")
                .replace("SATISFACTION", "KHONG_CO"));
        assertThat(badEvidence.status()).isEqualTo(422);
        assertThat(badEvidence.json().get("problems")).extracting(p -> p.get("path").asText())
                .containsExactly("evidence[0].criterion", "evidence[0].issuedOn");
        assertThat(unit.post(submissions, submission("xa-ha-bang", 3).replace("\"satisfied\": 191", "\"satisfied\": 999")).status())
                .isEqualTo(422);
        assertThat(unit.post(submissions, "{\"report\": ").status()).isEqualTo(400);

        // Or the unit's row of the unit sheet; a sheet with another unit's row is refused.
        String header = "Mã đơn vị,Tên đơn vị,Loại đơn vị,Số phiếu khảo sát,Số phiếu hài lòng\n";
        Api.Answer row = unit.post(submissions, utf8(header + "xa-ha-bang,UBND xã Hạ Bằng,Xã,10,10\n"), "text/csv");
        assertThat(row.status()).as(row.body()).isEqualTo(201);
        assertThat(row.json().get("selfAssessment").get("report").get("satisfaction").get("satisfied").asInt()).isEqualTo(10);
        assertThat(unit.post(submissions, utf8(header + "xa-ha-bang,UBND xã Hạ Bằng,Xã,10,10\nxa-tien-xuan,UBND xã Tiến Xuân,Xã,10,9\n"),
                "text/csv").status()).isEqualTo(422);
        assertThat(as(token("xa-tien-xuan")).post(submissions, utf8(header + "xa-ha-bang,UBND xã Hạ Bằng,Xã,10,10\n"), "text/csv")
                .status()).isEqualTo(403);
        assertThat(as(OFFICER).get("/api/v1/rounds/" + round + "/audit?unit=xa-ha-bang").json().get("entries"))
                .extracting(e -> e.get("action").asText()).containsExactly("submitted"); // the sheet row only
        assertThat(as(OFFICER).get("/api/v1/rounds/nope").status()).isEqualTo(404);
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
        officer.post(base + "/close", "");
        officer.post(base + "/reopen", "{\"reason\": \"Xem lại\"}");
        officer.post(base + "/close", "{\"reason\": \"Chốt\"}");
        officer.get(base + "/results");
        officer.download(base + "/results?format=csv", null);
        officer.download(base + "/results?format=xlsx", null);
        officer.get(base + "/commendations");
        officer.get(base + "/audit");
        officer.download(base + "/audit?format=xlsx", null);
    }

    /** The XLSX media type, as the exports answer it. */
    static final class CommendationListXlsx {
        static final String TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
