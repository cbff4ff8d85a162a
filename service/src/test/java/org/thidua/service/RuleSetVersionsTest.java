package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.RuleSet;
import org.thidua.service.http.RuleSetApi;
import org.thidua.service.store.NewRequest;
import org.thidua.service.store.RuleSetVersion;
import org.thidua.service.store.StoredRequest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every rule-set version that goes live is kept with its files, and a stored evaluation links to the rules that made
 * it: GET /api/v1/rulesets/{version} gives the files back byte for byte, after a restart too.
 */
class RuleSetVersionsTest {
    @TempDir
    Path dir;

    private static RuleSet live() {
        return RunningService.BUNDLED.ruleSet(Requests.CAMPAIGN);
    }

    private static SortedMap<String, String> texts(JsonNode files) {
        SortedMap<String, String> texts = new TreeMap<>();
        files.fields().forEachRemaining(f -> texts.put(f.getKey(), f.getValue().asText()));
        return texts;
    }

    @Test
    void a_stored_evaluation_links_to_its_rules_whose_files_read_back_byte_identical_after_a_restart() {
        Path db = dir.resolve("thidua.db");
        String link;
        String firstLiveAt;
        try (RunningService first = RunningService.start(db)) {
            String id = first.api.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-phung-xa", "UBND xã Phùng Xá", 4)))
                    .json().get("evaluations").get(0).get("id").asText();
            JsonNode evaluation = first.api.get("/api/v1/evaluations/" + id).json();
            link = evaluation.get("ruleSet").asText();
            assertThat(link).isEqualTo("/api/v1/rulesets/" + evaluation.get("ruleSetVersion").asText());
            firstLiveAt = first.api.get(link).json().get("firstLiveAt").asText();
        }

        try (RunningService second = RunningService.start(db)) {
            Api.Answer answer = second.api.get(link);

            assertThat(answer.status()).isEqualTo(200);
            JsonNode ruleSet = answer.json();
            assertThat(ruleSet.get("version").asText()).isEqualTo(live().version());
            assertThat(ruleSet.get("campaign").asText()).isEqualTo(Requests.CAMPAIGN);
            assertThat(ruleSet.get("firstLiveAt").asText()).isEqualTo(firstLiveAt);
            assertThat(ruleSet.get("live").asBoolean()).isTrue();
            SortedMap<String, String> files = texts(ruleSet.get("files"));
            assertThat(files.keySet()).isEqualTo(live().ruleFiles().keySet()).contains("campaign.yaml", District.CRITERIA_SHEET);
            live().ruleFiles().forEach((path, text) -> assertThat(files.get(path).getBytes(StandardCharsets.UTF_8))
                    .as(path).isEqualTo(text.getBytes(StandardCharsets.UTF_8)));
            assertThat(files.get("campaign.yaml")).contains("Phong trào thi đua \"Cải cách hành chính\" trên địa bàn huyện Thạch Thất");
            assertThat(files.get(District.CRITERIA_SHEET)).contains("Mức độ hài lòng của người dân");
            assertThat(texts(ruleSet.get("tests"))).isEqualTo(live().testFiles());
        }
    }

    @Test
    void every_campaign_loaded_at_start_is_kept_even_before_it_evaluates_anything() {
        try (RunningService running = RunningService.start(dir.resolve("thidua.db"))) {
            for (RuleSet ruleSet : RunningService.BUNDLED.ruleSets().values()) {
                Api.Answer answer = running.api.get(RuleSetApi.link(ruleSet.version()));

                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.json().get("campaign").asText()).isEqualTo(ruleSet.campaign().id());
            }
        }
    }

    @Test
    void an_unknown_version_is_404_problem() {
        try (RunningService running = RunningService.start(dir.resolve("thidua.db"))) {
            Api.Answer answer = running.api.get("/api/v1/rulesets/sha256:" + "0".repeat(64));

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void a_version_going_live_while_serving_is_kept_once_with_its_first_time() throws Exception {
        Path folder = dir.resolve("rules").resolve(Requests.CAMPAIGN);
        for (Map.Entry<String, String> file : live().ruleFiles().entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            String text = file.getKey().equals(District.CRITERIA_SHEET) ? District.lowerSatisfactionTarget(file.getValue()) : file.getValue();
            Files.writeString(target, text, StandardCharsets.UTF_8);
        }
        RuleSet reloaded = RuleSet.load(folder);
        try (RunningService running = RunningService.start(dir.resolve("thidua.db"))) {
            RuleSetVersion first = running.service.ruleSetWentLive(reloaded);
            RuleSetVersion again = running.service.ruleSetWentLive(reloaded);

            assertThat(again.firstLiveAt()).isEqualTo(first.firstLiveAt());
            Api.Answer answer = running.api.get(RuleSetApi.link(reloaded.version()));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("files").get(District.CRITERIA_SHEET).asText()).contains("satisfaction,ngưỡng,90%,");
            assertThat(answer.json().get("live").asBoolean()).isFalse();
        }
        try (Connection sql = StoreBackend.sql(dir.resolve("thidua.db"));
             ResultSet rows = sql.createStatement().executeQuery("SELECT count(*) FROM rule_set WHERE version = '" + reloaded.version() + "'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }
}
