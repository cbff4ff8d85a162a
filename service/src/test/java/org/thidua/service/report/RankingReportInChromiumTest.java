package org.thidua.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.EvaluationResult;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.core.Status;

import com.sun.net.httpserver.HttpServer;

/**
 * The ranking report of the example district, served over HTTP on a free port and opened in headless Chromium: what
 * the browser renders is checked, and a screenshot is kept at {@code target/e2e/report.png}.
 *
 * <p>The server is the JDK's own for now; the service's {@code /reports/{campaign}} route replaces it when the
 * service is merged.
 */
class RankingReportInChromiumTest {
    private static final Path SCREENSHOT = Path.of("target", "e2e", "report.png");
    private static final String PATH = "/reports/thach-that-cchc-2021";

    @TempDir
    static Path temp;
    private static HttpServer server;
    private static EvaluationResult result;
    private static HeadlessChromium chromium;
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    @BeforeAll
    static void serve_the_report() throws Exception {
        chromium = HeadlessChromium.find(temp.resolve("profile")).orElse(null);
        Assumptions.assumeTrue(chromium != null, "no chromium binary (looked for $THIDUA_CHROMIUM, /usr/bin/chromium, "
                + "/usr/bin/chromium-browser, /usr/bin/google-chrome): install Debian's chromium (apt-get install -y chromium) "
                + "to run the browser test; .ci/run does");
        RuleSet rules = RuleLibrary.bundled().ruleSet("thach-that-cchc-2021");
        try (var in = Files.newInputStream(Path.of("../examples/data/thach-that-2021.json"))) {
            result = RuleLibrary.bundled().read(in, null).evaluate();
        }
        byte[] page = new RankingReportPage(rules.campaign(), LocalDate.of(2021, 11, 30)).render(result).getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, exchange -> {
            REQUESTS.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void the_browser_renders_the_units_in_ranking_order_with_their_statuses_and_the_chart() throws Exception {
        String before = String.valueOf(REQUESTS.get());
        String dom = chromium.dumpDom(url());

        assertThat(REQUESTS.get()).as("requests served, before: " + before).isGreaterThan(Integer.parseInt(before));
        assertThat(dom).contains("<title>Xếp hạng — Phong trào thi đua \"Cải cách hành chính\" trên địa bàn huyện Thạch Thất năm 2021</title>");

        List<String> rankedUnits = all(dom, "<tr data-unit=\"([^\"]+)\" data-rank=\"\\d+\">");
        List<Integer> ranks = all(dom, "<tr data-unit=\"[^\"]+\" data-rank=\"(\\d+)\">").stream().map(Integer::valueOf).toList();
        assertThat(rankedUnits).hasSize(33).containsExactlyElementsOf(result.ranking().stream().map(e -> e.unitId()).toList());
        assertThat(ranks).isSorted().startsWith(1);
        assertThat(dom).containsPattern("data-rank=\"1\"><td class=\"num\">1</td><td><a href=\"#unit-[^\"]+\">Văn phòng HĐND và UBND huyện</a>");

        for (Status status : Status.values()) {
            long expected = result.evaluations().stream().flatMap(e -> e.findings().stream()).filter(f -> f.status() == status).count();
            assertThat(all(dom, "<td class=\"status " + status + "\" data-criterion").size()).as(status.name()).isEqualTo((int) expected);
        }
        assertThat(dom).contains("<td class=\"status NOT_MET\" data-criterion=\"ON_TIME_DOSSIERS\" data-status=\"NOT_MET\">Không đạt</td>");

        assertThat(dom).contains("<svg id=\"score-chart\"");
        assertThat(all(dom, "<g class=\"bar\" data-unit=\"([^\"]+)\"")).containsExactlyElementsOf(rankedUnits);
        assertThat(dom).contains("UBND thị trấn Liên Quan", "30/11/2021").doesNotContain("<script");
    }

    @Test
    void a_screenshot_of_the_rendered_report_is_kept_under_the_build_directory() throws Exception {
        Files.deleteIfExists(SCREENSHOT);

        chromium.screenshot(url(), SCREENSHOT, 1280, 2000);

        assertThat(SCREENSHOT).exists();
        byte[] png = Files.readAllBytes(SCREENSHOT);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).as("a rendered page, not a blank one").isGreaterThan(50_000);
    }

    private static String url() throws IOException {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
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
