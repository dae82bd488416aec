package org.cowarena.bot;

import java.util.Random;
import org.cowarena.game.Game;
import org.cowarena.move.Move;

/** Any legal move, picked at random (seeded): the baseline opponent and the fuzzer of games. */
public final class RandomLegal implements Strategy {
    private final Random random;

    public RandomLegal(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public Move choose(Game game, String owner) {
        for (Move move : Candidates.shuffled(game, owner, random)) {
            if (Candidates.tryMove(game, owner, move).isPresent()) {
                return move;
            }
        }
        return new Move.Pass();
    }
}
