package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a round refuses, against the service in this JVM on a free port with its real SQLite file (the whole round
 * runs against a real process in {@link AssessmentRoundEndToEndTest}): openings, submissions and deadline changes
 * that are wrong, each with its status and the place of the fault, and nothing stored for them.
 */
class RoundRefusalsTest {
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
    void opening_refuses_a_past_deadline_a_unknown_campaign_a_unit_token_and_a_second_round_of_the_period() {
        Api officer = as(AssessmentRoundEndToEndTest.OFFICER);
        String rounds = "/api/v1/campaigns/" + Requests.CAMPAIGN + "/rounds";
        assertThat(officer.post(rounds, "{\"period\": \"Năm 2026\", \"deadline\": \"2020-12-01\"}").status()).isEqualTo(422);
        assertThat(officer.post(rounds, "{\"period\": \"Năm 2026\", \"deadline\": \"mai\"}").status()).isEqualTo(422);
        assertThat(officer.post(rounds, "{\"period\": \"\", \"deadline\": \"2099-12-15\"}").status()).isEqualTo(422);
        assertThat(officer.post("/api/v1/campaigns/khong-co/rounds", "{\"period\": \"Năm 2026\", \"deadline\": \"2099-12-15\"}")
                .status()).isEqualTo(404);
        assertThat(as(AssessmentRoundEndToEndTest.token("xa-ha-bang")).post(rounds, "{\"period\": \"Năm 2026\", \"deadline\": \"2099-12-15\"}").status())
                .isEqualTo(403);
        String round = AssessmentRoundEndToEndTest.open(running.api, "2099-12-15");
        assertThat(officer.post(rounds, "{\"period\": \"Năm 2026\", \"deadline\": \"2099-12-20T17:00:00+07:00\"}").status())
                .isEqualTo(409);
        assertThat(officer.get(rounds).json().get("rounds")).extracting(r -> r.get("id").asText()).containsExactly(round);

        // A submission with a wrong unit, bad evidence or figures the campaign refuses stores nothing.
        Api unit = as(AssessmentRoundEndToEndTest.token("xa-ha-bang"));
        String submissions = "/api/v1/rounds/" + round + "/units/xa-ha-bang/submissions";
        assertThat(unit.post(submissions, AssessmentRoundEndToEndTest.submission("xa-ha-bang", 3).replace("\"id\": \"xa-ha-bang\"", "\"id\": \"xa-khac\""))
                .status()).isEqualTo(422);
        Api.Answer badEvidence = unit.post(submissions, AssessmentRoundEndToEndTest.submission("xa-ha-bang", 3).replace("20/11/2026", "hôm qua")
                .replace("SATISFACTION", "KHONG_CO"));
        assertThat(badEvidence.status()).isEqualTo(422);
        assertThat(badEvidence.json().get("problems")).extracting(p -> p.get("path").asText())
                .containsExactly("evidence[0].criterion", "evidence[0].issuedOn");
        assertThat(unit.post(submissions, AssessmentRoundEndToEndTest.submission("xa-ha-bang", 3).replace("\"satisfied\": 191", "\"satisfied\": 999")).status())
                .isEqualTo(422);
        assertThat(unit.post(submissions, "{\"report\": ").status()).isEqualTo(400);

        // Or the unit's row of the unit sheet; a sheet with another unit's row is refused.
        String header = "Mã đơn vị,Tên đơn vị,Loại đơn vị,Số phiếu khảo sát,Số phiếu hài lòng\n";
        Api.Answer row = unit.post(submissions, utf8(header + "xa-ha-bang,UBND xã Hạ Bằng,Xã,10,10\n"), "text/csv");
        assertThat(row.status()).as(row.body()).isEqualTo(201);
        assertThat(row.json().get("selfAssessment").get("report").get("satisfaction").get("satisfied").asInt()).isEqualTo(10);
        assertThat(unit.post(submissions, utf8(header + "xa-ha-bang,UBND xã Hạ Bằng,Xã,10,10\nxa-tien-xuan,UBND xã Tiến Xuân,Xã,10,9\n"),
                "text/csv").status()).isEqualTo(422);
        assertThat(as(AssessmentRoundEndToEndTest.token("xa-tien-xuan")).post(submissions, utf8(header + "xa-ha-bang,UBND xã Hạ Bằng,Xã,10,10\n"), "text/csv")
                .status()).isEqualTo(403);
        assertThat(as(AssessmentRoundEndToEndTest.OFFICER).get("/api/v1/rounds/" + round + "/audit?unit=xa-ha-bang").json().get("entries"))
                .extracting(e -> e.get("action").asText()).containsExactly("submitted"); // the sheet row only
        assertThat(as(AssessmentRoundEndToEndTest.OFFICER).get("/api/v1/rounds/nope").status()).isEqualTo(404);
    }

    @Test
    void moving_the_deadline_needs_a_reason_a_date_an_officer_and_an_open_round_and_is_in_the_audit_trail() {
        Api officer = as(AssessmentRoundEndToEndTest.OFFICER);
        String round = AssessmentRoundEndToEndTest.open(running.api, "2099-12-15");
        String deadline = "/api/v1/rounds/" + round + "/deadline";
        Api.Answer noReason = officer.post(deadline, "{\"deadline\": \"2099-12-31\", \"reason\": \" \"}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("problems")).extracting(p -> p.get("path").asText()).containsExactly("reason");
        Api.Answer noDate = officer.post(deadline, "{\"deadline\": \"cuối tháng\", \"reason\": \"Gia hạn\"}");
        assertThat(noDate.status()).isEqualTo(422);
        assertThat(noDate.json().get("problems")).extracting(p -> p.get("path").asText()).containsExactly("deadline");
        assertThat(as(AssessmentRoundEndToEndTest.token("xa-ha-bang")).post(deadline, "{\"deadline\": \"2099-12-31\","
                + " \"reason\": \"Gia hạn\"}").status()).isEqualTo(403);
        assertThat(as(AssessmentRoundEndToEndTest.APPRAISER).post(deadline, "{\"deadline\": \"2099-12-31\","
                + " \"reason\": \"Gia hạn\"}").status()).isEqualTo(403);
        assertThat(officer.post("/api/v1/rounds/khong-co/deadline", "{\"deadline\": \"2099-12-31\", \"reason\": \"Gia hạn\"}")
                .status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/rounds/" + round).json().get("deadlineVietnam").asText()).isEqualTo("15/12/2099 23:59:59");

        Api.Answer extended = officer.post(deadline, "{\"deadline\": \"2099-12-31T17:00:00+07:00\", \"reason\": \"Gia hạn theo"
                + " đề nghị của các xã\"}");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json().get("deadlineVietnam").asText()).isEqualTo("31/12/2099 17:00:00");
        assertThat(officer.get("/api/v1/rounds/" + round).json().get("deadline").asText()).isEqualTo("2099-12-31T10:00:00.000Z");
        JsonNode entry = officer.get("/api/v1/rounds/" + round + "/audit").json().get("entries").get(1);
        assertThat(entry.get("action").asText()).isEqualTo("deadline_changed");
        assertThat(entry.get("detail").asText()).isEqualTo("Đổi hạn nộp từ 15/12/2099 23:59:59 thành 31/12/2099 17:00:00");
        assertThat(entry.get("reason").asText()).isEqualTo("Gia hạn theo đề nghị của các xã");
        assertThat(entry.get("actor").asText()).isEqualTo("phong-noi-vu");

        assertThat(officer.post("/api/v1/rounds/" + round + "/close", "").status()).isEqualTo(200);
        Api.Answer closed = officer.post(deadline, "{\"deadline\": \"2099-12-20\", \"reason\": \"Gia hạn\"}");
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("detail").asText()).contains("mở lại kỳ trước khi đổi hạn nộp");
        assertThat(officer.get("/api/v1/rounds/" + round).json().get("deadlineVietnam").asText()).isEqualTo("31/12/2099 17:00:00");
        assertThat(officer.get("/api/v1/rounds/" + round + "/audit").json().get("entries")).hasSize(3); // opened, moved, closed
    }

    static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
