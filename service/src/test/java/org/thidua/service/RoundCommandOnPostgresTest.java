package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.rounds.Actor;
import org.thidua.service.rounds.AssessmentRounds;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.RoundStore;

/**
 * {@code thidua round …} over a PostgreSQL database, as over a SQLite file: the same {@code --db} (with its password
 * file) as {@code serve}, so an officer of a service on PostgreSQL runs the round from the command line too.
 */
class RoundCommandOnPostgresTest {
    @TempDir
    Path dir;

    TestPostgres.Database database;
    Path passwordFile;

    @BeforeEach
    void database() throws Exception {
        passwordFile = TestPostgres.passwordFile(dir);
        database = TestPostgres.freshDatabase();
    }

    @AfterEach
    void drop() {
        database.close();
    }

    CommandLineRun round(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "round";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--db";
        all[args.length + 2] = database.url();
        all[args.length + 3] = "--db-password-file";
        all[args.length + 4] = passwordFile.toString();
        return round(all, true);
    }

    static CommandLineRun round(String[] all, boolean succeeds) {
        CommandLineRun run = CommandLineRun.of(all);
        if (succeeds) {
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        return run;
    }

    @Test
    void an_officer_runs_a_round_from_the_command_line_over_a_postgresql_database() throws Exception {
        CommandLineRun opened = round("open", "--campaign", Requests.CAMPAIGN, "--period", "Năm 2026", "--deadline", "2099-12-15",
                "--units", "xa-huong-ngai,xa-ha-bang", "--by", "phong-noi-vu");
        assertThat(opened.out()).contains("Năm 2026", "đang mở", "15/12/2099 23:59:59");
        String id = opened.out().split(" ")[1];

        // a unit submits through the service's own use case on the same database
        try (EvaluationStore history = database.address().open(TestPostgres.PASSWORD);
             RoundStore rounds = database.address().openRounds(history)) {
            new AssessmentRounds(() -> RunningService.BUNDLED, history, rounds, Instant::now).submit(id, "xa-huong-ngai",
                    org.thidua.service.Json.MAPPER.readTree(AssessmentRoundEndToEndTest.submission("xa-huong-ngai", 4)),
                    Actor.staff("phong-noi-vu"));
        }

        assertThat(round("list", "--campaign", Requests.CAMPAIGN).out()).contains(id, "Năm 2026", "đang mở");
        assertThat(round("close", id, "--by", "phong-noi-vu", "--reason", "Hội đồng họp").out()).contains("đã đóng");
        assertThat(round("show", id).out()).contains("Kết quả chính thức", "xa-huong-ngai", "Chưa nộp (not submitted): xa-ha-bang");
        Path audit = dir.resolve("nhat-ky.csv");
        round("export", id, "--audit", "--out", audit.toString());
        assertThat(Files.readString(audit, StandardCharsets.UTF_8)).contains("Mở kỳ", "Nộp báo cáo", "Đóng kỳ", "Hội đồng họp");
    }

    @Test
    void a_wrong_password_is_refused_in_one_line() throws Exception {
        Files.writeString(passwordFile, "sai-mat-khau\n");
        CommandLineRun refused = round(new String[] {"round", "list", "--campaign", Requests.CAMPAIGN, "--db", database.url(),
                "--db-password-file", passwordFile.toString()}, false);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).doesNotContain("Exception", "\tat ");
    }
}
