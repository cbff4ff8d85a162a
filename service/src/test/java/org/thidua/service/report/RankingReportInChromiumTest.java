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
 * the browser renders is checked against the service's own ranking; on a 390 px phone the page never scrolls sideways
 * and no grade badge is cut; printed, it is A4. Screenshots (desktop, phone) and the PDF are kept under
 * {@code target/e2e/} as build artifacts.
 */
class RankingReportInChromiumTest {
    private static final Path E2E = Path.of("target", "e2e");
    private static final Path SCREENSHOT = E2E.resolve("report.png");
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
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
        chromium = HeadlessChromium.required(temp.resolve("profile"));
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

    @Test
    void on_a_390_px_phone_the_page_never_scrolls_sideways_and_no_grade_badge_is_cut() throws Exception {
        Path phone = phoneFrameAroundTheServedReport();

        JsonNode measured = new ObjectMapper().readTree(one(chromium.dumpDomOfLocalPage(phone), "data-phone=\"([^\"]+)\"")
                .replace("&quot;", "\"").replace("&amp;", "&"));

        assertThat(measured.get("innerWidth").asInt()).isEqualTo(PHONE_WIDTH);
        assertThat(measured.get("scrollWidth").asInt()).as("the page's width on a phone").isLessThanOrEqualTo(PHONE_WIDTH);
        assertThat(measured.get("badges").asInt()).isEqualTo(33 + 4);
        assertThat(measured.get("cutBadges")).as("grade badges cut off or outside the screen").isEmpty();
        for (String section : List.of("ranking", "matrix", "findings")) {
            Path png = E2E.resolve("report-phone-" + section + ".png");
            Files.deleteIfExists(png);
            chromium.screenshotOfLocalPage(phone.toUri() + "?at=" + section, png, 500, PHONE_HEIGHT);
            assertThat(Files.size(png)).as(section).isGreaterThan(20_000);
        }
    }

    @Test
    void printed_the_report_is_a_few_a4_pages() throws Exception {
        Path pdf = E2E.resolve("report-a4.pdf");
        Files.deleteIfExists(pdf);

        chromium.printToPdf(url("/reports/" + CAMPAIGN).toString(), pdf);

        String text = new String(Files.readAllBytes(pdf), java.nio.charset.StandardCharsets.ISO_8859_1);
        List<String> pages = all(text, "/MediaBox \\[0 0 ([0-9.]+ [0-9.]+)]");
        assertThat(pages).as("pages").hasSizeBetween(2, 40).allSatisfy(size -> {
            String[] wh = size.split(" ");
            assertThat(Double.parseDouble(wh[0]) * 25.4 / 72).as("width in mm").isCloseTo(210, org.assertj.core.data.Offset.offset(1.0));
            assertThat(Double.parseDouble(wh[1]) * 25.4 / 72).as("height in mm").isCloseTo(297, org.assertj.core.data.Offset.offset(1.0));
        });
    }

    /** The report as served, beside {@code e2e/phone.html}: a 390 px frame that measures the page it shows. */
    private static Path phoneFrameAroundTheServedReport() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("phone"));
        HttpResponse<byte[]> report = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/reports/" + CAMPAIGN))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(report.statusCode()).isEqualTo(200);
        Files.write(folder.resolve("report.html"), report.body());
        try (var frame = RankingReportInChromiumTest.class.getResourceAsStream("/e2e/phone.html")) {
            Files.write(folder.resolve("phone.html"), frame.readAllBytes());
        }
        return folder.resolve("phone.html");
    }

    private static String one(String text, String regex) {
        List<String> found = all(text, regex);
        assertThat(found).as(regex).hasSize(1);
        return found.get(0);
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
