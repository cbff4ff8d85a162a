package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            api.get("/health");
            api.get(RuleSetApi.link(RunningService.BUNDLED.ruleSet(Requests.CAMPAIGN).version()));
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

        Set<String> operations = new java.util.TreeSet<>();
        OpenApiContract.INSTANCE.documentedResponses().stream()
                .filter(r -> r.endsWith(" 200"))
                .forEach(operations::add);
        assertThat(OpenApiContract.INSTANCE.seen()).containsAll(operations);
    }
}
