package org.cowarena.solver;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How many distinct solutions reach each value of each metric: the whole space of
 * solutions a player's result can be placed in.
 *
 * <p>A <em>solution</em> is a sequence of moves from the start of play that the level
 * accepts move by move, no longer than the move limit searched, after whose last move
 * the goal holds and after no earlier one (play ends when the goal is first met, as in
 * the game). Two sequences are <em>distinct</em> when they differ in some move, where
 * <ul>
 * <li>writes to the same page that differ only in values no goal on that page tells
 *     apart are the same move (such values count as one: "any other value");</li>
 * <li>a move that changes nothing but the move count — a read of an anonymous page
 *     already mapped, a write of the value a private page already holds, a pass with no actor
 *     left to move, an madvise that sets what is set — is not part of any solution:
 *     padding is not another way to solve a level;</li>
 * <li>a refused move is no move at all.</li>
 * </ul>
 * A read of a mapped page-cache page does count: it makes the page the last one reclaim
 * takes, which can decide what a later allocation reclaims.
 * Processes are not interchangeable here: forking pid 1 or its identical twin pid 2
 * gives two solutions (the search counts one and weighs it twice).
 *
 * @param cutOffs   why the count stopped early; empty when every solution was counted
 * @param solutions distinct solutions counted
 * @param metrics   metric → value → distinct solutions with that value, in the order of
 *                  {@link Solver#METRICS}, values ascending
 */
public record Histograms(Set<CutOff> cutOffs, long solutions, long states, Map<String, SortedMap<Integer, Long>> metrics) {
    public Histograms {
        cutOffs = cutOffs.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(cutOffs));
        Map<String, SortedMap<Integer, Long>> copy = new LinkedHashMap<>();
        metrics.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedMap(new TreeMap<>(v))));
        metrics = Collections.unmodifiableMap(copy);
    }

    public boolean complete() {
        return cutOffs.isEmpty();
    }
}
