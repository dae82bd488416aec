package org.cowarena.bot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.cowarena.game.Game;
import org.cowarena.game.Standing;
import org.cowarena.move.Move;

/**
 * Plays each legal move forward to the end of the game and picks the one whose ends are
 * best for the seat: after the move, every seat (this one included) plays {@link Greedy} to
 * the last move, {@link #ROLLOUTS} times with different seeds. At most {@link #HORIZON}
 * moves deep, and shallower when there are many moves to compare ({@link #PLAYED_MOVES}
 * greedy moves in all), so that a choice takes bounded time on any board. An end is scored by whether
 * the seat ranks above every other seat (a win), shares the top or ranks below; then by its
 * jobs met, its processes alive and fewer frames charged. Among equal moves it takes the
 * one greedy would. So it waits to be a page's last sharer, keeps a budget free for a copy
 * it will need, and leaves a shared page it must own to its last turn, where greedy grabs
 * whatever helps now.
 */
public final class Lookahead implements Strategy {
    /** Games played out per candidate move. */
    static final int ROLLOUTS = 2;
    /** Moves a game is played out for at most (every arena level ends sooner), then its standing is judged. */
    static final int HORIZON = 12;
    /**
     * Greedy moves played out per choice, over all candidates and rollouts: 14 candidates
     * (more than any bundled arena level offers) are played out to the full horizon.
     */
    static final int PLAYED_MOVES = 14 * ROLLOUTS * HORIZON;

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
        List<Candidate> legal = new ArrayList<>();
        for (Move move : Candidates.considered(game, owner, random)) {
            Candidates.tryMove(game, owner, move)
                    .ifPresent(after -> legal.add(new Candidate(move, after, Greedy.key(after, owner, move))));
        }
        legal.sort(Comparator.comparingLong(Candidate::key)); // equal ends: the greedier move
        // The more moves to compare, the shallower the play-outs: the work per choice is bounded on any board.
        int horizon = Math.max(1, Math.min(HORIZON, PLAYED_MOVES / Math.max(1, legal.size() * ROLLOUTS)));
        long[] seeds = new long[ROLLOUTS];
        for (int r = 0; r < ROLLOUTS; r++) {
            seeds[r] = random.nextLong(); // the same futures for every candidate: moves compared fairly
        }
        Move best = new Move.Pass();
        long bestValue = Long.MIN_VALUE;
        for (Candidate c : legal) {
            long value = 0;
            for (long seed : seeds) {
                Game end = c.after().copy();
                BotGame.playOn(end, greedies(end.players().size(), seed), horizon);
                value += value(end, owner);
            }
            if (value > bestValue) { // ties keep the earlier, greedier move
                bestValue = value;
                best = c.move();
            }
        }
        return best;
    }

    private record Candidate(Move move, Game after, long key) {
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
