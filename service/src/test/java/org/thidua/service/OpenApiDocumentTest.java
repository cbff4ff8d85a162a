package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.http.AccessTokens;
import org.thidua.service.http.EvaluationService;
import org.thidua.service.http.RuleSetApi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * GET /openapi.json serves the document the test client checks every answer against; this test calls every
 * documented operation, so an endpoint added without its documentation (or the reverse) fails here.
 */
class OpenApiDocumentTest {
    @TempDir
    Path dir;

    @Test
    void the_served_document_is_openapi_3_1_and_every_documented_operation_answers_as_documented() {
        try (RunningService running = RunningService.start(dir.resolve("thidua.db"))) {
            Api api = running.api;
            JsonNode served = api.get("/openapi.json").json();
            assertThat(served.get("openapi").asText()).isEqualTo("3.1.0");
            assertThat(served).isEqualTo(OpenApiContract.INSTANCE.document());

            String id = api.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-huong-ngai", "UBND xã Hương Ngải", 3)))
                    .json().get("evaluations").get(0).get("id").asText();
            api.get("/api/v1/evaluations/" + id);
            api.get("/api/v1/units/xa-huong-ngai/evaluations?campaign=" + Requests.CAMPAIGN);
            api.get("/api/v1/campaigns");
            api.get("/api/v1/campaigns/" + Requests.CAMPAIGN);
            api.get("/api/v1/campaigns/" + Requests.CAMPAIGN + "/ranking");
            api.get("/api/v1/campaigns/" + Requests.CAMPAIGN + "/commendations");
            assertThat(api.download("/api/v1/campaigns/" + Requests.CAMPAIGN + "/commendations.csv", null).contentType()).startsWith("text/csv");
            assertThat(api.download("/api/v1/campaigns/" + Requests.CAMPAIGN + "/commendations.xlsx", null).bytes()).startsWith('P', 'K');
            assertThat(api.download("/health", "text/html").status()).isEqualTo(406);
            assertThat(api.download("/openapi.json", "text/html, image/*").status()).isEqualTo(406);
            assertThat(api.download("/openapi.json", "application/*;q=0.5").status()).isEqualTo(200);
            api.get("/health");
            assertThat(api.download("/campaigns/" + Requests.CAMPAIGN, null).contentType()).startsWith("text/html");
            api.get(RuleSetApi.link(RunningService.BUNDLED.ruleSet(Requests.CAMPAIGN).version()));

            byte[] csv = ("Mã đơn vị,Tên đơn vị,Loại đơn vị,Số phiếu khảo sát,Số phiếu hài lòng\n"
                    + "xa-huong-ngai,UBND xã Hương Ngải,Xã,10,10\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            api.post("/api/v1/evaluations", csv, "text/csv");
            api.get("/api/v1/templates/units.csv");
            api.get("/api/v1/templates/units.xlsx");
            api.post("/api/v1/imports/dossiers?period=2021", ("Mã đơn vị,Mã hồ sơ,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả\n"
                    + "xa-huong-ngai,HS-1,01/03/2021,10/03/2021,09/03/2021\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
            api.post("/api/v1/imports/surveys?period=2021", "Mã đơn vị,Hài lòng chung\nxa-huong-ngai,5\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
            api.post("/api/v1/campaigns/" + Requests.CAMPAIGN + "/evaluations?period=2021", "", null);
            api.get("/reports/" + Requests.CAMPAIGN);
            api.get("/campaigns/" + Requests.CAMPAIGN); // the staff page: walked here, not only when HotReloadTest ran first
            assertThat(api.download("/reports/" + Requests.CAMPAIGN + ".csv", null).contentType()).startsWith("text/csv");
            assertThat(api.download("/reports/" + Requests.CAMPAIGN + ".xlsx", null).bytes()).startsWith('P', 'K');
        }
        try (RunningService withRules = RunningService.start(dir.resolve("rules.db"), ImpactPreviewEndpointTest.withTokens())) {
            withRules.api.as(ImpactPreviewEndpointTest.STAFF).post("/api/v1/campaigns/" + Requests.CAMPAIGN + "/preview", "{\"files\": {}}");
        }
        // Reloading a campaign needs a token with the rules role.
        AccessTokens rulesToken = AccessTokens.parse(ReloadEndpointTest.line("luat", ReloadEndpointTest.RULES, "rules"), "test");
        try (RunningService running = RunningService.start(dir.resolve("rules.db"),
                new EvaluationService.Settings("127.0.0.1", 0, EvaluationService.DEFAULT_MAX_BODY, rulesToken))) {
            running.api.as(ReloadEndpointTest.RULES).post("/api/v1/campaigns/" + Requests.CAMPAIGN + "/reload", "");
        }

        // The assessment rounds, with an officer's, an appraiser's and a unit's token.
        try (RunningService rounds = RunningService.start(dir.resolve("rounds.db"), AssessmentRoundEndToEndTest.withTokens())) {
            AssessmentRoundEndToEndTest.walkEveryOperation(rounds.api);
        }

        Set<String> operations = new java.util.TreeSet<>();
        OpenApiContract.INSTANCE.documentedResponses().stream()
                .filter(r -> r.endsWith(" 200"))
                .forEach(operations::add);
        assertThat(OpenApiContract.INSTANCE.seen()).containsAll(operations);
    }
}
