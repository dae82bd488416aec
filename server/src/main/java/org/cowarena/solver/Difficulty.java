package org.cowarena.solver;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.cowarena.game.Game;
import org.cowarena.game.Score;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.Metrics;
import org.cowarena.move.Move;

/**
 * How hard a puzzle is, as the solver measures it: what the level design asks of every
 * campaign level (an optimum long enough to plan, metrics that pull apart, an obvious
 * play that loses a star), computed rather than asserted by hand.
 *
 * @param optimumMoves the fewest moves that meet the goal; empty when nothing does
 * @param proven       the search was complete, so the figures are proven, not just found
 * @param tradeOff     no single solution is best on moves, copies and peak frames at
 *                     once: the per-metric bests are different solutions, and a player
 *                     must choose what to win
 * @param naive        the obvious play's result, when the level has one
 */
public record Difficulty(OptionalInt optimumMoves, boolean proven, boolean tradeOff, Optional<Naive> naive) {
    /** The metrics whose bests {@link #tradeOff} compares. */
    public static final List<String> TRADE_OFF_METRICS = List.of("moves", "copies", "peakFrames");

    /** The obvious play ({@code NAME.naive.moves}) played through the game: refusals are skipped, as in play. */
    public record Naive(boolean met, int stars, Metrics metrics) {
        /** It meets the goal but misses three stars: the insight is worth something. */
        public boolean losesAStar() {
            return met && stars < 3;
        }
    }

    /** The measures of {@code result}'s level; {@code naive}: its obvious play, if any. */
    public static Difficulty of(SolveResult result, Optional<List<Move>> naive) throws LevelException {
        Solution fewest = result.best().get("moves");
        OptionalInt optimum = fewest == null ? OptionalInt.empty() : OptionalInt.of(fewest.metrics().moves());
        return new Difficulty(optimum, result.complete(), tradeOff(result), naive.isEmpty() ? Optional.empty()
                : Optional.of(play(result.level(), naive.get())));
    }

    /**
     * Whether no solution reaches every best of {@link #TRADE_OFF_METRICS}: decided on the
     * solutions no other beats on every metric, which the search keeps (a solution that
     * reached all those bests would be among them, or be beaten by one that does too).
     */
    private static boolean tradeOff(SolveResult result) {
        if (result.best().isEmpty()) {
            return false;
        }
        for (Metrics m : result.front()) {
            boolean all = true;
            for (String metric : TRADE_OFF_METRICS) {
                all &= m.get(metric) == result.best().get(metric).metrics().get(metric);
            }
            if (all) {
                return false;
            }
        }
        return true;
    }

    private static Naive play(Level level, List<Move> moves) throws LevelException {
        Game game = Game.start(level);
        for (Move m : moves) {
            game.play(m);
        }
        Score score = game.score();
        return new Naive(score.met(), score.stars(), game.metrics());
    }
}
