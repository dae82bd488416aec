package org.cowarena.client.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The benchmarks' percentile is the nearest rank: the smallest value with at least q of them at or below it. */
class PercentileTest {
    @Test
    void nearestRankInMilliseconds() {
        long[] hundred = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).toArray();
        assertThat(Percentile.millis(hundred, 0.50)).isEqualTo(50.0);
        assertThat(Percentile.millis(hundred, 0.99)).isEqualTo(99.0);
        assertThat(Percentile.millis(hundred, 1.0)).isEqualTo(100.0);
        assertThat(Percentile.millis(new long[] {3_000_000}, 0.99)).isEqualTo(3.0);
        assertThat(Percentile.millis(List.of(1_000_000L, 2_000_000L, 4_000_000L), 0.5)).isEqualTo(2.0);
        assertThat(Percentile.millis(new long[0], 0.99)).as("nothing measured").isZero();
    }
}
