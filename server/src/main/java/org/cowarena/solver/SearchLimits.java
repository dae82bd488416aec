package org.cowarena.solver;

import java.util.OptionalInt;

/**
 * How far a search may go, and on how many threads.
 *
 * @param maxMoves  the longest move sequence searched; empty: the level's move limit, or
 *                  {@link #DEFAULT_MAX_MOVES} for a level without one
 * @param maxStates the distinct states kept before the search stops
 * @param threads   threads that play moves; the result is the same for any number
 * @param histogramStates the (state, score) pairs the solution count keeps before it
 *                  stops; 0: no count
 */
public record SearchLimits(OptionalInt maxMoves, int maxStates, int threads, int histogramStates) {
    public static final int DEFAULT_MAX_MOVES = 10;
    public static final int DEFAULT_MAX_STATES = 20_000_000;
    public static final int DEFAULT_HISTOGRAM_STATES = 5_000_000;

    public SearchLimits {
        if (maxMoves.isPresent() && maxMoves.getAsInt() < 0) {
            throw new IllegalArgumentException("the move limit must not be negative, was " + maxMoves.getAsInt());
        }
        if (maxStates < 1) {
            throw new IllegalArgumentException("the state limit must be at least 1, was " + maxStates);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("at least 1 thread, was " + threads);
        }
        if (histogramStates < 0) {
            throw new IllegalArgumentException("the histogram state limit must not be negative, was "
                    + histogramStates);
        }
    }

    public SearchLimits(OptionalInt maxMoves, int maxStates) {
        this(maxMoves, maxStates, Runtime.getRuntime().availableProcessors(), DEFAULT_HISTOGRAM_STATES);
    }

    public static SearchLimits defaults() {
        return new SearchLimits(OptionalInt.empty(), DEFAULT_MAX_STATES);
    }

    public SearchLimits withMaxMoves(int moves) {
        return new SearchLimits(OptionalInt.of(moves), maxStates, threads, histogramStates);
    }

    public SearchLimits withMaxStates(int states) {
        return new SearchLimits(maxMoves, states, threads, histogramStates);
    }

    public SearchLimits withThreads(int count) {
        return new SearchLimits(maxMoves, maxStates, count, histogramStates);
    }

    /** 0: no histograms. */
    public SearchLimits withHistogramStates(int states) {
        return new SearchLimits(maxMoves, maxStates, threads, states);
    }
}
