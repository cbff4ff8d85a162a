package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * End to end through {@code thidua serve --rules DIR} in its own JVM, as an officer keeps the criteria: edit a cell of
 * the criteria sheet and the new version answers; break a cell and the refusal names the cell while the previous
 * version keeps serving.
 */
class ServeWatchesACriteriaSheetTest {
    private static final String CAMPAIGN = "par-index-xa-2023";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String REQUEST = """
            {"campaign": "par-index-xa-2023", "reports": [
              {"unit": {"id": "xa-a", "name": "UBND xã A", "kind": "COMMUNE"}, "portalPage": true}]}
            """;

    @TempDir
    Path dir;

    @Test
    void an_edited_cell_goes_live_and_a_broken_cell_is_refused_at_its_cell() throws Exception {
        Path rules = UnavailableCampaignTest.copyOfBundledCampaigns(dir.resolve("campaigns"));
        Path sheet = rules.resolve(CAMPAIGN).resolve("criteria.csv");
        try (ServeProcess serve = ServeProcess.start(dir.resolve("thidua.db"), dir.resolve("serve.log"), "--rules", rules.toString())) {
            Api api = new Api(serve.uri());
            String original = campaign(api).get("ruleSetVersion").asText();

            replace(sheet, "Có Trang thông tin điện tử, công khai TTHC: {points}/{maxPoints} điểm",
                    "Có Trang thông tin điện tử, công khai TTHC (theo bảng sửa): {points}/{maxPoints} điểm");
            JsonNode edited = RulesFolder.poll(() -> campaign(api), c -> !c.get("ruleSetVersion").asText().equals(original),
                    WAIT, "the edited sheet to go live");
            Api.Answer answer = api.post("/api/v1/evaluations", REQUEST);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(portal(answer.json()).get("message").asText()).isEqualTo("Có Trang thông tin điện tử, công khai TTHC (theo bảng sửa): 10/10 điểm");
            assertThat(portal(answer.json()).get("rule").asText()).isEqualTo("criteria.csv: PORTAL_PAGE");
            String live = edited.get("ruleSetVersion").asText();

            replace(sheet, "ngưỡng,100%", "ngưỡng,100");
            JsonNode refused = RulesFolder.poll(() -> campaign(api), c -> c.has("refusedEdit"), WAIT, "the broken sheet to be refused");
            JsonNode problem = refused.get("refusedEdit").get("problems").get(0);
            assertThat(problem.get("path").asText()).isEqualTo("criteria.csv:5:6");
            assertThat(problem.get("message").asText()).startsWith("Tỷ lệ 10000% lớn hơn 100%: có phải ý là 100%?");
            assertThat(refused.get("ruleSetVersion").asText()).as("the previous version keeps serving").isEqualTo(live);
            Api.Answer still = api.post("/api/v1/evaluations", REQUEST);
            assertThat(still.json().get("ruleSetVersion").asText()).isEqualTo(live);
            assertThat(portal(still.json()).get("message").asText()).contains("(theo bảng sửa)");
        }
    }

    private static JsonNode campaign(Api api) {
        return api.get("/api/v1/campaigns/" + CAMPAIGN).json();
    }

    private static JsonNode portal(JsonNode response) {
        for (JsonNode finding : response.get("evaluations").get(0).get("findings")) {
            if (finding.get("criterion").asText().equals("PORTAL_PAGE")) {
                return finding;
            }
        }
        throw new AssertionError("no PORTAL_PAGE in " + response);
    }

    private static void replace(Path file, String before, String after) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(before);
        Files.writeString(file, text.replace(before, after), StandardCharsets.UTF_8);
    }
}
