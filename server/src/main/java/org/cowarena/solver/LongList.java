package org.cowarena.solver;

import java.util.Arrays;

/** A growable list of longs without boxing. */
final class LongList {
    long[] values = new long[64];
    int size;

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }
}
