package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Officials through {@code POST /api/v1/evaluations}: the answer is the extended contract exactly as {@code thidua eval}
 * prints it, each stored evaluation keeps its officials and titles, and a refused member field stores nothing.
 * A real server on a free port, a real SQLite file.
 */
class MembersThroughTheServiceTest extends ServiceTest {
    static String example() throws Exception {
        return Files.readString(Path.of(EvalWithMembersTest.EXAMPLE));
    }

    /** The answer without what the service adds (requestId, createdAt, each evaluation's id), as the CLI prints JSON. */
    static String withoutServiceFields(JsonNode answer) throws Exception {
        ObjectNode copy = answer.deepCopy();
        copy.remove("requestId");
        copy.remove("createdAt");
        copy.get("evaluations").forEach(e -> ((ObjectNode) e).remove("id"));
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(copy) + System.lineSeparator();
    }

    @Test
    void a_request_with_members_answers_exactly_what_thidua_eval_prints_plus_the_stored_ids() throws Exception {
        Api.Answer answer = api.post("/api/v1/evaluations", example());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(EvalWithMembersTest.fieldNames(answer.json()))
                .containsExactly("requestId", "campaign", "ruleSetVersion", "area", "createdAt", "evaluations", "commendations");
        CommandLineRun eval = CommandLineRun.of("eval", "--input", EvalWithMembersTest.EXAMPLE);
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(withoutServiceFields(answer.json())).isEqualTo(eval.out());
        assertThat(answer.json().get("commendations")).hasSize(41);
    }

    @Test
    void a_stored_evaluation_is_read_back_by_id_with_its_officials_and_titles_in_vietnamese() throws Exception {
        JsonNode posted = api.post("/api/v1/evaluations", example()).json();
        JsonNode binhYen = posted.get("evaluations").get(0);

        Api.Answer stored = api.get("/api/v1/evaluations/" + binhYen.get("id").asText());

        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        JsonNode read = stored.json();
        assertThat(read.get("unitName").asText()).isEqualTo("UBND xã Bình Yên");
        assertThat(read.get("members")).isEqualTo(binhYen.get("members")).hasSize(10);
        assertThat(read.get("titles")).isEqualTo(binhYen.get("titles"));
        JsonNode lan = read.get("members").get(1);
        assertThat(lan.get("name").asText()).isEqualTo("Đỗ Thị Lan");
        JsonNode laoDong = null;
        for (JsonNode title : lan.get("titles")) {
            if (title.get("title").asText().equals("LAO_DONG_TIEN_TIEN")) {
                laoDong = title;
            }
        }
        assertThat(laoDong).isNotNull();
        assertThat(laoDong.get("label").asText()).isEqualTo("Lao động tiên tiến");
        assertThat(laoDong.get("status").asText()).isEqualTo("MET");
        assertThat(read.get("titles").get(0).get("explanation").asText()).contains("8/10 người đạt Lao động tiên tiến = 80% ≥ 70%");
        // the report as it was sent, officials included
        JsonNode sent = Json.MAPPER.readTree(example()).get("reports").get(0);
        assertThat(read.get("report")).isEqualTo(sent);
        assertThat(read.get("report").get("members").get(1).get("name").asText()).isEqualTo("Đỗ Thị Lan");
        // a unit that reported no officials, in a request that has them: an empty list, as thidua eval says
        JsonNode tuPhap = api.get("/api/v1/evaluations/" + posted.get("evaluations").get(4).get("id").asText()).json();
        assertThat(tuPhap.get("members")).isEmpty();
        assertThat(tuPhap.get("titles").get(0).get("status").asText()).isEqualTo("NO_DATA");
    }

    @Test
    void a_refused_member_field_is_422_with_its_path_and_nothing_is_stored() throws Exception {
        ObjectNode request = (ObjectNode) Json.MAPPER.readTree(example());
        ObjectNode member = (ObjectNode) request.get("reports").get(2).get("members").get(5);
        member.putObject("dossiers").put("handled", 10).put("late", 11);
        ((ObjectNode) request.get("reports").get(0).get("members").get(0)).put("taskGrade", "GIOI");

        Api.Answer refused = api.post("/api/v1/evaluations", Json.MAPPER.writeValueAsString(request));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:thidua:problem:invalid-input");
        ArrayNode problems = (ArrayNode) refused.json().get("problems");
        assertThat(problems.findValuesAsText("path"))
                .containsExactlyInAnyOrder("reports[2].members[5].dossiers.late", "reports[0].members[0].taskGrade");
        assertThat(refused.body()).contains("GIOI");
        // nothing of it: no history for any of its units, an empty ranking and no commendations
        for (JsonNode report : request.get("reports")) {
            assertThat(api.get("/api/v1/units/" + report.get("unit").get("id").asText() + "/evaluations").status()).isEqualTo(404);
        }
        assertThat(api.get("/api/v1/campaigns/" + Requests.CAMPAIGN + "/ranking").json().get("units")).isEmpty();
        assertThat(api.get("/api/v1/campaigns/" + Requests.CAMPAIGN + "/commendations").json().get("commendations")).isEmpty();
    }
}
