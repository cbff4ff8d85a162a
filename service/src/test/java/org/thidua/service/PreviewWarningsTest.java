package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.RuleLibrary;
import org.thidua.service.http.EvaluationApi;
import org.thidua.service.store.SqliteEvaluationStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A preview says in words what the stored reports cannot give a candidate: a new criterion they leave without data
 * ("33 đơn vị sẽ mất 20 điểm vì thiếu số liệu"), and indicators they carry that the candidate no longer declares (set
 * aside with a note, the preview still made). The example district (33 units) is stored in a real SQLite file under a
 * campaign of the test's own, compiled by Drools, through the command and the endpoint alike.
 */
class PreviewWarningsTest {
    private static final String ID = "thu-xem-truoc";
    private static final String YAML = """
            id: thu-xem-truoc
            title: Thử xem trước tác động
            unitKinds: [AGENCY, COMMUNE, WARD, TOWN]
            indicators:
              - {id: digitizedShare, title: Tỷ lệ hồ sơ được số hóa, min: 0, max: 1}
            criteria:
              - {id: SATISFACTION, title: Mức độ hài lòng, points: 20}
              - {id: DIGITIZED, title: Hồ sơ được số hóa, points: 20}
            grades:
              - {code: DAT, label: Đạt, minScore: 50}
              - {code: CHUA_DAT, label: Chưa đạt, minScore: 0}
            """;
    private static final String SATISFACTION_DRL = """
            package thu;
            import org.thidua.core.UnitReport;
            global org.thidua.core.Judge judge;
            rule "SATISFACTION"
            when
                $r : UnitReport( satisfaction != null )
            then
                judge.share($r, $r.satisfaction().satisfied(), $r.satisfaction().surveyed()).atLeast(0.95).noDataWhenEmpty();
            end
            """;
    private static final String INDICATOR_DRL = """
            package thu;
            import org.thidua.core.UnitReport;
            global org.thidua.core.Judge judge;
            rule "%s"
            when
                $r : UnitReport()
            then
                judge.value($r, $r.indicator("%s")).atLeast(0.8);
            end
            """;

    @TempDir
    Path dir;
    Path db;
    Path live;

    private static Map<String, String> liveFiles() {
        Map<String, String> files = new HashMap<>();
        files.put("campaign.yaml", YAML);
        files.put("criteria/satisfaction.drl", SATISFACTION_DRL);
        files.put("criteria/digitized.drl", INDICATOR_DRL.formatted("DIGITIZED", "digitizedShare"));
        return files;
    }

    private static Path write(Path rules, Map<String, String> files) throws IOException {
        Path folder = rules.resolve(ID);
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getValue() != null) {
                Files.createDirectories(folder.resolve(file.getKey()).getParent());
                Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        }
        return rules;
    }

    /** A new criterion ONLINE_SERVICES, 20 points, on an indicator no stored report carries. */
    private static Map<String, String> newCriterion() {
        Map<String, String> files = liveFiles();
        files.put("campaign.yaml", YAML
                .replace("min: 0, max: 1}\n", "min: 0, max: 1}\n  - {id: onlineShare, title: Tỷ lệ dịch vụ công trực tuyến, min: 0, max: 1}\n")
                .replace("points: 20}\ngrades:", "points: 20}\n  - {id: ONLINE_SERVICES, title: Dịch vụ công trực tuyến, points: 20}\ngrades:"));
        files.put("criteria/online.drl", INDICATOR_DRL.formatted("ONLINE_SERVICES", "onlineShare"));
        return files;
    }

    /** The candidate drops the indicator digitizedShare and its criterion. */
    private static Map<String, String> indicatorDropped() {
        Map<String, String> files = liveFiles();
        files.put("campaign.yaml", YAML.replace("  - {id: digitizedShare, title: Tỷ lệ hồ sơ được số hóa, min: 0, max: 1}\n", "")
                .replace("indicators:\n", "").replace("  - {id: DIGITIZED, title: Hồ sơ được số hóa, points: 20}\n", ""));
        files.put("criteria/digitized.drl", null);
        return files;
    }

    /** Reports of the example that carry indicators.digitizedShare, counted from the file. */
    private static int carryingDigitizedShare() {
        int n = 0;
        for (JsonNode report : Json.read(District.json()).get("reports")) {
            if (report.has("indicators") && report.get("indicators").has("digitizedShare")) {
                n++;
            }
        }
        return n;
    }

    @BeforeEach
    void store_the_district_under_the_live_campaign() throws IOException {
        live = write(dir.resolve("live"), liveFiles());
        db = dir.resolve("thidua.db");
        String request = District.json().replace("\"campaign\": \"thach-that-cchc-2021\"", "\"campaign\": \"" + ID + "\"");
        assertThat(request).contains("\"campaign\": \"" + ID + "\"");
        try (SqliteEvaluationStore store = SqliteEvaluationStore.open(db)) {
            EvaluationApi.evaluateAndStore(RuleLibrary.load(live), store, request.getBytes(StandardCharsets.UTF_8), "test");
        }
    }

    @Test
    void a_new_criterion_the_stored_reports_cannot_fill_is_said_in_units_and_points() throws IOException {
        Path candidate = write(dir.resolve("candidate"), newCriterion());

        CommandLineRun table = CommandLineRun.of("preview", "--rules", candidate.resolve(ID).toString(), "--live-rules", live.toString(),
                "--db", db.toString());
        CommandLineRun json = CommandLineRun.of("preview", "--rules", candidate.resolve(ID).toString(), "--live-rules", live.toString(),
                "--db", db.toString(), "--format", "json");

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Cảnh báo (warning): Tiêu chí mới ONLINE_SERVICES: 33 đơn vị sẽ mất 20 điểm vì thiếu số liệu");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode warning = Json.read(json.out()).get("warnings").get(0);
        assertThat(warning.get("criterion").asText()).isEqualTo("ONLINE_SERVICES");
        assertThat(warning.get("units").asInt()).isEqualTo(33);
        assertThat(warning.get("points").asDouble()).isEqualTo(20.0);
        assertThat(Json.read(json.out()).get("notes")).isEmpty();
    }

    @Test
    void stored_indicators_the_candidate_no_longer_declares_are_ignored_with_a_note_naming_them() throws IOException {
        Path candidate = write(dir.resolve("candidate"), indicatorDropped());

        CommandLineRun run = CommandLineRun.of("preview", "--rules", candidate.resolve(ID).toString(), "--live-rules", live.toString(),
                "--db", db.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode impact = Json.read(run.out());
        assertThat(impact.get("unitsCompared").asInt()).isEqualTo(33);
        assertThat(impact.get("notes")).singleElement().extracting(JsonNode::asText).asString()
                .startsWith("Bỏ qua chỉ số digitizedShare trong " + carryingDigitizedShare() + " báo cáo đã lưu: bản sửa không còn khai báo");
        assertThat(impact.get("warnings")).isEmpty();
        assertThat(impact.get("changes").get(0).get("findings").toString()).contains("DIGITIZED");
    }

    @Test
    void the_endpoint_says_the_same() throws IOException {
        RuleLibrary library = RuleLibrary.load(live);
        try (RunningService running = RunningService.start(library, db, ImpactPreviewEndpointTest.withTokens(), store -> store)) {
            for (Map<String, String> candidate : java.util.List.of(newCriterion(), indicatorDropped())) {
                ObjectNode body = Json.MAPPER.createObjectNode();
                ObjectNode files = body.putObject("files");
                candidate.forEach(files::put);

                Api.Answer answer = running.api.as(ImpactPreviewEndpointTest.STAFF).post("/api/v1/campaigns/" + ID + "/preview", body.toString());

                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(answer.body()).containsAnyOf("33 đơn vị sẽ mất 20 điểm vì thiếu số liệu", "Bỏ qua chỉ số digitizedShare");
            }
        }
    }
}
