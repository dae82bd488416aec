package org.cowarena.solver;

import java.util.Arrays;

/** A growable list of ints without boxing. */
final class IntList {
    int[] values = new int[64];
    int size;

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }
}
