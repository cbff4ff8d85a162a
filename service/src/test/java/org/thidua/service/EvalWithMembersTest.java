package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code thidua eval} on a request that lists officials: their results, the titles and the proposed commendations. */
class EvalWithMembersTest {
    static final String EXAMPLE = "../examples/data/thach-that-2021-members.json";

    @Test
    void json_output_gains_members_titles_and_commendations() throws Exception {
        CommandLineRun run = CommandLineRun.of("eval", "--input", EXAMPLE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode response = Json.MAPPER.readTree(run.out());
        // the area's scorecard (the campaign's targets for the whole district) comes first, commendations last
        assertThat(fieldNames(response)).containsExactly("campaign", "ruleSetVersion", "area", "evaluations", "commendations");
        JsonNode binhYen = response.get("evaluations").get(0);
        assertThat(fieldNames(binhYen)).containsExactly("unitId", "unitName", "kind", "score", "grade", "rank", "findings",
                "members", "titles");
        JsonNode member = binhYen.get("members").get(1);
        assertThat(fieldNames(member)).containsExactly("memberId", "name", "role", "findings", "titles");
        assertThat(member.get("name").asText()).isEqualTo("Đỗ Thị Lan");
        assertThat(member.get("findings").get(0).get("criterion").asText()).isEqualTo("SKILLS_TRAINED");
        JsonNode collective = binhYen.get("titles").get(0);
        assertThat(fieldNames(collective)).containsExactly("title", "label", "status", "explanation", "rule");
        assertThat(collective.get("title").asText()).isEqualTo("TAP_THE_LAO_DONG_XUAT_SAC");
        assertThat(collective.get("status").asText()).isEqualTo("MET");
        assertThat(collective.get("explanation").asText()).contains("8/10 người đạt Lao động tiên tiến = 80% ≥ 70%");
        assertThat(collective.get("rule").asText()).isEqualTo("titles/collective.drl: TAP_THE_LAO_DONG_XUAT_SAC");
    }

    @Test
    void a_unit_without_members_in_a_request_with_members_has_an_empty_list_and_undecided_collective_titles() throws Exception {
        JsonNode tuPhap = Json.MAPPER.readTree(CommandLineRun.of("eval", "--input", EXAMPLE).out()).get("evaluations").get(4);

        assertThat(tuPhap.get("unitName").asText()).isEqualTo("Phòng Tư pháp");
        assertThat(tuPhap.get("members")).isEmpty();
        assertThat(tuPhap.get("titles").get(0).get("status").asText()).isEqualTo("NO_DATA");
    }

    @Test
    void table_output_ends_with_the_proposed_commendations_by_title() {
        CommandLineRun run = CommandLineRun.of("eval", "--input", EXAMPLE, "--format", "table");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String section = run.out().substring(run.out().indexOf("Đề nghị khen thưởng"));
        assertThat(section).contains(
                "  Tập thể lao động xuất sắc (1): UBND xã Bình Yên",
                "  Tập thể lao động tiên tiến (2): UBND xã Bình Yên; Phòng Nội vụ",
                "  Chiến sĩ thi đua cơ sở (1): Nguyễn Văn Hùng (UBND xã Bình Yên)",
                "; … và 11 nơi/người khác");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
