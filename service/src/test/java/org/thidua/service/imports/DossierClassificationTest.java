package org.thidua.service.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** How one dossier counts, at each edge of the rules in docs/imports.md. */
class DossierClassificationTest {
    private static final Period YEAR_2021 = Period.parse("2021");
    private static final LocalDate RECEIVED = LocalDate.of(2021, 3, 1);        // a Monday
    private static final LocalDate DUE_WEDNESDAY = LocalDate.of(2021, 3, 10);
    private static final LocalDate DUE_SATURDAY = LocalDate.of(2021, 3, 13);
    private static final LocalDate DUE_SUNDAY = LocalDate.of(2021, 3, 14);

    @Test
    void returned_on_the_due_day_is_on_time() {
        assertThat(outcome(DUE_WEDNESDAY, DUE_WEDNESDAY)).isEqualTo(DossierOutcome.ON_TIME);
    }

    @Test
    void returned_the_day_before_the_due_day_is_early() {
        assertThat(outcome(DUE_WEDNESDAY, DUE_WEDNESDAY.minusDays(1))).isEqualTo(DossierOutcome.EARLY);
    }

    @Test
    void returned_the_day_after_the_due_day_is_late() {
        assertThat(outcome(DUE_WEDNESDAY, DUE_WEDNESDAY.plusDays(1))).isEqualTo(DossierOutcome.LATE);
    }

    @Test
    void a_due_date_on_a_saturday_runs_to_the_monday_after() {
        assertThat(outcome(DUE_SATURDAY, DUE_SATURDAY.minusDays(1))).isEqualTo(DossierOutcome.EARLY);
        assertThat(outcome(DUE_SATURDAY, DUE_SATURDAY)).isEqualTo(DossierOutcome.ON_TIME);
        assertThat(outcome(DUE_SATURDAY, DUE_SATURDAY.plusDays(2))).isEqualTo(DossierOutcome.ON_TIME);
        assertThat(outcome(DUE_SATURDAY, DUE_SATURDAY.plusDays(3))).isEqualTo(DossierOutcome.LATE);
    }

    @Test
    void a_due_date_on_a_sunday_runs_to_the_monday_after() {
        assertThat(outcome(DUE_SUNDAY, DUE_SUNDAY.plusDays(1))).isEqualTo(DossierOutcome.ON_TIME);
        assertThat(outcome(DUE_SUNDAY, DUE_SUNDAY.plusDays(2))).isEqualTo(DossierOutcome.LATE);
    }

    @Test
    void still_open_at_the_end_of_the_period_and_past_due_is_overdue_in_progress() {
        assertThat(outcome(DUE_WEDNESDAY, null)).isEqualTo(DossierOutcome.OVERDUE_IN_PROGRESS);
    }

    @Test
    void open_and_due_on_the_last_day_of_the_period_is_overdue_but_due_the_day_after_is_not_yet_due() {
        LocalDate lastDay = LocalDate.of(2021, 12, 31);   // a Friday
        assertThat(DossierOutcome.of(new DossierRecord("u", "1", RECEIVED, lastDay, null), YEAR_2021))
                .isEqualTo(DossierOutcome.OVERDUE_IN_PROGRESS);
        assertThat(DossierOutcome.of(new DossierRecord("u", "1", RECEIVED, lastDay.plusDays(1), null), YEAR_2021))
                .isEqualTo(DossierOutcome.NOT_DUE_YET);
    }

    @Test
    void a_dossier_returned_after_the_period_counts_as_it_stood_at_the_end_of_the_period() {
        Period toNovember = Period.parse("2021-01-01..2021-11-30");
        LocalDate dueInNovember = LocalDate.of(2021, 11, 26);
        assertThat(DossierOutcome.of(new DossierRecord("u", "1", RECEIVED, dueInNovember, LocalDate.of(2021, 12, 2)), toNovember))
                .isEqualTo(DossierOutcome.OVERDUE_IN_PROGRESS);
    }

    @Test
    void returned_before_the_period_or_received_after_it_is_not_counted() {
        Period second = Period.parse("2021-04-01..2021-06-30");
        assertThat(DossierOutcome.of(new DossierRecord("u", "1", RECEIVED, DUE_WEDNESDAY, DUE_WEDNESDAY), second))
                .isEqualTo(DossierOutcome.OUTSIDE_PERIOD);
        assertThat(DossierOutcome.of(new DossierRecord("u", "1", LocalDate.of(2021, 7, 1), LocalDate.of(2021, 7, 5), null), second))
                .isEqualTo(DossierOutcome.OUTSIDE_PERIOD);
    }

    private static DossierOutcome outcome(LocalDate due, LocalDate returned) {
        return DossierOutcome.of(new DossierRecord("xa-a", "HS-1", RECEIVED, due, returned), YEAR_2021);
    }
}
