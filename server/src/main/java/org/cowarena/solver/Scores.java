package org.cowarena.solver;

import org.cowarena.game.Game;
import org.cowarena.level.Metrics;

/**
 * A state's score packed into one {@code long}: {@value #FIELDS} fields of
 * {@value #BITS} bits — the {@link Solver#METRICS} in order (moves, copies, frames
 * copied, peak frames, faults, reclaims, major faults), then OOM kills (a goal may
 * forbid any). All of them only grow along a move sequence, which is what makes
 * dominance sound. A puzzle whose metrics pass {@value #MAX} is refused: its boards
 * are far larger than a search could cover anyway.
 */
final class Scores {
    static final int FIELDS = Solver.METRICS.size() + 1;
    static final int BITS = 64 / FIELDS;
    static final int MAX = (1 << BITS) - 1;
    /** Index of the OOM-kill field. */
    static final int OOM_KILLS = FIELDS - 1;

    private Scores() {
    }

    static long of(Game game) {
        Metrics m = game.metrics();
        return pack(m.moves(), m.copies(), m.framesCopied(), m.peakFrames(), m.faults(), m.reclaims(),
                m.majorFaults(), game.kernel().stats().oomKills());
    }

    /** The metrics of a packed score ({@code rejected}: 0, the search keeps no refusal). */
    static Metrics metrics(long score) {
        return new Metrics(get(score, 0), get(score, 1), get(score, 2), get(score, 3), get(score, 4), 0,
                get(score, 5), get(score, 6));
    }

    static long pack(int... fields) {
        long packed = 0;
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] < 0 || fields[i] > MAX) {
                throw new IllegalStateException("a metric of " + fields[i] + " is past what the solver can count ("
                        + MAX + ")");
            }
            packed |= (long) fields[i] << (BITS * i);
        }
        return packed;
    }

    static int get(long score, int field) {
        return (int) (score >>> (BITS * field)) & MAX;
    }

    /** Every one of the first {@code n} fields of {@code a} is at most that of {@code b}. */
    static boolean atMost(long a, long b, int n) {
        for (int i = 0; i < n; i++) {
            int shift = BITS * i;
            if (((a >>> shift) & MAX) > ((b >>> shift) & MAX)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #atMost} on every field. */
    static boolean atMost(long a, long b) {
        return atMost(a, b, FIELDS);
    }
}
