package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A quota is {@code floor(share × base)}, computed exactly: below one official it is none. */
class QuotaRoundingTest {
    @ParameterizedTest(name = "15% of {0} is {1}")
    @CsvSource({"0, 0", "1, 0", "6, 0", "7, 1", "12, 1", "13, 1", "14, 2", "20, 3", "100, 15", "101, 15"})
    void fifteen_percent_is_rounded_down(long base, long quota) {
        assertThat(TitleJudgement.quota(0.15, base)).isEqualTo(quota);
    }
}
