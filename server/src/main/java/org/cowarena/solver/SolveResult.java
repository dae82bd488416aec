package org.cowarena.solver;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cowarena.level.Level;

/**
 * What a search found.
 *
 * @param maxMoves  the longest move sequence it searched
 * @param cutOffs   why it stopped early; empty when the search is complete, and then every
 *                  best is optimal under the level's rules
 * @param states    distinct states kept (a state met again with no better metrics is not)
 * @param expanded  states whose moves were tried
 * @param tried     moves played on a copy of a state, refused ones included
 * @param best      metric name → the best solution for it (fewest moves among equals), in
 *                  the order of {@link Solver#METRICS}; absent when nothing meets the goal
 * @param mostStars the solution with the most stars (fewest moves among equals)
 * @param front     the metrics of the solutions found that no other solution beats on every
 *                  metric (the Pareto front), in the order found
 * @param histograms the distinct solutions by metric value, within the same move limit;
 *                  empty when not counted
 */
public record SolveResult(Level level, int maxMoves, Set<CutOff> cutOffs, long states, long expanded, long tried,
                          Map<String, Solution> best, Optional<Solution> mostStars,
                          List<org.cowarena.level.Metrics> front, Optional<Histograms> histograms) {
    public SolveResult {
        front = List.copyOf(front);
        cutOffs = cutOffs.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(cutOffs));
        best = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(best));
    }

    /** The same result with {@code counted} as its histograms. */
    public SolveResult withHistograms(Histograms counted) {
        return new SolveResult(level, maxMoves, cutOffs, states, expanded, tried, best, mostStars, front,
                Optional.of(counted));
    }

    public boolean complete() {
        return cutOffs.isEmpty();
    }

    /** The distinct solutions named by {@link #best} and {@link #mostStars}, in order of first mention. */
    public List<Solution> solutions() {
        java.util.List<Solution> list = new java.util.ArrayList<>();
        for (Solution s : best.values()) {
            if (!list.contains(s)) {
                list.add(s);
            }
        }
        mostStars.ifPresent(s -> {
            if (!list.contains(s)) {
                list.add(s);
            }
        });
        return List.copyOf(list);
    }
}
