package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.RuleLibrary;
import org.thidua.service.http.EvaluationService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The service side of {@link ContractV1CompatibilityTest}: officials were added compatibly, so a POST without members
 * answers contract v1 as first published, byte for byte once the fields the service has always added (requestId,
 * createdAt, each evaluation's id) are taken out, and stores nothing of officials.
 */
class ContractV1ServiceCompatibilityTest {
    @TempDir
    Path dir;

    @Test
    void a_post_without_members_answers_byte_for_byte_the_json_of_the_first_release() throws Exception {
        RuleLibrary v1 = RuleLibrary.load(Path.of("src/test/resources/rules-v1"));
        try (RunningService running = RunningService.start(v1, dir.resolve("thidua.db"), EvaluationService.Settings.loopback(0),
                store -> store)) {
            Api.Answer answer = running.api.post("/api/v1/evaluations",
                    Files.readString(Path.of("src/test/resources/requests/two-units.json")));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(EvalWithMembersTest.fieldNames(answer.json()))
                    .containsExactly("requestId", "campaign", "ruleSetVersion", "createdAt", "evaluations");
            assertThat(MembersThroughTheServiceTest.withoutServiceFields(answer.json()).getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(Files.readAllBytes(Path.of("src/test/resources/expected/two-units-v1.json")));
        }
    }

    @Test
    void with_the_bundled_campaign_nothing_of_officials_is_answered_or_stored_for_a_request_without_members() throws Exception {
        try (RunningService running = RunningService.start(dir.resolve("thidua.db"))) {
            Api.Answer answer = running.api.post("/api/v1/evaluations",
                    Files.readString(Path.of("src/test/resources/requests/two-units.json")));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).doesNotContain("\"members\"", "\"titles\"", "\"commendations\"");
            JsonNode stored = running.api.get("/api/v1/evaluations/" + answer.json().get("evaluations").get(0).get("id").asText()).json();
            assertThat(stored.has("members")).isFalse();
            assertThat(stored.has("titles")).isFalse();
            CommandLineRun eval = CommandLineRun.of("eval", "--input", "src/test/resources/requests/two-units.json");
            assertThat(MembersThroughTheServiceTest.withoutServiceFields(answer.json())).isEqualTo(eval.out());
        }
    }
}
