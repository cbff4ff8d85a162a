package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A campaign of {@value #UNITS} units in a real SQLite file behind a real service: the ranking and a unit's history come
 * in keyset pages that add up to the whole, the CSV and XLSX exports stream every unit in ranking order, and the report
 * page shows the whole summary first, then 500 units per page with links to the others.
 */
class LargeCampaignTest {
    static final int UNITS = 5_000;
    static final String RANKING = "/api/v1/campaigns/" + Requests.CAMPAIGN + "/ranking";

    @TempDir
    static Path dir;
    static RunningService running;
    static Api api;

    @BeforeAll
    static void fill() {
        running = RunningService.start(dir.resolve("thidua.db"));
        api = running.api;
        for (int from = 0; from < UNITS; from += 2_500) {
            List<String> reports = new ArrayList<>();
            for (int i = from; i < from + 2_500; i++) {
                reports.add(Requests.commune(id(i), "UBND xã Số " + (UNITS - i), i % 6));
            }
            assertThat(api.post("/api/v1/evaluations", Requests.request(reports)).status()).isEqualTo(200);
        }
    }

    static String id(int i) {
        return "xa-%05d".formatted(i);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    /** Every unit id of the ranking, read page by page through {@code next}. */
    private static List<String> rankingByPages(String first, List<JsonNode> pages) {
        List<String> units = new ArrayList<>();
        String path = first;
        while (path != null) {
            Api.Answer answer = api.get(path);
            assertThat(answer.status()).isEqualTo(200);
            JsonNode page = answer.json();
            pages.add(page);
            page.get("units").forEach(u -> units.add(u.get("unitId").asText()));
            path = page.has("nextLink") ? page.get("nextLink").asText() : null;
            if (path != null) {
                assertThat(answer.header("Link")).isEqualTo("<" + path + ">; rel=\"next\"");
            }
        }
        return units;
    }

    @Test
    void the_ranking_comes_in_pages_of_the_default_size_that_add_up_to_the_whole_ranking() {
        List<JsonNode> pages = new ArrayList<>();
        List<String> paged = rankingByPages(RANKING, pages);
        int total = pages.get(0).get("total").asInt(); // UNITS, and one more after the test that adds a unit
        assertThat(total).isBetween(UNITS, UNITS + 1);
        assertThat(pages).hasSize((total + 999) / 1000).allSatisfy(p -> {
            assertThat(p.get("total").asInt()).isEqualTo(total);
            assertThat(p.get("limit").asInt()).isEqualTo(1000);
        });
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(p -> assertThat(p.get("units")).hasSize(1000));
        assertThat(pages.get(pages.size() - 1).has("next")).isFalse();

        List<JsonNode> large = new ArrayList<>();
        List<String> all = rankingByPages(RANKING + "?limit=5000", large);
        assertThat(paged).hasSize(total).doesNotHaveDuplicates().isEqualTo(all);
        int previous = 0;
        for (JsonNode u : large.get(0).get("units")) {
            assertThat(u.get("rank").asInt()).isGreaterThanOrEqualTo(previous);
            previous = u.get("rank").asInt();
        }
    }

    @Test
    void a_unit_evaluated_between_two_pages_does_not_shift_the_next_page() {
        JsonNode first = api.get(RANKING + "?limit=700").json();
        Set<String> shown = new HashSet<>();
        first.get("units").forEach(u -> shown.add(u.get("unitId").asText()));
        // A new unit at the top: an offset would now repeat the last unit of the first page.
        assertThat(api.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-moi", "UBND xã Mới", 5))).status()).isEqualTo(200);
        JsonNode second = api.get(first.get("nextLink").asText()).json();
        JsonNode lastShown = first.get("units").get(699);
        JsonNode firstNext = second.get("units").get(0);
        assertThat(shown).doesNotContain(firstNext.get("unitId").asText());
        assertThat(firstNext.get("rank").asInt()).isGreaterThanOrEqualTo(lastShown.get("rank").asInt());
        assertThat(second.get("total").asInt()).isEqualTo(UNITS + 1);
    }

    @Test
    void a_cursor_the_service_did_not_give_is_a_bad_parameter() {
        for (String cursor : List.of("abc", "dGhpZHVhOm5vdC1qc29u", "%25%00")) {
            Api.Answer answer = api.get(RANKING + "?cursor=" + cursor);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("query.cursor");
        }
        assertThat(api.get(RANKING + "?limit=5001").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/units/" + id(7) + "/evaluations?cursor=dGhpZHVhOng").status()).isEqualTo(400);
    }

    @Test
    void a_units_history_pages_by_cursor_newest_first() {
        String unit = id(42);
        for (int met = 0; met < 3; met++) {
            api.post("/api/v1/evaluations", Requests.request(Requests.commune(unit, "UBND xã Số 4958", met)));
        }
        List<String> ids = new ArrayList<>();
        String path = "/api/v1/units/" + unit + "/evaluations?limit=1&campaign=" + Requests.CAMPAIGN;
        while (path != null) {
            JsonNode page = api.get(path).json();
            assertThat(page.get("total").asInt()).isEqualTo(4);
            page.get("evaluations").forEach(e -> ids.add(e.get("id").asText()));
            path = page.has("nextLink") ? page.get("nextLink").asText() : null;
        }
        assertThat(ids).hasSize(4).doesNotHaveDuplicates();
        JsonNode byOffset = api.get("/api/v1/units/" + unit + "/evaluations?limit=4&offset=0").json();
        List<String> whole = new ArrayList<>();
        byOffset.get("evaluations").forEach(e -> whole.add(e.get("id").asText()));
        assertThat(ids).isEqualTo(whole);
        assertThat(api.get("/api/v1/units/" + unit + "/evaluations?limit=1&offset=2").json().get("evaluations").get(0).get("id").asText())
                .isEqualTo(ids.get(2));
    }

    @Test
    void the_exports_stream_every_unit_in_ranking_order() throws Exception {
        Api.Download csv = api.download("/reports/" + Requests.CAMPAIGN + ".csv", null);
        String[] lines = csv.text().split("\r?\n");
        List<String> csvUnits = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            csvUnits.add(lines[i].split(",")[1]);
        }
        Api.Download xlsx = api.download("/reports/" + Requests.CAMPAIGN + ".xlsx", null);
        assertThat(xlsx.bytes()).startsWith('P', 'K');
        List<String> sheetUnits = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            workbook.findSheet("Xếp hạng").orElseThrow().openStream().skip(1).forEach(row -> sheetUnits.add(row.getCellText(1)));
        }
        // The ranking may have grown by the unit another test adds; the exports are read after it.
        List<String> now = rankingByPages(RANKING + "?limit=5000", new ArrayList<>());
        assertThat(csvUnits).hasSizeGreaterThanOrEqualTo(UNITS).isEqualTo(now);
        assertThat(sheetUnits).as("XLSX: %d rows, first %s", sheetUnits.size(), sheetUnits.subList(0, Math.min(3, sheetUnits.size()))).hasSameSizeAs(now);
        for (int i = 0; i < now.size(); i++) {
            assertThat(sheetUnits.get(i)).as("XLSX row %d", i + 1).isEqualTo(now.get(i));
        }
    }

    @Test
    void the_report_shows_the_whole_summary_first_then_pages_of_500_units() {
        String report = "/reports/" + Requests.CAMPAIGN;
        String first = api.get(report).body();
        Matcher counts = Pattern.compile("</span> ([0-9.]+) đơn vị</li>").matcher(first.substring(first.indexOf("id=\"summary\"")));
        int summed = 0;
        while (counts.find() && summed < UNITS) {
            summed += Integer.parseInt(counts.group(1).replace(".", ""));
        }
        assertThat(summed).isGreaterThanOrEqualTo(UNITS);
        assertThat(first.indexOf("id=\"summary\"")).isLessThan(first.indexOf("id=\"top\"")).isLessThan(first.indexOf("id=\"ranking\""));
        assertThat(rows(first)).isEqualTo(500);
        assertThat(first).contains("Trang 1/").contains("rel=\"next\" href=\"?page=2\"");

        String last = api.get(report + "?page=10").body();
        assertThat(rows(last)).isBetween(1, 500);
        assertThat(last).contains("rel=\"prev\" href=\"?page=9\"").contains("id=\"top\"");
        assertThat(api.get(report + "?page=0").status()).isEqualTo(400);
        assertThat(api.get(report + "?page=99").status()).isEqualTo(400);
    }

    /** Rows of the page's ranking table. */
    private static int rows(String page) {
        String table = page.substring(page.indexOf("<table class=\"ranking\">"), page.indexOf("</table>", page.indexOf("<table class=\"ranking\">")));
        return table.split("<tr data-unit=", -1).length - 1;
    }
}
