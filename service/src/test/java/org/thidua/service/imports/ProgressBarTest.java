package org.thidua.service.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The progress bar's line: a bar and a percentage when the size is known, the row count always. */
class ProgressBarTest {
    @Test
    void a_known_fraction_draws_a_bar_with_a_percentage_and_the_rows_in_vietnamese_digits() {
        assertThat(ProgressBar.line("hoso.csv", 450_000, 0.45))
                .isEqualTo("hoso.csv [##############................]  45% 450.000 dòng");
    }

    @Test
    void an_unknown_fraction_shows_only_the_rows() {
        assertThat(ProgressBar.line("hoso.xlsx", 1_234, -1)).isEqualTo("hoso.xlsx 1.234 dòng");
    }
}
