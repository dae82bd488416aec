package org.cowarena.client.bench;

import java.util.List;

/** The load benchmarks' percentiles: nearest rank, over sorted nanoseconds, in milliseconds. */
public final class Percentile {
    private Percentile() {
    }

    /** The {@code q} quantile (0 to 1) of {@code sortedNanos} in milliseconds; 0 when there is none. */
    public static double millis(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(q * sortedNanos.length) - 1)] / 1e6;
    }

    /** The same over a sorted list. */
    public static double millis(List<Long> sortedNanos, double q) {
        return millis(sortedNanos.stream().mapToLong(Long::longValue).toArray(), q);
    }
}
