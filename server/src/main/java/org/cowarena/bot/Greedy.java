package org.cowarena.bot;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.cowarena.game.Game;
import org.cowarena.move.Move;

/**
 * The legal move that most advances the seat's standing right now: the most of its jobs
 * met (the level's goals naming its processes), then the fewest frames charged to it,
 * then the most of its processes alive, then a seeded random pick. Passing is the last
 * resort among equals, so a greedy bot forks (free) and writes to pages it owns alone
 * (free) rather than copy shared ones. It never exits its last live process while
 * another move is legal: no memory at all is not a way to win. It looks one move ahead
 * only: it does not wait to become a page's last sharer.
 */
public final class Greedy implements Strategy {
    private final Random random;

    public Greedy(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public String name() {
        return "greedy";
    }

    @Override
    public Move choose(Game game, String owner) {
        List<Move> moves = Candidates.considered(game, owner, random);
        Move best = new Move.Pass();
        long bestKey = Long.MAX_VALUE;
        for (Move move : moves) {
            Optional<Game> after = Candidates.tryMove(game, owner, move);
            if (after.isEmpty()) {
                continue;
            }
            long key = key(after.get(), owner, move);
            if (key < bestKey) {
                bestKey = key;
                best = move;
            }
        }
        return best;
    }

    /** How good {@code after} is for the seat right after {@code move}: lower is better. */
    static long key(Game after, String owner, Move move) {
        int charged = after.kernel().charged(owner);
        int alive = Candidates.alive(after, owner);
        int jobs = Candidates.jobsMet(after, owner);
        return (alive == 0 ? 1L << 62 : 0) - ((long) jobs << 48) + ((long) charged << 32) - ((long) alive << 1)
                + (move instanceof Move.Pass ? 1 : 0);
    }
}
