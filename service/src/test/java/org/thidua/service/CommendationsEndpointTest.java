package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.Campaign;
import org.thidua.core.Commendation;
import org.thidua.core.Evaluation;
import org.thidua.core.EvaluationResult;
import org.thidua.service.cli.ServeCommand;
import org.thidua.service.http.AccessTokens;
import org.thidua.service.http.EvaluationApi;
import org.thidua.service.http.EvaluationService;
import org.thidua.service.report.CommendationExport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/campaigns/{id}/commendations} on the example district with officials, seeded as
 * {@code thidua serve --seed} seeds it: the list the library makes for the same file, in JSON, CSV and XLSX.
 */
class CommendationsEndpointTest {
    static final String PATH = "/api/v1/campaigns/" + Requests.CAMPAIGN + "/commendations";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @TempDir
    Path dir;
    RunningService running;
    Api api;

    /** What the library computes for the example file, without the service. */
    static EvaluationResult expectedResult() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(EvalWithMembersTest.EXAMPLE))) {
            return RunningService.BUNDLED.read(in, null).evaluate();
        }
    }

    static Campaign campaign() {
        return RunningService.BUNDLED.ruleSet(Requests.CAMPAIGN).campaign();
    }

    @BeforeEach
    void startSeeded() {
        running = RunningService.start(RunningService.BUNDLED, dir.resolve("thidua.db"), EvaluationService.Settings.loopback(0),
                store -> {
                    try {
                        // what ServeCommand --seed does with an empty database
                        EvaluationApi.evaluateAndStore(RunningService.BUNDLED, store,
                                Files.readAllBytes(Path.of(EvalWithMembersTest.EXAMPLE)), "seed:thach-that-2021-members.json");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return store;
                });
        api = running.api;
    }

    @AfterEach
    void stop() {
        running.close();
    }

    /** The Commendation fields of each JSON item (without the stored evaluation's id and rules). */
    private static List<Commendation> commendationsOf(JsonNode list) throws Exception {
        List<Commendation> read = new ArrayList<>();
        for (JsonNode item : list.get("commendations")) {
            ObjectNode copy = item.deepCopy();
            copy.remove(List.of("evaluationId", "ruleSetVersion"));
            read.add(Json.MAPPER.treeToValue(copy, Commendation.class));
        }
        return read;
    }

    @Test
    void json_is_the_list_the_library_makes_for_the_same_file_each_line_naming_its_stored_evaluation() throws Exception {
        EvaluationResult expected = expectedResult();

        Api.Answer answer = api.get(PATH);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode list = answer.json();
        assertThat(list.get("campaign").asText()).isEqualTo(Requests.CAMPAIGN);
        assertThat(list.get("title").asText()).isEqualTo(campaign().title());
        assertThat(list.get("units").asInt()).isEqualTo(expected.evaluations().size());
        assertThat(list.get("unitsWithoutMembers").findValuesAsText("unitId"))
                .containsExactlyElementsOf(expected.evaluations().stream().filter(e -> e.members().isEmpty()).map(Evaluation::unitId).toList());
        assertThat(commendationsOf(list)).isNotEmpty().containsExactlyElementsOf(expected.commendations());

        Map<String, String> rankedIds = new java.util.HashMap<>();
        api.get("/api/v1/campaigns/" + Requests.CAMPAIGN + "/ranking").json().get("units")
                .forEach(u -> rankedIds.put(u.get("unitId").asText(), u.get("evaluationId").asText()));
        for (JsonNode item : list.get("commendations")) {
            assertThat(item.get("evaluationId").asText()).isEqualTo(rankedIds.get(item.get("unitId").asText()));
            assertThat(item.get("ruleSetVersion").asText()).isEqualTo(expected.ruleSetVersion());
        }
        JsonNode chienSi = list.get("commendations").get(6);
        assertThat(chienSi.get("label").asText()).isEqualTo("Chiến sĩ thi đua cơ sở");
        assertThat(chienSi.get("memberName").asText()).isEqualTo("Nguyễn Văn Hùng");
        assertThat(chienSi.get("unitName").asText()).isEqualTo("UBND xã Bình Yên");
        assertThat(chienSi.get("explanation").asText()).contains("hạn mức 15% × 8 Lao động tiên tiến = 1,2 → 1 người");

        assertThat(api.get(PATH + "?format=json").json()).isEqualTo(list);
        Api.Download accepted = api.download(PATH, "application/json");
        assertThat(accepted.json()).isEqualTo(list);
    }

    @Test
    void csv_by_format_or_accept_is_utf8_with_a_bom_parses_back_to_the_list_and_equals_what_the_command_line_writes() throws Exception {
        List<Commendation> expected = expectedResult().commendations();

        Api.Download csv = api.download(PATH + "?format=csv", null);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"de-nghi-khen-thuong-" + Requests.CAMPAIGN + ".csv\"");
        assertThat(csv.bytes()).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv.text().substring(1))).getRecords();
        assertThat(records.get(0).toList()).isEqualTo(CommendationExport.HEADER);
        assertThat(records).hasSize(1 + expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Commendation c = expected.get(i);
            assertThat(records.get(i + 1).toList()).as("row %d", i + 1).containsExactly(String.valueOf(i + 1), c.label(),
                    c.memberId() == null ? "Tập thể" : "Cá nhân", c.unitName(), c.memberName() == null ? "" : c.memberName(),
                    c.title(), c.unitId(), c.memberId() == null ? "" : c.memberId(), c.explanation());
        }

        assertThat(api.download(PATH, "text/csv").bytes()).isEqualTo(csv.bytes());
        assertThat(api.download(PATH, "text/html;q=0.9, text/csv;q=0.8").bytes()).isEqualTo(csv.bytes());
        CommandLineRun cli = CommandLineRun.of("commendations", "--input", EvalWithMembersTest.EXAMPLE, "--format", "csv");
        assertThat(csv.text()).isEqualTo(cli.out());
    }

    @Test
    void xlsx_by_format_or_accept_reads_back_with_fastexcel_to_the_list_vietnamese_intact() throws Exception {
        List<Commendation> expected = expectedResult().commendations();

        Api.Download xlsx = api.download(PATH + "?format=xlsx", null);

        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo(XLSX);
        assertThat(xlsx.header("Content-Disposition")).endsWith(".xlsx\"");
        assertThat(sheetRows(xlsx.bytes())).isEqualTo(expectedRows(expected));
        assertThat(sheetRows(api.download(PATH, XLSX).bytes())).isEqualTo(expectedRows(expected));
    }

    /** The header, then each commendation's cells, as {@link CommendationExport} writes them. */
    static List<List<String>> expectedRows(List<Commendation> expected) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(CommendationExport.HEADER);
        for (int i = 0; i < expected.size(); i++) {
            Commendation c = expected.get(i);
            rows.add(List.of(String.valueOf(i + 1), c.label(), c.memberId() == null ? "Tập thể" : "Cá nhân", c.unitName(),
                    c.memberName() == null ? "" : c.memberName(), c.title(), c.unitId(), c.memberId() == null ? "" : c.memberId(),
                    c.explanation()));
        }
        return rows;
    }

    /** Every row of the first sheet as text (the number column as a whole number), read with fastexcel-reader. */
    static List<List<String>> sheetRows(byte[] xlsx) throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("Đề nghị khen thưởng");
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < CommendationExport.HEADER.size(); c++) {
                    if (c == 0 && row.getRowNum() > 1) {
                        cells.add(row.getCellAsNumber(0).orElseThrow().toBigIntegerExact().toString());
                    } else {
                        cells.add(row.getCellText(c));
                    }
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    @Test
    void a_later_evaluation_of_a_unit_replaces_its_lines_as_it_replaces_its_place_in_the_ranking() throws Exception {
        // Hạ Bằng reports again, this time without its officials
        ObjectNode request = (ObjectNode) Json.MAPPER.readTree(Files.readString(Path.of(EvalWithMembersTest.EXAMPLE)));
        ObjectNode haBang = (ObjectNode) request.get("reports").get(3).deepCopy();
        assertThat(haBang.get("unit").get("id").asText()).isEqualTo("xa-ha-bang");
        haBang.remove("members");
        String again = "{\"campaign\": \"" + Requests.CAMPAIGN + "\", \"reports\": [" + haBang + "]}";
        Api.Answer posted = api.post("/api/v1/evaluations", again);
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);

        JsonNode list = api.get(PATH).json();

        // what the library proposes from the same evaluations: the seed's, Hạ Bằng's replaced by its later one
        List<Evaluation> latest = new ArrayList<>(expectedResult().evaluations());
        latest.removeIf(e -> e.unitId().equals("xa-ha-bang"));
        try (InputStream in = new ByteArrayInputStream(again.getBytes(StandardCharsets.UTF_8))) {
            latest.add(RunningService.BUNDLED.read(in, null).evaluate().evaluations().get(0));
        }
        List<Commendation> expected = Commendation.proposed(campaign(), latest);
        assertThat(commendationsOf(list)).containsExactlyElementsOf(expected);
        assertThat(expected).noneMatch(c -> c.unitId().equals("xa-ha-bang"));
        assertThat(expectedResult().commendations()).anyMatch(c -> c.unitId().equals("xa-ha-bang"));
        assertThat(list.get("unitsWithoutMembers").findValuesAsText("unitId")).containsExactly("phong-tu-phap", "xa-ha-bang");
        String haBangId = posted.json().get("evaluations").get(0).get("id").asText();
        assertThat(list.get("unitsWithoutMembers").get(1).get("evaluationId").asText()).isEqualTo(haBangId);
    }

    @Test
    void an_unknown_format_is_400_naming_the_parameter_and_an_unknown_campaign_404() {
        Api.Answer bad = api.get(PATH + "?format=pdf");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("problems").get(0).get("path").asText()).isEqualTo("query.format");
        assertThat(bad.json().get("problems").get(0).get("message").asText()).startsWith("phải là json, csv hoặc xlsx");
        assertThat(api.get("/api/v1/campaigns/khong-co/commendations").status()).isEqualTo(404);
    }

    @Test
    void reading_the_list_needs_the_read_role() {
        String evaluator = "evaluator-only-token";
        AccessTokens tokens = AccessTokens.parse("phong-noi-vu = " + HexFormat.of().formatHex(AccessTokens.sha256(evaluator))
                + " evaluate", "test");
        try (RunningService guarded = RunningService.start(dir.resolve("guarded.db"),
                new EvaluationService.Settings("127.0.0.1", 0, EvaluationService.DEFAULT_MAX_BODY, tokens))) {
            assertThat(guarded.api.get(PATH).status()).isEqualTo(401);
            assertThat(guarded.api.as(evaluator).get(PATH).status()).isEqualTo(403);
            assertThat(guarded.api.as(evaluator).download(PATH + "?format=xlsx", null).status()).isEqualTo(403);
        }
    }
}
