package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.http.AccessTokens;
import org.thidua.service.http.EvaluationService;
import org.thidua.service.http.RequestBody;
import org.thidua.service.sheets.TestXlsx;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Record imports through the service on a real server and SQLite file: dossiers (CSV) and surveys (XLSX) counted,
 * stored per unit and period, then used by {@code POST /api/v1/campaigns/{id}/evaluations}; a file with a bad row
 * refused by row and column with nothing stored, as {@code thidua import} writes nothing.
 */
class ImportEndpointTest {
    private static final String DOSSIERS_HEADER = "Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã hồ sơ,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả\n";
    private static final String REEVALUATE = "/api/v1/campaigns/" + Requests.CAMPAIGN + "/evaluations";

    @TempDir
    static Path dir;
    private static RunningService running;
    private static Api api;

    @BeforeAll
    static void seed() {
        running = RunningService.start(dir.resolve("thidua.db"));
        api = running.api;
        // Both communes meet nothing: 150 of 200 satisfied, 5 dossiers late, …
        assertThat(api.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-binh-yen", "UBND xã Bình Yên", 0),
                Requests.commune("xa-chang-son", "UBND xã Chàng Sơn", 0))).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void imported_dossiers_and_surveys_are_stored_and_used_by_the_reevaluation() throws Exception {
        String dossiers = DOSSIERS_HEADER
                + "xa-binh-yen,,,HS-001,01/03/2021,10/03/2021,09/03/2021\n"
                + "xa-binh-yen,,,HS-002,01/03/2021,10/03/2021,10/03/2021\n"
                + "xa-binh-yen,,,HS-003,01/03/2021,13/03/2021,15/03/2021\n"      // due on a Saturday, returned Monday: on time
                + "xa-binh-yen,,,HS-004,02/01/2020,05/01/2020,06/01/2020\n";     // returned before the period: not counted
        Api.Answer imported = api.post("/api/v1/imports/dossiers?period=2021",
                ("\uFEFF" + dossiers).getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8");

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("measure").asText()).isEqualTo("dossiers");
        assertThat(imported.json().get("periodFrom").asText()).isEqualTo("2021-01-01");
        assertThat(imported.json().get("rows").asInt()).isEqualTo(4);
        assertThat(imported.json().get("uncounted").get("ngoài kỳ").asInt()).isEqualTo(1);
        JsonNode counts = imported.json().get("units").get(0).get("counts");
        assertThat(counts.get("early").asInt()).isEqualTo(1);
        assertThat(counts.get("onTime").asInt()).isEqualTo(2);
        assertThat(counts.get("late").asInt()).isZero();

        Path surveys = TestXlsx.write(dir.resolve("phieu.xlsx"), List.of(
                List.of("Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Hài lòng chung", "Thủ tục hành chính"),
                List.of("xa-binh-yen", "UBND xã Bình Yên", "Xã", 5, 4),
                List.of("xa-binh-yen", "UBND xã Bình Yên", "Xã", 4, 5),
                List.of("xa-binh-yen", "UBND xã Bình Yên", "Xã", 5, 5)));
        Api.Answer surveyed = api.post("/api/v1/imports/surveys?period=2021", Files.readAllBytes(surveys), RequestBody.XLSX_TYPE);
        assertThat(surveyed.status()).as(surveyed.body()).isEqualTo(200);
        assertThat(surveyed.json().get("units").get(0).get("counts").get("satisfied").asInt()).isEqualTo(3);
        assertThat(surveyed.json().get("units").get(0).get("unitName").asText()).isEqualTo("UBND xã Bình Yên");
        assertThat(rows("SELECT count(*) FROM imported_figures WHERE period_from = '2021-01-01' AND period_to = '2021-12-31'")).isEqualTo(2);

        Api.Answer reevaluated = api.post(REEVALUATE + "?period=2021", "", null);

        assertThat(reevaluated.status()).as(reevaluated.body()).isEqualTo(200);
        JsonNode binhYen = unit(reevaluated.json(), "xa-binh-yen");
        assertThat(status(binhYen, "ON_TIME_DOSSIERS")).isEqualTo("MET");
        assertThat(status(binhYen, "SATISFACTION")).isEqualTo("MET");
        assertThat(binhYen.get("score").asDouble()).isEqualTo(40.0);
        JsonNode changSon = unit(reevaluated.json(), "xa-chang-son");
        assertThat(status(changSon, "ON_TIME_DOSSIERS")).isEqualTo("NOT_MET");
        JsonNode stored = api.get("/api/v1/evaluations/" + binhYen.get("id").asText()).json();
        assertThat(stored.get("report").get("dossiers").get("onTime").asInt()).isEqualTo(2);
        assertThat(stored.get("report").get("satisfaction").get("surveyed").asInt()).isEqualTo(3);
        assertThat(stored.get("report").get("frontlineStaff").get("trained").asInt()).as("kept from the stored report").isEqualTo(11);
        // The ranking and report now show the new evaluation.
        assertThat(api.get("/api/v1/campaigns/" + Requests.CAMPAIGN + "/ranking").json().get("units").get(0).get("unitId").asText())
                .isEqualTo("xa-binh-yen");
    }

    @Test
    void a_file_with_bad_rows_is_refused_by_row_and_column_and_nothing_is_stored() throws Exception {
        long before = rows("SELECT count(*) FROM figure_import");
        String dossiers = DOSSIERS_HEADER
                + "xa-chang-son,,,HS-101,01/03/2022,10/03/2022,09/03/2022\n"
                + "xa-chang-son,,,HS-102,01/03/2022,,09/03/2022\n"
                + "xa-chang-son,,,HS-103,31/02/2022,10/03/2022,09/03/2022\n"
                + "xa-chang-son,,,HS-104,05/03/2022,10/03/2022,01/03/2022\n";

        Api.Answer refused = api.post("/api/v1/imports/dossiers?period=2022", dossiers.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).contains("3 dòng sai trong 4 dòng", "acceptBadRows");
        List<String> places = new ArrayList<>();
        refused.json().get("problems").forEach(p -> places.add(p.get("row").asInt() + ":" + p.get("column").asText()));
        assertThat(places).containsExactly("3:Ngày hẹn trả", "4:Ngày tiếp nhận", "5:Ngày trả kết quả");
        assertThat(rows("SELECT count(*) FROM figure_import")).isEqualTo(before);

        Api.Answer accepted = api.post("/api/v1/imports/dossiers?period=2022&acceptBadRows=true",
                dossiers.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("skippedRows").asInt()).isEqualTo(3);
        assertThat(accepted.json().get("units").get(0).get("counts").get("early").asInt()).isEqualTo(1);
    }

    @Test
    void a_unit_with_figures_but_no_report_name_or_kind_refuses_the_reevaluation_whole() throws Exception {
        String surveys = "Mã đơn vị,Hài lòng chung\nxa-la,5\n";
        assertThat(api.post("/api/v1/imports/surveys?period=2023", surveys.getBytes(StandardCharsets.UTF_8), "text/csv").status())
                .isEqualTo(200);
        long evaluations = rows("SELECT count(*) FROM evaluation");

        Api.Answer refused = api.post(REEVALUATE + "?period=2023", "", null);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("problems").get(0).get("path").asText()).isEqualTo("imports.satisfaction.xa-la");
        assertThat(rows("SELECT count(*) FROM evaluation")).isEqualTo(evaluations);
    }

    @Test
    void wrong_parameters_and_media_types_are_refused() {
        byte[] csv = (DOSSIERS_HEADER + "xa-a,,,HS-1,01/03/2021,10/03/2021,09/03/2021\n").getBytes(StandardCharsets.UTF_8);
        assertThat(api.post("/api/v1/imports/dossiers", csv, "text/csv").json().get("problems").get(0).get("path").asText())
                .isEqualTo("query.period");
        assertThat(api.post("/api/v1/imports/dossiers?period=2021-13", csv, "text/csv").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/imports/dossiers?period=2021", csv, "application/json").status()).isEqualTo(415);
        assertThat(api.post("/api/v1/imports/surveys", "Mã đơn vị\nxa-a\n".getBytes(StandardCharsets.UTF_8), "text/csv").json()
                .get("problems").get(0).get("message").asText()).contains("Hài lòng chung");
        assertThat(api.post("/api/v1/campaigns/khong-co/evaluations", "", null).status()).isEqualTo(404);
        try (RunningService small = RunningService.start(dir.resolve("small.db"),
                new EvaluationService.Settings("127.0.0.1", 0, 256, AccessTokens.none()))) {
            byte[] big = (DOSSIERS_HEADER + "xa-a,,,HS-1,01/03/2021,10/03/2021,09/03/2021\n".repeat(20)).getBytes(StandardCharsets.UTF_8);
            assertThat(small.api.post("/api/v1/imports/dossiers?period=2021", big, "text/csv").status()).isEqualTo(413);
        }
    }

    @Test
    void imports_and_reevaluation_need_the_evaluate_role_and_reports_the_read_role() {
        String reader = "lanh-dao = " + java.util.HexFormat.of().formatHex(AccessTokens.sha256("reader-token")) + " read";
        try (RunningService guarded = RunningService.start(dir.resolve("guarded.db"), new EvaluationService.Settings("127.0.0.1", 0,
                EvaluationService.DEFAULT_MAX_BODY, AccessTokens.parse(reader, "test")))) {
            Api anonymous = guarded.api;
            Api leader = guarded.api.as("reader-token");
            byte[] csv = "Mã đơn vị,Hài lòng chung\nxa-a,5\n".getBytes(StandardCharsets.UTF_8);

            assertThat(anonymous.get("/reports/" + Requests.CAMPAIGN).status()).isEqualTo(401);
            assertThat(leader.get("/reports/" + Requests.CAMPAIGN).status()).as("read, nothing stored yet").isEqualTo(404);
            assertThat(leader.get("/api/v1/templates/units.csv").status()).isEqualTo(200);
            assertThat(leader.post("/api/v1/imports/surveys?period=2021", csv, "text/csv").status()).isEqualTo(403);
            assertThat(leader.post(REEVALUATE, "", null).status()).isEqualTo(403);
        }
    }

    private static JsonNode unit(JsonNode response, String unitId) {
        for (JsonNode evaluation : response.get("evaluations")) {
            if (evaluation.get("unitId").asText().equals(unitId)) {
                return evaluation;
            }
        }
        throw new AssertionError("no evaluation of " + unitId + " in " + response);
    }

    private static String status(JsonNode evaluation, String criterion) {
        for (JsonNode finding : evaluation.get("findings")) {
            if (finding.get("criterion").asText().equals(criterion)) {
                return finding.get("status").asText();
            }
        }
        throw new AssertionError("no finding " + criterion);
    }

    private static long rows(String count) throws SQLException {
        try (Connection c = StoreBackend.sql(running.db);
             ResultSet rs = c.createStatement().executeQuery(count)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
