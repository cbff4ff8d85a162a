package org.thidua.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.Dossiers;
import org.thidua.core.Finding;
import org.thidua.core.RuleSet;
import org.thidua.core.RuleTests;
import org.thidua.core.Unit;
import org.thidua.core.UnitKind;
import org.thidua.core.UnitReport;

/**
 * The 2021 campaign's five criteria are the rows of criteria.csv; hand-written DRL is left only for what a row cannot
 * say (individual criteria, titles). The same rows saved by LibreOffice as XLSX, or written as the list in
 * rules/README.md, compile to the same DRL and pass the campaign's rule tests, unchanged.
 */
class CampaignOf2021AsASheetTest {
    private static final Path CAMPAIGN = Path.of("campaigns/thach-that-cchc-2021");
    private static final Path XLSX = Path.of("src/test/resources/thach-that-cchc-2021/criteria.xlsx");
    private static final String LIST_MARKER = "<!-- criteria-list: thach-that-cchc-2021 -->";

    @TempDir
    Path dir;

    @Test
    void the_criteria_are_rows_of_the_sheet_and_only_what_a_row_cannot_say_is_drl() throws IOException {
        try (Stream<Path> files = Files.walk(CAMPAIGN)) {
            assertThat(files.filter(p -> p.toString().endsWith(".drl")).map(p -> CAMPAIGN.relativize(p).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrder("criteria/members.drl", "titles/collective.drl", "titles/commendation.drl",
                            "titles/individual.drl");
        }
        RuleSet rules = RuleSet.load(CAMPAIGN);

        assertThat(rules.generatedDrl()).containsOnlyKeys("criteria.csv.drl");
        assertThat(rules.campaign().criteria()).extracting(c -> c.id()).containsExactly("SATISFACTION", "ON_TIME_DOSSIERS",
                "FRONTLINE_STAFF_TRAINING", "INDEX_AWARENESS_TRAINING", "PORTAL_PAGE");
        assertThat(rules.campaign().criterion("SATISFACTION").orElseThrow().title())
                .isEqualTo("Mức độ hài lòng của người dân, tổ chức, doanh nghiệp về giải quyết TTHC đạt tối thiểu 95%");
        assertRuleTestsPass(rules);
    }

    @Test
    void results_cite_the_rules_by_the_names_they_had_as_hand_written_drl() {
        RuleSet rules = RuleSet.load(CAMPAIGN);
        UnitReport report = new UnitReport(new Unit("xa-binh-yen", "UBND xã Bình Yên", UnitKind.COMMUNE), null,
                new Dossiers(300, 1215, 5, 0), null, null, null, java.util.Map.of());

        Finding onTime = rules.evaluate(List.of(report)).evaluations().get(0).finding("ON_TIME_DOSSIERS").orElseThrow();

        assertThat(onTime.rule()).isEqualTo("criteria/on-time.drl: ON_TIME_DOSSIERS");
        assertThat(onTime.message()).isEqualTo("5 trong 1.520 hồ sơ trễ hạn");
    }

    @Test
    void the_same_rows_saved_by_libreoffice_as_xlsx_give_the_same_rules() throws IOException {
        Path copy = copyWithout("criteria.csv");
        Files.copy(XLSX, copy.resolve("criteria.xlsx"));

        RuleSet fromXlsx = RuleSet.load(copy);
        RuleSet shipped = RuleSet.load(CAMPAIGN);

        assertThat(fromXlsx.campaign().criteria()).isEqualTo(shipped.campaign().criteria());
        assertThat(body(fromXlsx.generatedDrl().get("criteria.xlsx.drl"), "criteria.xlsx"))
                .isEqualTo(body(shipped.generatedDrl().get("criteria.csv.drl"), "criteria.csv"));
        assertRuleTestsPass(fromXlsx);
    }

    @Test
    void the_list_rules_readme_shows_gives_the_same_drl_and_passes_the_rule_tests() throws IOException {
        Path copy = copyWithout("criteria.csv");
        Files.writeString(copy.resolve("campaign.yaml"), Files.readString(copy.resolve("campaign.yaml")) + "\n" + readmeList(),
                StandardCharsets.UTF_8);

        RuleSet fromList = RuleSet.load(copy);
        RuleSet shipped = RuleSet.load(CAMPAIGN);

        assertThat(fromList.generatedDrl()).containsOnlyKeys("campaign.yaml.drl");
        assertThat(body(fromList.generatedDrl().get("campaign.yaml.drl"), "campaign.yaml"))
                .isEqualTo(body(shipped.generatedDrl().get("criteria.csv.drl"), "criteria.csv"));
        assertThat(fromList.campaign().criteria()).isEqualTo(shipped.campaign().criteria());
        assertRuleTestsPass(fromList);
    }

    /** The yaml block of rules/README.md after its marker: the worked example of the list. */
    static String readmeList() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int marker = readme.indexOf(LIST_MARKER);
        assertThat(marker).as("the marker of the worked example in rules/README.md").isNotNegative();
        int start = readme.indexOf("```yaml\n", marker) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    /** Generated DRL without its first line (which names its source), the source's name in its comments made the same. */
    private static String body(String drl, String source) {
        return drl.substring(drl.indexOf('\n') + 1).replace("// " + source + ": ", "// …: ");
    }

    private Path copyWithout(String left) throws IOException {
        Path copy = dir.resolve("thach-that-cchc-2021");
        try (Stream<Path> files = Files.walk(CAMPAIGN)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = copy.resolve(CAMPAIGN.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals(left)) {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    private static void assertRuleTestsPass(RuleSet rules) {
        RuleTests.Report report = RuleTests.run(rules);
        assertThat(report.problems()).isEmpty();
        assertThat(report.cases()).hasSizeGreaterThanOrEqualTo(30).allSatisfy(c -> assertThat(c.failures()).as(c.name()).isEmpty());
    }
}
