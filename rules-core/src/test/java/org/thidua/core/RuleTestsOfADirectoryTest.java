package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RuleTests#runAll} runs each campaign's rule tests on the thread that compiled it, as soon as it has compiled,
 * while the others still compile (largest first). What it reports is what compiling the directory and then testing
 * each campaign one after another reports: the campaigns in name order, the failing one with its failures, the one
 * that does not compile among the library's problems and untested.
 */
class RuleTestsOfADirectoryTest {
    private static final String CASE = """
            cases:
              - name: có trang là đạt (a page is met)
                reports:
                  - unit: {id: a, name: Phòng Nội vụ, kind: AGENCY}
                    portalPage: true
                expect:
                  - unit: a
                    findings: {PORTAL_PAGE: %s}
                    score: 100
            """;

    /**
     * Three campaigns named in the opposite order of their size, so that they compile (largest first) and most likely
     * finish in another order than their names: {@code a-passes} the smallest, {@code b-fails} with a long comment,
     * {@code c-broken} the largest, whose DRL does not compile.
     */
    private static Path rulesDirectory(Path root) {
        CampaignFolder.in(root, "a-passes", CampaignFolder.UNITS_ONLY_YAML)
                .drl("criteria/portal.drl", CampaignFolder.PORTAL_DRL).tests("portal.yaml", CASE.formatted("MET")).write();
        CampaignFolder.in(root, "b-fails", CampaignFolder.UNITS_ONLY_YAML)
                .drl("criteria/portal.drl", "// " + "một chú thích dài (a long comment) ".repeat(40) + "\n" + CampaignFolder.PORTAL_DRL)
                .tests("portal.yaml", CASE.formatted("NOT_MET")).write();
        CampaignFolder.in(root, "c-broken", CampaignFolder.UNITS_ONLY_YAML)
                .drl("criteria/portal.drl", "// " + "một chú thích dài hơn (a longer comment) ".repeat(80) + "\n"
                        + CampaignFolder.PORTAL_DRL.replace("portalPage != null", "portalPag != null"))
                .tests("portal.yaml", CASE.formatted("MET")).write();
        return root;
    }

    @Test
    void the_reports_are_those_of_the_campaigns_tested_one_after_another_in_name_order(@TempDir Path temp) {
        Path root = rulesDirectory(temp);
        RuleLibrary library = RuleLibrary.load(root);
        List<RuleTests.Report> oneAfterAnother = library.ruleSets().values().stream().map(RuleTests::run).toList();

        for (int round = 0; round < 3; round++) {
            RuleTests.Run run = RuleTests.runAll(root);

            assertThat(run.reports()).isEqualTo(oneAfterAnother);
            assertThat(run.reports()).extracting(RuleTests.Report::campaign).containsExactly("a-passes", "b-fails");
            assertThat(run.reports()).extracting(RuleTests.Report::passed).containsExactly(true, false);
            assertThat(run.reports().get(1).cases()).singleElement().satisfies(c -> assertThat(c.failures())
                    .singleElement().asString().startsWith("a: PORTAL_PAGE cần NOT_MET nhưng là MET"));
            assertThat(run.library().ruleSets().keySet()).containsExactly("a-passes", "b-fails");
            assertThat(run.library().problems()).isEqualTo(library.problems()).containsOnlyKeys("c-broken");
        }
    }
}
