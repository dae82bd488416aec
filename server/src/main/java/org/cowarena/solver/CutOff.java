package org.cowarena.solver;

/** Why a search stopped before it had tried everything the level allows. */
public enum CutOff {
    /** The state limit was reached: the search stopped where it was. */
    STATES,
    /**
     * Move sequences reached the move limit of the search while the level allows longer
     * ones (it has no move limit, or a higher one).
     */
    MOVES,
    /**
     * The Java heap ran out: the search stopped where it was. Unlike the other limits this
     * depends on the machine (java -Xmx), not only on the level and the options.
     */
    MEMORY,
    /** Solutions were counted past what a {@code long} holds: the histograms stop there. */
    COUNT
}
