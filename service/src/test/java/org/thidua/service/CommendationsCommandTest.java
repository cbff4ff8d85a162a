package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code thidua commendations}: the proposed list, as JSON and as a CSV that Excel opens with Vietnamese intact. */
class CommendationsCommandTest {
    @Test
    void json_lists_every_title_qualified_for_in_the_campaigns_order_with_its_grounds() throws Exception {
        CommandLineRun run = CommandLineRun.of("commendations", "--input", EvalWithMembersTest.EXAMPLE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode list = Json.MAPPER.readTree(run.out());
        assertThat(EvalWithMembersTest.fieldNames(list)).containsExactly("campaign", "ruleSetVersion", "commendations");
        JsonNode commendations = list.get("commendations");
        assertThat(commendations).hasSize(41);
        JsonNode first = commendations.get(0);
        assertThat(EvalWithMembersTest.fieldNames(first)).containsExactly("title", "label", "subject", "unitId", "unitName",
                "memberId", "memberName", "explanation");
        assertThat(first.get("title").asText()).isEqualTo("TAP_THE_LAO_DONG_XUAT_SAC");
        assertThat(first.get("subject").asText()).isEqualTo("UNIT");
        assertThat(first.get("memberId").isNull()).isTrue();
        JsonNode chienSi = commendations.get(6);
        assertThat(chienSi.get("title").asText()).isEqualTo("CHIEN_SI_THI_DUA_CO_SO");
        assertThat(chienSi.get("memberName").asText()).isEqualTo("Nguyễn Văn Hùng");
        assertThat(chienSi.get("explanation").asText())
                .contains("Xếp thứ 1/2", "hạn mức 15% × 8 Lao động tiên tiến = 1,2 → 1 người (làm tròn xuống): trong hạn mức");
    }

    @Test
    void csv_is_utf8_with_a_byte_order_mark_one_row_per_commendation() {
        CommandLineRun run = CommandLineRun.of("commendations", "--input", EvalWithMembersTest.EXAMPLE, "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("\uFEFFSTT,\"Danh hiệu, hình thức khen thưởng\",Đối tượng,Đơn vị,Họ và tên,");
        List<String> rows = List.of(run.out().split("\r\n"));
        assertThat(rows).hasSize(1 + 41);
        assertThat(rows.get(1)).startsWith("1,Tập thể lao động xuất sắc,Tập thể,UBND xã Bình Yên,,TAP_THE_LAO_DONG_XUAT_SAC,xa-binh-yen,,");
        assertThat(rows.get(7)).startsWith("7,Chiến sĩ thi đua cơ sở,Cá nhân,UBND xã Bình Yên,Nguyễn Văn Hùng,CHIEN_SI_THI_DUA_CO_SO,xa-binh-yen,by-01,\"");
    }

    @Test
    void a_cell_with_a_comma_or_a_quote_is_quoted_and_a_formula_is_kept_as_text() {
        assertThat(CommendationCsv.quote("a, b")).isEqualTo("\"a, b\"");
        assertThat(CommendationCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CommendationCsv.quote("=1+1")).isEqualTo("'=1+1");
    }

    @Test
    void a_request_without_members_exits_2_saying_that_officials_are_needed() {
        CommandLineRun run = CommandLineRun.of("commendations", "--input", "src/test/resources/requests/two-units.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("members");
    }

    @Test
    void bad_members_exit_2_naming_the_field_path() {
        CommandLineRun run = CommandLineRun.of("commendations", "--input", "src/test/resources/requests/bad-members.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("reports[0].members[1].dossiers.late: ", "reports[0].members[0].role: ");
    }
}
