package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.report.VietnamTime;

/**
 * {@code thidua round …} over a service's database: the officer opens a round from the command line, units submit
 * through the service, and the officer lists, shows, closes, reopens and exports it without the service; every act
 * is in the same audit trail.
 */
class RoundCommandTest {
    @TempDir
    Path dir;
    Clock machineClock;

    @BeforeEach
    void pinClock() {
        machineClock = VietnamTime.use(Clock.fixed(Instant.parse("2026-12-10T03:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void restoreClock() {
        VietnamTime.use(machineClock);
    }

    @Test
    void an_officer_runs_a_round_from_the_command_line_over_the_services_database() throws Exception {
        Path db = dir.resolve("thidua.db");
        CommandLineRun opened = CommandLineRun.of("round", "open", "--db", db.toString(), "--campaign", Requests.CAMPAIGN,
                "--period", "Năm 2026", "--deadline", "2026-12-15", "--units", "xa-huong-ngai,xa-ha-bang", "--by", "phong-noi-vu");
        assertThat(opened.exitCode()).as(opened.err()).isZero();
        assertThat(opened.out()).contains("Năm 2026", "đang mở", "15/12/2026 23:59:59");
        String round = opened.out().split(" ")[1];

        try (RunningService running = RunningService.start(db, AssessmentRoundEndToEndTest.withTokens())) {
            String unit = "xa-huong-ngai";
            assertThat(running.api.as(AssessmentRoundEndToEndTest.token(unit)).post("/api/v1/rounds/" + round + "/units/" + unit
                    + "/submissions", AssessmentRoundEndToEndTest.submission(unit, 4)).status()).isEqualTo(201);
            assertThat(running.api.as(AssessmentRoundEndToEndTest.APPRAISER).post("/api/v1/rounds/" + round + "/units/" + unit
                    + "/corrections", "{\"figure\": \"portalPage\", \"value\": true, \"reason\": \"Cổng đã hoạt động\"}").status())
                    .isEqualTo(201);
        }

        CommandLineRun listed = CommandLineRun.of("round", "list", "--db", db.toString(), "--campaign", Requests.CAMPAIGN);
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains(round, "Năm 2026", "đang mở");

        assertThat(CommandLineRun.of("round", "deadline", round, "--db", db.toString(), "--deadline", "2026-12-20").exitCode())
                .isEqualTo(2); // no reason
        CommandLineRun moved = CommandLineRun.of("round", "deadline", round, "--db", db.toString(), "--deadline", "2026-12-20",
                "--reason", "Gia hạn theo Công văn 45/UBND-NV", "--by", "phong-noi-vu");
        assertThat(moved.exitCode()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("đang mở", "hạn nộp 20/12/2026 23:59:59");

        CommandLineRun closed = CommandLineRun.of("round", "close", round, "--db", db.toString(), "--by", "phong-noi-vu",
                "--reason", "Hội đồng họp ngày 16/12/2026");
        assertThat(closed.exitCode()).as(closed.err()).isZero();
        assertThat(closed.out()).contains("đã đóng");
        assertThat(CommandLineRun.of("round", "close", round, "--db", db.toString()).exitCode()).isEqualTo(2); // closed already
        CommandLineRun late = CommandLineRun.of("round", "deadline", round, "--db", db.toString(), "--deadline", "2026-12-31",
                "--reason", "Gia hạn");
        assertThat(late.exitCode()).isEqualTo(2); // a closed round keeps its deadline
        assertThat(late.err()).contains("mở lại kỳ trước khi đổi hạn nộp");

        CommandLineRun shown = CommandLineRun.of("round", "show", round, "--db", db.toString());
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("Kết quả chính thức", "xa-huong-ngai", "80", "100", "portalPage false → true – Cổng đã hoạt động",
                "Chưa nộp (not submitted): xa-ha-bang");

        assertThat(CommandLineRun.of("round", "reopen", round, "--db", db.toString()).exitCode()).isEqualTo(2); // no reason
        assertThat(CommandLineRun.of("round", "reopen", round, "--db", db.toString(), "--reason", "Khiếu nại").exitCode()).isZero();

        Path audit = dir.resolve("nhat-ky.csv");
        CommandLineRun exported = CommandLineRun.of("round", "export", round, "--db", db.toString(), "--audit", "--out", audit.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(Files.readString(audit, StandardCharsets.UTF_8)).contains("Mở kỳ", "phong-noi-vu", "Nộp báo cáo", "Sửa số liệu",
                "Cổng đã hoạt động", "Đổi hạn nộp", "Gia hạn theo Công văn 45/UBND-NV", "Đóng kỳ", "Hội đồng họp ngày 16/12/2026", "Mở lại kỳ", "Khiếu nại", "10/12/2026 10:00:00");
        Path results = dir.resolve("ket-qua.xlsx");
        assertThat(CommandLineRun.of("round", "export", round, "--db", db.toString(), "--out", results.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(results)).startsWith('P', 'K');

        assertThat(CommandLineRun.of("round", "show", "khong-co", "--db", db.toString()).err()).contains("Không có kỳ đánh giá 'khong-co'");
        assertThat(CommandLineRun.of("round", "list", "--db", dir.resolve("khong-co.db").toString(), "--campaign", Requests.CAMPAIGN)
                .exitCode()).isEqualTo(2);
    }
}
