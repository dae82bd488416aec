package org.cowarena.solver;

/** Why a search stopped before it had tried everything the level allows. */
public enum CutOff {
    /** The state limit was reached: the search stopped where it was. */
    STATES,
    /**
     * Move sequences reached the move limit of the search while the level allows longer
     * ones (it has no move limit, or a higher one).
     */
    MOVES
}
