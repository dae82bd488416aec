package org.cowarena.race;

import java.util.ArrayList;
import java.util.List;

/**
 * One player's best on one level: per metric the best value of any solved attempt and
 * the moves that achieved it (the first to reach it), the attempt ranked best overall
 * (most stars, then fewest moves, copies, peak frames), and when the level was first solved.
 */
public final class LevelBest {
    private boolean solved;
    private long firstSolvedMillis = -1;
    private final int[] best = new int[RaceLedger.METRICS.size()];
    private final List<List<String>> solutions = new ArrayList<>();
    private List<String> bestSolution = List.of();
    private int[] bestRanked;
    private int attempts;

    LevelBest() {
        for (int i = 0; i < best.length; i++) {
            solutions.add(List.of());
        }
    }

    /** Records a solved attempt; true when any metric (or the overall best) improved. */
    boolean record(int[] result, List<String> moves, long millis) {
        boolean improved = false;
        if (!solved) {
            solved = true;
            firstSolvedMillis = millis;
        }
        for (int m = 0; m < best.length; m++) {
            boolean better = solutions.get(m).isEmpty() || (RaceLedger.higherIsBetter(m)
                    ? result[m] > best[m] : result[m] < best[m]);
            if (better) {
                best[m] = result[m];
                solutions.set(m, List.copyOf(moves));
                improved = true;
            }
        }
        if (bestRanked == null || ranksBefore(result, bestRanked)) {
            bestRanked = result.clone();
            bestSolution = List.copyOf(moves);
            improved = true;
        }
        return improved;
    }

    /** Most stars first, then fewest moves, copies, peak frames. */
    private static boolean ranksBefore(int[] a, int[] b) {
        int stars = RaceLedger.STARS;
        if (a[stars] != b[stars]) {
            return a[stars] > b[stars];
        }
        for (int m = 0; m < a.length; m++) {
            if (m != stars && a[m] != b[m]) {
                return a[m] < b[m];
            }
        }
        return false;
    }

    void attempted() {
        attempts++;
    }

    public boolean solved() {
        return solved;
    }

    /** Race time (milliseconds of running race) at the first solve, or -1. */
    public long firstSolvedMillis() {
        return firstSolvedMillis;
    }

    /** The best value of metric {@code m} (index in {@link RaceLedger#METRICS}), or -1 before a solve. */
    public int best(int m) {
        return solved ? best[m] : -1;
    }

    /** The moves of the first attempt that reached the best value of metric {@code m}. */
    public List<String> solution(int m) {
        return solutions.get(m);
    }

    /** The moves of the attempt ranked best overall. */
    public List<String> bestSolution() {
        return bestSolution;
    }

    public int attempts() {
        return attempts;
    }
}
