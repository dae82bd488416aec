package org.cowarena.solver;

import java.util.Arrays;

/**
 * One layer of the solution count: each distinct (state, score) met at this length,
 * numbered in the order first met, with the node that reached it first and the number of
 * move sequences that reach it. A primitive open-addressing map.
 */
final class LayerTable {
    private long[] hi = new long[64];
    private long[] lo = new long[64];
    private long[] score = new long[64];
    private int[] node = new int[64];
    private long[] count = new long[64];
    private int size;
    private int[] slots = new int[128];

    LayerTable() {
        Arrays.fill(slots, -1);
    }

    int size() {
        return size;
    }

    int node(int i) {
        return node[i];
    }

    long count(int i) {
        return count[i];
    }

    /** The entry of {@code (h, l, s)}, or -1. */
    int find(long h, long l, long s) {
        int mask = slots.length - 1;
        for (int i = slot(h, s, mask); slots[i] >= 0; i = (i + 1) & mask) {
            int e = slots[i];
            if (hi[e] == h && lo[e] == l && score[e] == s) {
                return e;
            }
        }
        return -1;
    }

    /** Adds {@code (h, l, s)}, which must be absent, reached first by node {@code n}; returns its entry. */
    int add(long h, long l, long s, int n) {
        if (size == hi.length) {
            int grown = size * 2;
            hi = Arrays.copyOf(hi, grown);
            lo = Arrays.copyOf(lo, grown);
            score = Arrays.copyOf(score, grown);
            node = Arrays.copyOf(node, grown);
            count = Arrays.copyOf(count, grown);
        }
        hi[size] = h;
        lo[size] = l;
        score[size] = s;
        node[size] = n;
        if ((size + 1) * 2 > slots.length) {
            slots = new int[slots.length * 2];
            Arrays.fill(slots, -1);
            for (int e = 0; e < size; e++) {
                place(e);
            }
        }
        place(size);
        return size++;
    }

    /** Adds {@code more} sequences to entry {@code e}; false when the count no longer fits a long. */
    boolean add(int e, long more) {
        long sum = count[e] + more;
        if (sum < 0) {
            return false;
        }
        count[e] = sum;
        return true;
    }

    private void place(int e) {
        int mask = slots.length - 1;
        int i = slot(hi[e], score[e], mask);
        while (slots[i] >= 0) {
            i = (i + 1) & mask;
        }
        slots[i] = e;
    }

    private static int slot(long h, long s, int mask) {
        long x = h ^ (s * 0x9E3779B97F4A7C15L);
        return (int) (x ^ (x >>> 32)) & mask;
    }
}
