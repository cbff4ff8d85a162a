package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** POST /api/v1/evaluations stores each unit's evaluation; GET reads it back, alone or as a unit's history. */
class EvaluationEndpointTest extends ServiceTest {
    @Test
    void a_request_of_two_reports_is_answered_in_contract_v1_with_an_id_for_each_evaluation_and_one_request_id() {
        Api.Answer answer = api.post("/api/v1/evaluations", Requests.request(
                Requests.commune("xa-binh-yen", "UBND xã Bình Yên", 3),
                Requests.commune("xa-tien-xuan", "UBND xã Tiến Xuân", 5)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode body = answer.json();
        assertThat(body.get("requestId").asText()).isNotBlank();
        assertThat(body.get("campaign").asText()).isEqualTo(Requests.CAMPAIGN);
        assertThat(body.get("ruleSetVersion").asText()).startsWith("sha256:");
        assertThat(body.get("evaluations")).hasSize(2);
        JsonNode first = body.get("evaluations").get(0);
        assertThat(first.get("id").asText()).isNotBlank();
        assertThat(first.get("unitName").asText()).isEqualTo("UBND xã Bình Yên");
        assertThat(first.get("score").asDouble()).isEqualTo(60.0);
        assertThat(first.get("rank").asInt()).isEqualTo(2);
        assertThat(first.get("findings")).hasSize(5);
        assertThat(body.get("evaluations").get(1).get("id").asText()).isNotEqualTo(first.get("id").asText());
    }

    @Test
    void a_stored_evaluation_reads_back_with_its_input_report_and_vietnamese_names_intact() {
        String name = "UBND thị trấn Liên Quan — Đội ngũ tiếp dân “một cửa”";
        JsonNode posted = api.post("/api/v1/evaluations", Requests.request(Requests.commune("tt-lien-quan", name, 4))).json();
        String id = posted.get("evaluations").get(0).get("id").asText();

        Api.Answer answer = api.get("/api/v1/evaluations/" + id);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode stored = answer.json();
        assertThat(stored.get("id").asText()).isEqualTo(id);
        assertThat(stored.get("requestId").asText()).isEqualTo(posted.get("requestId").asText());
        assertThat(stored.get("unitName").asText()).isEqualTo(name);
        assertThat(stored.get("report").get("unit").get("name").asText()).isEqualTo(name);
        assertThat(stored.get("report").get("indicators").get("digitizedShare").decimalValue()).isEqualByComparingTo("0.85");
        assertThat(stored.get("caller").asText()).isEqualTo("anonymous@loopback");
        assertThat(stored.get("findings").get(0).get("title").asText()).contains("hài lòng");
        assertThat(stored.get("score").asDouble()).isEqualTo(80.0);
        assertThat(stored.get("grade").asText()).isEqualTo("HOAN_THANH_TOT");
    }

    @Test
    void an_unknown_evaluation_id_is_404() {
        Api.Answer answer = api.get("/api/v1/evaluations/no-such-id");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).contains("no-such-id");
    }

    @Test
    void a_units_history_is_newest_first_and_paginated() {
        List<String> ids = new ArrayList<>();
        for (int met = 0; met <= 4; met++) {
            ids.add(api.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-ha-bang", "UBND xã Hạ Bằng", met)))
                    .json().get("evaluations").get(0).get("id").asText());
        }

        JsonNode first = api.get("/api/v1/units/xa-ha-bang/evaluations?limit=2").json();
        JsonNode second = api.get("/api/v1/units/xa-ha-bang/evaluations?limit=2&offset=2").json();
        JsonNode last = api.get("/api/v1/units/xa-ha-bang/evaluations?limit=2&offset=4").json();

        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(ids(first)).containsExactly(ids.get(4), ids.get(3));
        assertThat(ids(second)).containsExactly(ids.get(2), ids.get(1));
        assertThat(ids(last)).containsExactly(ids.get(0));
        assertThat(first.get("evaluations").get(0).get("unitName").asText()).isEqualTo("UBND xã Hạ Bằng");
        assertThat(first.get("evaluations").get(0).get("score").asDouble()).isEqualTo(80.0);
    }

    @Test
    void a_units_history_can_be_narrowed_to_a_campaign() {
        api.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-dong-truc", "UBND xã Đồng Trúc", 2)));

        assertThat(api.get("/api/v1/units/xa-dong-truc/evaluations?campaign=" + Requests.CAMPAIGN).json().get("total").asLong())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/units/xa-dong-truc/evaluations?campaign=another-campaign").status()).isEqualTo(404);
    }

    @Test
    void a_unit_never_evaluated_has_no_history_404() {
        assertThat(api.get("/api/v1/units/xa-khong-co/evaluations").status()).isEqualTo(404);
    }

    @Test
    void a_page_size_out_of_range_is_400_naming_the_parameter() {
        api.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-kim-quan", "UBND xã Kim Quan", 1)));

        Api.Answer tooMany = api.get("/api/v1/units/xa-kim-quan/evaluations?limit=1000");
        Api.Answer notANumber = api.get("/api/v1/units/xa-kim-quan/evaluations?offset=abc");

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("problems").get(0).get("path").asText()).isEqualTo("query.limit");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("problems").get(0).get("path").asText()).isEqualTo("query.offset");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("evaluations").forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }
}
