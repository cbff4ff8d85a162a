package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Numbers and dates in the report read as Vietnamese readers write them. */
class VietnameseNumbersTest {
    @Test
    void thousands_are_grouped_with_dots_and_decimals_take_a_comma() {
        assertThat(VietnameseNumbers.count(1520)).isEqualTo("1.520");
        assertThat(VietnameseNumbers.count(1_234_567)).isEqualTo("1.234.567");
        assertThat(VietnameseNumbers.score(66.666667)).isEqualTo("66,67");
        assertThat(VietnameseNumbers.score(100)).isEqualTo("100,00");
    }

    @Test
    void shares_are_percentages_with_at_most_two_decimals() {
        assertThat(VietnameseNumbers.percent(0.99671)).isEqualTo("99,67%");
        assertThat(VietnameseNumbers.percent(0.95)).isEqualTo("95%");
        assertThat(VietnameseNumbers.percent(1)).isEqualTo("100%");
    }

    @Test
    void dates_are_day_month_year() {
        assertThat(VietnameseNumbers.date(LocalDate.of(2021, 11, 30))).isEqualTo("30/11/2021");
        assertThat(VietnameseNumbers.date(LocalDate.of(2021, 4, 1))).isEqualTo("01/04/2021");
    }
}
