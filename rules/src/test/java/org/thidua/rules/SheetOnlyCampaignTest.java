package org.thidua.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.RuleSet;
import org.thidua.core.RuleTests;

/**
 * The provincial commune index (chi-so-cchc-xa-2025) is a sheet and nothing else: no hand-written DRL. Its rule tests
 * pass from the XLSX LibreOffice saved (as shipped) and from the CSV it was made from.
 */
class SheetOnlyCampaignTest {
    private static final Path CAMPAIGN = Path.of("campaigns/chi-so-cchc-xa-2025");
    private static final Path CSV = Path.of("src/test/resources/chi-so-cchc-xa-2025/criteria.csv");

    @TempDir
    Path dir;

    @Test
    void the_campaign_has_no_hand_written_drl() throws IOException {
        try (Stream<Path> files = Files.walk(CAMPAIGN)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".drl"))
                    .contains("criteria.xlsx", "campaign.yaml");
        }
    }

    @Test
    void its_rule_tests_pass_from_the_xlsx_libreoffice_saved() {
        RuleSet rules = RuleSet.load(CAMPAIGN);
        RuleTests.Report report = RuleTests.run(rules);

        assertThat(rules.campaign().criteria()).hasSize(10);
        assertThat(rules.campaign().criteria().stream().filter(c -> !c.isBonusOrPenalty()).mapToDouble(c -> c.points()).sum())
                .isEqualTo(100);
        assertThat(report.problems()).isEmpty();
        assertThat(report.cases()).hasSizeGreaterThanOrEqualTo(6).allSatisfy(c -> assertThat(c.failures()).as(c.name()).isEmpty());
    }

    @Test
    void its_rule_tests_pass_from_the_csv_it_was_made_from() throws IOException {
        Path copy = dir.resolve("chi-so-cchc-xa-2025");
        try (Stream<Path> files = Files.walk(CAMPAIGN)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = copy.resolve(CAMPAIGN.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("criteria.xlsx")) {
                    Files.copy(file, target);
                }
            }
        }
        Files.copy(CSV, copy.resolve("criteria.csv"));

        RuleSet fromCsv = RuleSet.load(copy);
        RuleTests.Report report = RuleTests.run(fromCsv);

        assertThat(fromCsv.campaign().criteria()).isEqualTo(RuleSet.load(CAMPAIGN).campaign().criteria());
        assertThat(report.problems()).isEmpty();
        assertThat(report.cases()).allSatisfy(c -> assertThat(c.failures()).as(c.name()).isEmpty());
    }
}
