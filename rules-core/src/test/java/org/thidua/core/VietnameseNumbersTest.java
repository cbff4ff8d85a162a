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
    void a_share_of_counts_is_rounded_once_from_the_counts() {
        // 1507/1520 = 0,99144736…: rounded once 99,14%; through the 5-decimal share 0,99145 it would read 99,15%
        assertThat(VietnameseNumbers.percent(1507, 1520)).isEqualTo("99,14%");
        assertThat(VietnameseNumbers.percent(0.99145)).isEqualTo("99,15%");
        assertThat(VietnameseNumbers.percent(1515, 1520)).isEqualTo("99,67%");
        assertThat(VietnameseNumbers.percent(1520, 1520)).isEqualTo("100%");
        assertThat(VietnameseNumbers.percent(0, 1520)).isEqualTo("0%");
    }

    @Test
    void half_way_rounds_up_at_display() {
        assertThat(VietnameseNumbers.percent(18_999, 20_000)).as("94,995%").isEqualTo("95%");
        assertThat(VietnameseNumbers.percent(0.94995)).isEqualTo("95%");
        assertThat(VietnameseNumbers.percent(189_989, 200_000)).as("94,9945%").isEqualTo("94,99%");
        assertThat(VietnameseNumbers.percent(199_999, 200_000)).as("99,9995%").isEqualTo("100%");
        assertThat(VietnameseNumbers.percent(0.999995)).isEqualTo("100%");
        assertThat(VietnameseNumbers.percent(9_999_452, 10_000_000)).as("99,99452%").isEqualTo("99,99%");
        assertThat(VietnameseNumbers.percent(0.99995)).as("the same share rounded first to 5 decimals").isEqualTo("100%");
        assertThat(VietnameseNumbers.score(94.995)).isEqualTo("95,00");
        assertThat(VietnameseNumbers.points(2.125)).isEqualTo("2,13");
    }

    @Test
    void points_drop_trailing_zeros_and_integers_have_no_decimals() {
        assertThat(VietnameseNumbers.points(9.3)).isEqualTo("9,3");
        assertThat(VietnameseNumbers.points(9.30)).isEqualTo("9,3");
        assertThat(VietnameseNumbers.points(15)).isEqualTo("15");
        assertThat(VietnameseNumbers.points(12.75)).isEqualTo("12,75");
        assertThat(VietnameseNumbers.points(0)).isEqualTo("0");
        assertThat(VietnameseNumbers.number(1520)).isEqualTo("1.520");
        assertThat(VietnameseNumbers.number(2.5)).isEqualTo("2,5");
    }

    @Test
    void dates_are_day_month_year() {
        assertThat(VietnameseNumbers.date(LocalDate.of(2021, 11, 30))).isEqualTo("30/11/2021");
        assertThat(VietnameseNumbers.date(LocalDate.of(2021, 4, 1))).isEqualTo("01/04/2021");
    }
}
