package org.thidua.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.Campaign;
import org.thidua.core.RuleLibrary;
import org.thidua.service.ServeProcess;

/**
 * The page staff open after saving a rule file, {@code /campaigns/{id}}, as a real {@code thidua serve} process serves it
 * and headless Chromium builds it: the plan's targets for the whole area come out as rows of their own table, in the
 * campaign's order, with their Vietnamese titles and levels intact.
 */
class CampaignPageInChromiumTest {
    private static final String CAMPAIGN = "thach-that-cchc-2021";

    @TempDir
    static Path temp;
    private static ServeProcess serve;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void serve() throws Exception {
        chromium = HeadlessChromium.required(temp.resolve("profile"));
        serve = ServeProcess.start(temp.resolve("thidua.db"), temp.resolve("serve.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    void the_area_targets_are_rows_of_their_own_table_in_the_campaigns_order() throws Exception {
        String dom = chromium.dumpDom(serve.uri().resolve("/campaigns/" + CAMPAIGN).toString());

        Matcher section = Pattern.compile("<section id=\"area\">(.*?)</section>", Pattern.DOTALL).matcher(dom);
        assertThat(section.find()).as("the area section in the rendered page").isTrue();
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr><td><code>([A-Z_]+)</code></td><td>([^<]+)</td><td class=\"num\">([^<]+)</td></tr>")
                .matcher(section.group(1));
        while (row.find()) {
            rows.add(row.group(1) + " | " + row.group(2) + " | " + row.group(3));
        }
        List<String> expected = new ArrayList<>();
        for (Campaign.AreaTarget target : RuleLibrary.bundled().ruleSet(CAMPAIGN).campaign().area()) {
            expected.add(target.criterion() + " | " + target.title() + " | "
                    + target.target().movePointRight(2).stripTrailingZeros().toPlainString() + "%");
        }
        assertThat(expected).hasSize(5);
        assertThat(rows).containsExactlyElementsOf(expected);
        assertThat(section.group(1)).contains("<h2>Chỉ tiêu chung của địa bàn</h2>");
    }
}
