package org.cowarena.solver;

import java.util.Arrays;

/**
 * The states a search has kept, by fingerprint, each with the scores it was reached
 * with that no other score for it beats on every field (a Pareto set): a primitive
 * open-addressing table of (fingerprint, score, node) with linear probing. Scores of
 * one state sit in several slots of the same probe run; a score beaten by a newer one
 * is overwritten or left as a tombstone that keeps the run intact.
 *
 * <p>About 28 bytes a slot and at most {@value #LOAD_PERCENT}% of slots used: some 40
 * bytes a kept state, against the few hundred a map of byte-array keys takes.
 */
final class StateTable {
    static final int LOAD_PERCENT = 70;
    /** A slot no state ever used: the end of a probe run. */
    private static final int EMPTY = -1;
    /** A slot whose score was beaten: it keeps the probe run going. */
    private static final int TOMBSTONE = -2;

    private long[] hi;
    private long[] lo;
    private long[] score;
    private int[] node;
    private int mask;
    /** Slots holding a score or a tombstone. */
    private int used;
    private int size;

    StateTable(int capacity) {
        int slots = Integer.highestOneBit(Math.max(16, capacity * 100 / LOAD_PERCENT) - 1) << 1;
        allocate(slots);
    }

    private void allocate(int slots) {
        hi = new long[slots];
        lo = new long[slots];
        score = new long[slots];
        node = new int[slots];
        Arrays.fill(node, EMPTY);
        mask = slots - 1;
        used = 0;
    }

    /** Scores kept. */
    int size() {
        return size;
    }

    /** Whether some kept score of the state {@code (h, l)} is at most {@code s} on every field. */
    boolean dominated(long h, long l, long s) {
        for (int i = slot(h); node[i] != EMPTY; i = (i + 1) & mask) {
            if (node[i] >= 0 && hi[i] == h && lo[i] == l && Scores.atMost(score[i], s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Keeps score {@code s} of state {@code (h, l)} for node {@code n} unless a kept one is
     * at most it on every field; drops the kept scores it is at most. Returns false when
     * it was not kept; otherwise {@code beaten} is called with each node whose score went.
     */
    boolean offer(long h, long l, long s, int n, java.util.function.IntConsumer beaten) {
        if (dominated(h, l, s)) {
            return false;
        }
        int free = -1;
        int i = slot(h);
        for (; node[i] != EMPTY; i = (i + 1) & mask) {
            if (node[i] == TOMBSTONE) {
                if (free < 0) {
                    free = i;
                }
            } else if (hi[i] == h && lo[i] == l && Scores.atMost(s, score[i])) {
                beaten.accept(node[i]);
                node[i] = TOMBSTONE;
                size--;
                if (free < 0) {
                    free = i;
                }
            }
        }
        if (free < 0) {
            free = i;
            used++;
        }
        hi[free] = h;
        lo[free] = l;
        score[free] = s;
        node[free] = n;
        size++;
        if (used * 100L > (long) (mask + 1) * LOAD_PERCENT) {
            rehash();
        }
        return true;
    }

    private int slot(long h) {
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void rehash() {
        long[] oldHi = hi;
        long[] oldLo = lo;
        long[] oldScore = score;
        int[] oldNode = node;
        // Grow only when live scores fill the table; otherwise clearing tombstones is enough.
        int slots = size * 100L * 2 > (long) (mask + 1) * LOAD_PERCENT ? (mask + 1) * 2 : mask + 1;
        allocate(slots);
        for (int j = 0; j < oldNode.length; j++) {
            if (oldNode[j] >= 0) {
                int i = slot(oldHi[j]);
                while (node[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                hi[i] = oldHi[j];
                lo[i] = oldLo[j];
                score[i] = oldScore[j];
                node[i] = oldNode[j];
                used++;
            }
        }
    }
}
