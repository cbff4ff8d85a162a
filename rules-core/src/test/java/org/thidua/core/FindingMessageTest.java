package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thidua.core.Fixtures.agency;
import static org.thidua.core.Fixtures.findingOf;
import static org.thidua.core.Fixtures.withIndicator;

import org.junit.jupiter.api.Test;

/** A finding explains itself in Vietnamese, its figures written as Vietnamese readers write them (1.520; 99,67%). */
class FindingMessageTest {
    private static final RuleSet JUDGEMENTS = Fixtures.ruleSet("judgements");

    @Test
    void counts_are_grouped_with_dots_and_percentages_use_a_decimal_comma() {
        Finding finding = findingOf(JUDGEMENTS, agency("a").withDossiers(new Dossiers(300, 1215, 5, 0)), "ON_TIME_DOSSIERS");

        assertThat(finding.message()).isEqualTo("5 trong 1.520 hồ sơ trễ hạn (99,67%); tổng 1.520 hồ sơ");
        assertThat(finding.actual()).isEqualTo(0.99671);
    }

    @Test
    void the_target_is_shown_as_a_percentage() {
        Finding finding = findingOf(JUDGEMENTS, agency("a").withSatisfaction(new Satisfaction(200, 191)), "SATISFACTION");

        assertThat(finding.message()).isEqualTo("191/200 hài lòng (95,5%), đạt chỉ tiêu 95%");
    }

    @Test
    void points_are_shown_with_a_decimal_comma() {
        Finding finding = findingOf(JUDGEMENTS, withIndicator(agency("a"), "bonus", "7.5"), "BONUS");

        assertThat(finding.message()).isEqualTo("Được 7,5/10 điểm thưởng");
    }

    @Test
    void a_rule_without_messages_gets_a_default_one_with_its_figure_and_target() {
        Finding finding = findingOf(JUDGEMENTS, withIndicator(agency("a"), "lateShare", "0.0501"), "LATE_SHARE");

        assertThat(finding.message()).isEqualTo("Chưa đạt: 0,0501, chỉ tiêu ≤ 0,05");
    }

    @Test
    void a_finding_names_the_file_and_rule_that_made_it() {
        Finding finding = findingOf(JUDGEMENTS, withIndicator(agency("a"), "lateShare", "0"), "LATE_SHARE");

        assertThat(finding.rule()).isEqualTo("criteria/at-most.drl: LATE_SHARE");
    }
}
