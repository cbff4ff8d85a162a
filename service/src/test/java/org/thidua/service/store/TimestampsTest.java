package org.thidua.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The stored form of an instant reads back as the instant it was written from, whatever its digits. */
class TimestampsTest {
    @Test
    void what_is_written_reads_back_as_the_same_instant() {
        Random random = new Random(17);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(Instant.parse("2400-01-01T00:00:00Z").toEpochMilli()));
            assertThat(Timestamps.parse(Timestamps.format(instant))).isEqualTo(instant);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(Timestamps.parse(Timestamps.format(now))).isEqualTo(now);
        assertThat(Timestamps.parse("2026-11-30T23:45:00.007Z")).isEqualTo(Instant.parse("2026-11-30T23:45:00.007Z"));
        assertThat(Timestamps.parse("2024-02-29T00:00:00.000Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
    }

    @Test
    void any_other_text_reads_as_the_formatter_reads_it() {
        assertThat(Timestamps.parse("2026-02-30T00:00:00.000Z")).isEqualTo(Instant.parse("2026-02-28T00:00:00Z"));
        assertThat(Timestamps.parse("2026-11-30T24:00:00.000Z")).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThatThrownBy(() -> Timestamps.parse("2026-1x-30T00:00:00.000Z")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Timestamps.parse("2026-11-30 23:45:00")).isInstanceOf(DateTimeException.class);
    }
}
