/**
 * The solver: a breadth-first search over the moves of a puzzle level that proves the
 * best result per metric, or says where it was cut off. Moves are played through
 * {@link org.cowarena.game.Game}, so the rules and the level's scripted actors exist once.
 *
 * <p>What keeps it small enough to finish: states are kept as 128-bit fingerprints of
 * the kernel's state words in a primitive table ({@link org.cowarena.solver.StateTable}),
 * and the tree as parent indices ({@link org.cowarena.solver.Nodes}), a state being
 * rebuilt by replay when it is expanded; a state reached with no better metrics than
 * before is dropped (dominance); values no goal on a page tells apart are one value;
 * of two interchangeable processes only the first moves; a lower bound on the moves
 * still needed ({@link org.cowarena.solver.MoveBound}) drops states that cannot meet the
 * goal within the limit; and each layer is expanded by all cores, deterministically.
 */
package org.cowarena.solver;
