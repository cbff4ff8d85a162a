package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thidua.service.report.VietnamTime;

/**
 * "Ngày lập" (the date a report was made) is the date in Vietnam, whatever the machine's zone and hour: the command
 * line and the service, run at the same instant on machines set to UTC−11, UTC and UTC+14, write the same date.
 * (Before, {@code thidua report} used the JVM's zone, and the build failed every day from 17:00 UTC.)
 */
class ReportDateIsVietnamTimeInAnyZoneTest {
    private static final Path EXAMPLE = Path.of("../examples/data/thach-that-2021.json");
    private static final Pattern MADE_ON = Pattern.compile("Ngày lập: (\\d{2}/\\d{2}/\\d{4})");

    @TempDir
    Path dir;

    private final TimeZone machineZone = TimeZone.getDefault();
    private Clock machineClock;

    @AfterEach
    void restore() {
        TimeZone.setDefault(machineZone);
        if (machineClock != null) {
            VietnamTime.use(machineClock);
        }
    }

    @ParameterizedTest(name = "{0} on a machine set to {1}: {2}")
    @CsvSource({
            // 17:30 UTC is already the next day in Vietnam (UTC+7): the evening failure.
            "2026-11-30T17:30:00Z, Pacific/Pago_Pago, 01/12/2026",
            "2026-11-30T17:30:00Z, UTC,               01/12/2026",
            "2026-11-30T17:30:00Z, Pacific/Kiritimati, 01/12/2026",
            // 16:59 UTC is still the same day in Vietnam, but already the next day at UTC+14.
            "2026-11-30T16:59:00Z, Pacific/Kiritimati, 30/11/2026",
            "2026-11-30T16:59:00Z, Pacific/Pago_Pago, 30/11/2026",
            // New Year's Eve at UTC−11 is New Year's Day in Vietnam.
            "2026-12-31T20:00:00Z, Pacific/Pago_Pago, 01/01/2027",
    })
    void the_report_is_dated_in_vietnam_time_by_the_command_line_and_the_service(String instant, String zone, String vietnamDate)
            throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        machineClock = VietnamTime.use(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));

        Path html = dir.resolve("report.html");
        CommandLineRun run = CommandLineRun.of("report", "--input", EXAMPLE.toString(), "--out", html.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(madeOn(Files.readString(html, StandardCharsets.UTF_8))).isEqualTo(vietnamDate);

        try (RunningService running = RunningService.start(dir.resolve("thidua.db"))) {
            assertThat(running.api.post("/api/v1/evaluations", Files.readString(EXAMPLE, StandardCharsets.UTF_8)).status()).isEqualTo(200);
            assertThat(madeOn(running.api.get("/reports/" + Requests.CAMPAIGN).body())).isEqualTo(vietnamDate);
        }
    }

    private static String madeOn(String page) {
        Matcher m = MADE_ON.matcher(page);
        assertThat(m.find()).as("the page says when it was made").isTrue();
        return m.group(1);
    }
}
