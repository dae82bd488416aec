package org.cowarena.game;

import org.cowarena.kernel.Outcome;
import org.cowarena.move.Move;

/** One move played and what it did. {@code n} counts the moves offered, from 1. */
public record Turn(int n, Move move, Outcome outcome) {
}
