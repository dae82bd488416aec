/**
 * The solver: a breadth-first search over the moves of a puzzle level that finds the
 * best result per metric, or says where it was cut off. Moves are played through
 * {@link org.cowarena.game.Game}, so the rules and the level's scripted actors exist once.
 */
package org.cowarena.solver;
