package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.http.EvaluationApi;
import org.thidua.service.store.SqliteEvaluationStore;
import org.thidua.service.store.StoredRequest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code thidua preview}: a candidate rules directory (or campaign folder) against the bundled rules, on the example
 * district stored in a real SQLite file. Exit codes 0, 2 (bad arguments) and 3 (a candidate that does not compile).
 */
class PreviewCommandTest {
    @TempDir
    Path dir;
    Path db;
    Path candidates;
    Path campaignFolder;
    JsonNode seeded;

    @BeforeEach
    void store_the_district_and_copy_the_bundled_rules() throws IOException {
        db = dir.resolve("thidua.db");
        try (SqliteEvaluationStore store = SqliteEvaluationStore.open(db)) {
            StoredRequest stored = EvaluationApi.evaluateAndStore(RunningService.BUNDLED, store,
                    District.json().getBytes(StandardCharsets.UTF_8), "test");
            seeded = Json.MAPPER.valueToTree(stored.evaluations().stream().map(e -> Json.read(e.resultJson())).toList());
        }
        candidates = dir.resolve("campaigns");
        Path source = RunningService.BUNDLED.source();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = candidates.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        campaignFolder = candidates.resolve(Requests.CAMPAIGN);
    }

    private void lowerTheTarget() throws IOException {
        Path sheet = campaignFolder.resolve(District.CRITERIA_SHEET);
        Files.writeString(sheet, District.lowerSatisfactionTarget(Files.readString(sheet)));
    }

    @Test
    void a_rules_directory_candidate_lists_exactly_the_units_that_change_as_json() throws Exception {
        lowerTheTarget();
        Set<String> band = District.between90And95();
        Map<String, District.Points> before = District.points(seeded);
        Map<String, District.Points> after = District.afterLoweringTarget(before, band, BigDecimal.valueOf(20));

        CommandLineRun run = CommandLineRun.of("preview", "--rules", candidates.toString(), "--db", db.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode impact = Json.MAPPER.readTree(run.out());
        Set<String> listed = new HashSet<>();
        impact.get("changes").forEach(c -> listed.add(c.get("unitId").asText()));
        assertThat(listed).isEqualTo(District.expectedChanges(band, District.ranks(before), District.ranks(after)));
        assertThat(impact.get("unitsCompared").asInt()).isEqualTo(seeded.size());
    }

    @Test
    void a_single_campaign_folder_candidate_prints_a_vietnamese_table_old_beside_new() throws Exception {
        lowerTheTarget();

        CommandLineRun run = CommandLineRun.of("preview", "--rules", campaignFolder.toString(), "--db", db.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Xem trước tác động của bản sửa bộ luật", "Đơn vị", "Xếp loại", "Hạng",
                "Phòng Tài nguyên và Môi trường", "SATISFACTION ✗ 0 → ✓ 20", " → ");
        assertThat(run.out()).containsPattern("So sánh " + seeded.size() + " đơn vị: " + District.expectedChanges(District.between90And95(),
                District.ranks(District.points(seeded)),
                District.ranks(District.afterLoweringTarget(District.points(seeded), District.between90And95(), BigDecimal.valueOf(20)))).size()
                + " đơn vị thay đổi");
    }

    @Test
    void an_identical_candidate_changes_nothing() {
        CommandLineRun run = CommandLineRun.of("preview", "--rules", candidates.toString(), "--db", db.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Không đơn vị nào thay đổi (no unit changes)", "giống hệt");
    }

    @Test
    void a_candidate_that_does_not_compile_exits_3_with_file_line_and_column() throws Exception {
        Path drl = campaignFolder.resolve(District.CRITERIA_SHEET);
        Files.writeString(drl, Files.readString(drl).replace("satisfaction,ngưỡng,", "satisfaction,ngưong,"));

        CommandLineRun run = CommandLineRun.of("preview", "--rules", candidates.toString(), "--db", db.toString());
        CommandLineRun single = CommandLineRun.of("preview", "--rules", campaignFolder.toString(), "--db", db.toString());

        assertThat(run.exitCode()).isEqualTo(Main.BAD_RULES);
        assertThat(run.err()).containsPattern(java.util.regex.Pattern.quote(drl.toString()) + ":\\d+:\\d+: ");
        assertThat(single.exitCode()).isEqualTo(Main.BAD_RULES);
        assertThat(single.err()).containsPattern(java.util.regex.Pattern.quote(drl.toString()) + ":\\d+:\\d+: ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void bad_arguments_exit_2() {
        assertThat(CommandLineRun.of("preview", "--db", db.toString()).exitCode()).as("no --rules").isEqualTo(Main.BAD_INPUT);
        assertThat(CommandLineRun.of("preview", "--rules", dir.resolve("missing").toString(), "--db", db.toString()).exitCode())
                .as("no such folder").isEqualTo(Main.BAD_INPUT);
        assertThat(CommandLineRun.of("preview", "--rules", candidates.toString(), "--db", dir.resolve("none.db").toString()).exitCode())
                .as("no such database").isEqualTo(Main.BAD_INPUT);
        assertThat(dir.resolve("none.db")).doesNotExist();
        assertThat(CommandLineRun.of("preview", "--rules", candidates.toString(), "--db", db.toString(), "--campaign", "khong-co").exitCode())
                .as("no such campaign").isEqualTo(Main.BAD_INPUT);
        assertThat(CommandLineRun.of("preview", "--rules", candidates.toString(), "--db", db.toString(), "--format", "pdf").exitCode())
                .as("unknown format").isEqualTo(Main.BAD_INPUT);
    }
}
