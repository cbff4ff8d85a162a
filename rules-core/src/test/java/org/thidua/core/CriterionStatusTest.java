package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thidua.core.Fixtures.agency;
import static org.thidua.core.Fixtures.findingOf;
import static org.thidua.core.Fixtures.withIndicator;

import org.junit.jupiter.api.Test;

/**
 * Whether a criterion is met compares counts exactly (part ≥ target × whole), never rounded percentages; nothing to
 * count is vacuously met unless the rule says it is no data; a figure not reported is no data.
 */
class CriterionStatusTest {
    private static final RuleSet JUDGEMENTS = Fixtures.ruleSet("judgements");

    private static Finding satisfaction(long surveyed, long satisfied) {
        return findingOf(JUDGEMENTS, agency("a").withSatisfaction(new Satisfaction(surveyed, satisfied)), "SATISFACTION");
    }

    private static Finding onTime(Dossiers dossiers) {
        return findingOf(JUDGEMENTS, agency("a").withDossiers(dossiers), "ON_TIME_DOSSIERS");
    }

    @Test
    void nine_thousand_four_hundred_ninety_nine_satisfied_in_ten_thousand_is_below_95_percent() {
        Finding finding = satisfaction(10_000, 9_499);

        assertThat(finding.status()).isEqualTo(Status.NOT_MET);
        assertThat(finding.actual()).isEqualTo(0.9499);
        assertThat(finding.target()).isEqualTo(0.95);
        assertThat(finding.points()).isZero();
    }

    @Test
    void exactly_95_percent_satisfied_is_met() {
        assertThat(satisfaction(10_000, 9_500).status()).isEqualTo(Status.MET);
        assertThat(satisfaction(20, 19).status()).isEqualTo(Status.MET);
    }

    @Test
    void a_share_just_below_95_percent_is_not_met_even_when_it_shows_as_95_percent() {
        Finding finding = satisfaction(2_147_483_647L, 2_040_109_464L);

        assertThat(finding.status()).isEqualTo(Status.NOT_MET);
        assertThat(finding.message()).contains("(95%)");
    }

    @Test
    void one_late_dossier_in_a_hundred_thousand_is_not_met() {
        Finding finding = onTime(new Dossiers(40_000, 59_999, 1, 0));

        assertThat(finding.status()).isEqualTo(Status.NOT_MET);
        assertThat(finding.points()).isZero();
    }

    @Test
    void at_most_is_met_at_the_target_and_not_above_it() {
        assertThat(findingOf(JUDGEMENTS, withIndicator(agency("a"), "lateShare", "0.05"), "LATE_SHARE").status())
                .isEqualTo(Status.MET);
        assertThat(findingOf(JUDGEMENTS, withIndicator(agency("a"), "lateShare", "0.0501"), "LATE_SHARE").status())
                .isEqualTo(Status.NOT_MET);
    }

    @Test
    void a_share_with_nothing_to_count_is_vacuously_met_with_full_points() {
        Finding finding = onTime(new Dossiers(0, 0, 0, 0));

        assertThat(finding.status()).isEqualTo(Status.MET);
        assertThat(finding.points()).isEqualTo(10);
        assertThat(finding.actual()).isNull();
    }

    @Test
    void a_share_that_says_no_data_when_empty_is_no_data_with_nothing_to_count() {
        Finding finding = satisfaction(0, 0);

        assertThat(finding.status()).isEqualTo(Status.NO_DATA);
        assertThat(finding.points()).isZero();
        assertThat(finding.maxPoints()).isEqualTo(10);
        assertThat(finding.message()).isEqualTo("Chưa khảo sát được ai");
    }

    @Test
    void a_condition_not_reported_is_no_data_and_a_reported_one_is_met_or_not() {
        assertThat(findingOf(JUDGEMENTS, agency("a"), "PORTAL_PAGE").status()).isEqualTo(Status.NO_DATA);
        assertThat(findingOf(JUDGEMENTS, agency("a").withPortalPage(true), "PORTAL_PAGE").status()).isEqualTo(Status.MET);
        assertThat(findingOf(JUDGEMENTS, agency("a").withPortalPage(false), "PORTAL_PAGE").status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void a_measure_not_reported_is_no_data_from_campaign_yaml() {
        Finding finding = findingOf(JUDGEMENTS, agency("a"), "SATISFACTION");

        assertThat(finding.status()).isEqualTo(Status.NO_DATA);
        assertThat(finding.rule()).isEqualTo("campaign.yaml: SATISFACTION");
    }
}
