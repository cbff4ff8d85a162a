package org.thidua.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.EvaluationResult;
import org.thidua.core.RuleLibrary;
import org.thidua.core.Status;
import org.thidua.service.ServeProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ranking report as the service serves it: a real {@code thidua serve} process (free port, SQLite file in a
 * temp dir, seeded with the example district) is asked for {@code /reports/{campaign}} by headless Chromium; what
 * the browser renders is checked against the service's own ranking, and a screenshot is kept at
 * {@code target/e2e/report.png}.
 */
class RankingReportInChromiumTest {
    private static final Path SCREENSHOT = Path.of("target", "e2e", "report.png");
    private static final String CAMPAIGN = "thach-that-cchc-2021";
    private static final Path EXAMPLE = Path.of("../examples/data/thach-that-2021.json");

    @TempDir
    static Path temp;
    private static ServeProcess serve;
    private static HeadlessChromium chromium;
    private static List<String> ranking;
    private static EvaluationResult example;

    @BeforeAll
    static void serve_the_example_district() throws Exception {
        chromium = HeadlessChromium.find(temp.resolve("profile")).orElse(null);
        Assumptions.assumeTrue(chromium != null, "no chromium binary (looked for $THIDUA_CHROMIUM, /usr/bin/chromium, "
                + "/usr/bin/chromium-browser, /usr/bin/google-chrome): install Debian's chromium (apt-get install -y chromium) "
                + "to run the browser test; .ci/run does");
        serve = ServeProcess.start(temp.resolve("thidua.db"), temp.resolve("serve.log"), "--seed", EXAMPLE.toString());
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/api/v1/campaigns/" + CAMPAIGN + "/ranking"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        ranking = new ArrayList<>();
        new ObjectMapper().readTree(answer.body()).get("units").forEach(u -> ranking.add(u.get("unitId").asText()));
        try (var in = Files.newInputStream(EXAMPLE)) {
            example = RuleLibrary.bundled().read(in, null).evaluate();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    void the_browser_renders_the_units_in_the_services_ranking_order_with_their_statuses_and_the_chart() throws Exception {
        String dom = chromium.dumpDom(url("/reports/" + CAMPAIGN).toString());

        assertThat(dom).contains("<title>Xếp hạng — Phong trào thi đua \"Cải cách hành chính\" trên địa bàn huyện Thạch Thất năm 2021</title>");
        List<String> rankedUnits = all(dom, "<tr data-unit=\"([^\"]+)\" data-rank=\"\\d+\">");
        List<Integer> ranks = all(dom, "<tr data-unit=\"[^\"]+\" data-rank=\"(\\d+)\">").stream().map(Integer::valueOf).toList();
        assertThat(ranking).hasSize(33);
        assertThat(rankedUnits).containsExactlyElementsOf(ranking);
        assertThat(ranks).isSorted().startsWith(1);
        assertThat(dom).containsPattern("data-rank=\"1\"><td class=\"num\">1</td><td><a href=\"#unit-[^\"]+\">Văn phòng HĐND và UBND huyện</a>");

        for (Status status : Status.values()) {
            long expected = example.evaluations().stream().flatMap(e -> e.findings().stream()).filter(f -> f.status() == status).count();
            assertThat(all(dom, "<td class=\"status " + status + "\" data-criterion").size()).as(status.name()).isEqualTo((int) expected);
        }
        assertThat(dom).contains("<td class=\"status NOT_MET\" data-criterion=\"ON_TIME_DOSSIERS\" data-status=\"NOT_MET\">Không đạt</td>");

        assertThat(dom).contains("<svg id=\"score-chart\"");
        assertThat(all(dom, "<g class=\"bar\" data-unit=\"([^\"]+)\"")).containsExactlyElementsOf(rankedUnits);
        assertThat(dom).contains("UBND thị trấn Liên Quan", "Kỳ đánh giá: 01/01/2021 – 30/11/2021").doesNotContain("<script");
    }

    @Test
    void a_screenshot_of_the_served_report_is_kept_under_the_build_directory() throws Exception {
        Files.deleteIfExists(SCREENSHOT);

        chromium.screenshot(url("/reports/" + CAMPAIGN).toString(), SCREENSHOT, 1280, 2000);

        assertThat(SCREENSHOT).exists();
        byte[] png = Files.readAllBytes(SCREENSHOT);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).as("a rendered page, not a blank one").isGreaterThan(50_000);
    }

    private static URI url(String path) {
        return serve.uri().resolve(path);
    }

    private static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.groupCount() > 0 ? m.group(1) : m.group());
        }
        return found;
    }
}
