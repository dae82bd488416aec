package org.cowarena.game;

import java.util.List;
import org.cowarena.kernel.Outcome;
import org.cowarena.move.Move;

/**
 * One move played and what it did, followed by the moves the level's actors made in
 * answer. {@code n} counts the moves offered, from 1.
 */
public record Turn(int n, Move move, Outcome outcome, List<ActorMove> actors) {
    public Turn {
        actors = List.copyOf(actors);
    }

    public Turn(int n, Move move, Outcome outcome) {
        this(n, move, outcome, List.of());
    }
}
