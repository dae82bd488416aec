package org.cowarena.solver;

import java.util.OptionalInt;

/**
 * How far a search may go.
 *
 * @param maxMoves  the longest move sequence searched; empty: the level's move limit, or
 *                  {@link #DEFAULT_MAX_MOVES} for a level without one
 * @param maxStates the distinct states kept before the search stops
 */
public record SearchLimits(OptionalInt maxMoves, int maxStates) {
    public static final int DEFAULT_MAX_MOVES = 10;
    public static final int DEFAULT_MAX_STATES = 200_000;

    public SearchLimits {
        if (maxMoves.isPresent() && maxMoves.getAsInt() < 0) {
            throw new IllegalArgumentException("the move limit must not be negative, was " + maxMoves.getAsInt());
        }
        if (maxStates < 1) {
            throw new IllegalArgumentException("the state limit must be at least 1, was " + maxStates);
        }
    }

    public static SearchLimits defaults() {
        return new SearchLimits(OptionalInt.empty(), DEFAULT_MAX_STATES);
    }

    public SearchLimits withMaxMoves(int moves) {
        return new SearchLimits(OptionalInt.of(moves), maxStates);
    }

    public SearchLimits withMaxStates(int states) {
        return new SearchLimits(maxMoves, states);
    }
}
