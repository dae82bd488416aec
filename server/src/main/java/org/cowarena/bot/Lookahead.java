package org.cowarena.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.cowarena.game.Game;
import org.cowarena.game.Standing;
import org.cowarena.move.Move;

/**
 * Plays each legal move forward to the end of the game and picks the one whose ends are
 * best for the seat: after the move, every seat (this one included) plays {@link Greedy} to
 * the last move, {@link #ROLLOUTS} times with different seeds. An end is scored by whether
 * the seat ranks above every other seat (a win), shares the top or ranks below; then by its
 * jobs met, its processes alive and fewer frames charged. Among equal moves it takes the
 * one greedy would. So it waits to be a page's last sharer, keeps a budget free for a copy
 * it will need, and leaves a shared page it must own to its last turn, where greedy grabs
 * whatever helps now.
 */
public final class Lookahead implements Strategy {
    /** Games played out per candidate move. */
    static final int ROLLOUTS = 2;

    private final Random random;

    public Lookahead(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public String name() {
        return "lookahead";
    }

    @Override
    public Move choose(Game game, String owner) {
        List<Move> moves = Candidates.considered(game, owner, random);
        long[] seeds = new long[ROLLOUTS];
        for (int r = 0; r < ROLLOUTS; r++) {
            seeds[r] = random.nextLong(); // the same futures for every candidate: moves compared fairly
        }
        Move best = new Move.Pass();
        long bestValue = Long.MIN_VALUE;
        long bestKey = Long.MAX_VALUE;
        for (Move move : moves) {
            Optional<Game> after = Candidates.tryMove(game, owner, move);
            if (after.isEmpty()) {
                continue;
            }
            long value = 0;
            for (long seed : seeds) {
                Game end = after.get().copy();
                BotGame.playOn(end, greedies(end.players().size(), seed));
                value += value(end, owner);
            }
            long key = Greedy.key(after.get(), owner, move);
            if (value > bestValue || value == bestValue && key < bestKey) {
                bestValue = value;
                bestKey = key;
                best = move;
            }
        }
        return best;
    }

    private static List<Strategy> greedies(int seats, long seed) {
        List<Strategy> list = new ArrayList<>(seats);
        Random seeds = new Random(seed);
        for (int s = 0; s < seats; s++) {
            list.add(new Greedy(seeds.nextLong()));
        }
        return list;
    }

    /** An end of the game for the seat: win over draw over loss, then jobs met, alive, fewer frames charged. */
    static long value(Game end, String owner) {
        Standing own = null;
        int bestOther = Integer.MAX_VALUE;
        for (Standing s : end.standings()) {
            if (s.player().equals(owner)) {
                own = s;
            } else {
                bestOther = Math.min(bestOther, s.rank());
            }
        }
        if (own == null) {
            return 0;
        }
        long verdict = Integer.compare(bestOther, own.rank()) + 1; // 0 loss, 1 draw, 2 win
        return (verdict << 40) + ((long) own.jobsMet() << 24) + ((long) own.alive() << 12) - own.charged();
    }
}
