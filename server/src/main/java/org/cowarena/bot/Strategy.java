package org.cowarena.bot;

import org.cowarena.game.Game;
import org.cowarena.move.Move;

/** Picks a move for the seat {@code owner}. Never changes {@code game}: it tries moves on copies. */
public interface Strategy {
    String name();

    Move choose(Game game, String owner);
}
