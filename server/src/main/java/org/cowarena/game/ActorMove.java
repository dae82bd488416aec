package org.cowarena.game;

import org.cowarena.kernel.Outcome;
import org.cowarena.move.Move;

/** A move the level's scripted environment made after a player's move. */
public record ActorMove(String actor, Move move, Outcome outcome) {
}
