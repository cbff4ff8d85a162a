package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The loaded campaigns, and a campaign's ranking of the latest evaluation of each unit. */
class CampaignEndpointTest extends ServiceTest {
    @Test
    void the_campaign_list_shows_each_loaded_campaign_with_its_criteria_version_and_load_time() {
        Api.Answer answer = api.get("/api/v1/campaigns");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("defaultCampaign").asText()).isEqualTo(Requests.CAMPAIGN);
        List<String> ids = new ArrayList<>();
        body.get("campaigns").forEach(c -> ids.add(c.get("id").asText()));
        assertThat(ids).as("every bundled campaign, by id").containsExactly("chi-so-cchc-xa-2025", "par-index-xa-2023", Requests.CAMPAIGN);
        JsonNode campaign = body.get("campaigns").get(ids.indexOf(Requests.CAMPAIGN));
        assertThat(campaign.get("ruleSetVersion").asText()).startsWith("sha256:");
        assertThat(campaign.get("loadedAt").asText()).isNotBlank();
        List<String> criteria = new ArrayList<>();
        campaign.get("criteria").forEach(c -> criteria.add(c.get("id").asText()));
        assertThat(criteria).containsExactly("SATISFACTION", "ON_TIME_DOSSIERS", "FRONTLINE_STAFF_TRAINING",
                "INDEX_AWARENESS_TRAINING", "PORTAL_PAGE");
        assertThat(body.get("unavailable")).isEmpty();
    }

    @Test
    void one_campaign_reads_by_id_with_its_vietnamese_title() {
        Api.Answer answer = api.get("/api/v1/campaigns/" + Requests.CAMPAIGN);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("title").asText()).contains("Cải cách hành chính", "Thạch Thất");
        assertThat(answer.json().get("grades").get(0).get("label").asText()).isEqualTo("Hoàn thành xuất sắc");
    }

    @Test
    void a_campaign_lists_the_plans_targets_for_the_whole_area_and_its_page_shows_them() {
        JsonNode area = api.get("/api/v1/campaigns/" + Requests.CAMPAIGN).json().get("area");

        List<String> criteria = new ArrayList<>();
        area.forEach(target -> criteria.add(target.get("criterion").asText()));
        assertThat(criteria).containsExactly("SATISFACTION", "ON_TIME_DOSSIERS", "FRONTLINE_STAFF_TRAINING",
                "INDEX_AWARENESS_TRAINING", "PORTAL_PAGE");
        assertThat(area.get(0).get("title").asText())
                .isEqualTo("Mức độ hài lòng của người dân, tổ chức và doanh nghiệp về giải quyết TTHC của Huyện đạt tối thiểu 95%");
        assertThat(area.get(0).get("target").decimalValue()).isEqualByComparingTo("0.95");
        assertThat(area.get(4).get("target").decimalValue()).isEqualByComparingTo("1");
        // a campaign whose plan sets no target for the whole area says so with an empty list
        assertThat(api.get("/api/v1/campaigns/par-index-xa-2023").json().get("area")).isEmpty();

        String page = api.download("/campaigns/" + Requests.CAMPAIGN, null).text();
        assertThat(page).contains("<section id=\"area\">", "Chỉ tiêu chung của địa bàn",
                "<td>Mức độ hài lòng của người dân, tổ chức và doanh nghiệp về giải quyết TTHC của Huyện đạt tối thiểu 95%</td>"
                        + "<td class=\"num\">95%</td>",
                "<td><code>PORTAL_PAGE</code></td><td>100% UBND xã, thị trấn có Trang thông tin điện tử thành phần trên Cổng thông"
                        + " tin điện tử của huyện</td><td class=\"num\">100%</td>");
        assertThat(api.download("/campaigns/par-index-xa-2023", null).text()).doesNotContain("id=\"area\"");
    }

    @Test
    void an_unknown_campaign_is_404_for_itself_and_its_ranking() {
        assertThat(api.get("/api/v1/campaigns/khong-co").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/campaigns/khong-co/ranking").status()).isEqualTo(404);
    }

    @Test
    void the_ranking_takes_each_units_latest_evaluation_and_ties_share_a_rank() {
        // Given: xa-a first scored 100, then 40 (its latest); the others 80, 80 and 100 in a later request.
        api.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-a", "UBND xã Cẩm Yên", 5)));
        api.post("/api/v1/evaluations", Requests.request(
                Requests.commune("xa-b", "UBND xã Bình Phú", 4),
                Requests.commune("xa-c", "UBND xã Canh Nậu", 4),
                Requests.commune("xa-d", "UBND xã Dị Nậu", 5)));
        api.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-a", "UBND xã Cẩm Yên", 2)));

        // When
        Api.Answer answer = api.get("/api/v1/campaigns/" + Requests.CAMPAIGN + "/ranking");

        // Then
        assertThat(answer.status()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        answer.json().get("units").forEach(u -> rows.add(u.get("rank").asInt() + " " + u.get("unitId").asText() + " "
                + u.get("score").asDouble()));
        assertThat(rows).containsExactly("1 xa-d 100.0", "2 xa-b 80.0", "2 xa-c 80.0", "4 xa-a 40.0");
        assertThat(answer.json().get("units").get(0).get("gradeLabel").asText()).isEqualTo("Hoàn thành xuất sắc");
    }

    @Test
    void a_campaign_nobody_has_been_evaluated_in_yet_has_an_empty_ranking() {
        Api.Answer answer = api.get("/api/v1/campaigns/" + Requests.CAMPAIGN + "/ranking");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("units")).isEmpty();
    }
}
