package org.cowarena.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cowarena.game.Game;
import org.cowarena.game.Standing;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;

/**
 * Measures one strategy against another on an arena level: seeded games in which the
 * strong strategy holds one seat and the weak one every other seat. The strong seat moves
 * round the table from game to game (game {@code g} puts it in seat {@code g mod seats}), so
 * moving first cannot pass for skill. A game is a win when the strong seat ranks above every
 * weak seat in the game's standings, a loss when a weak seat ranks above it, else a draw.
 */
public final class Bench {
    private Bench() {
    }

    /** The outcome of {@code count} games from {@code seed}: the same arguments give the same result. */
    public static BenchResult run(Level level, String strong, String weak, int count, long seed)
            throws LevelException {
        if (level.seats().size() < 2) {
            throw new IllegalArgumentException(level.id() + " has " + level.seats().size()
                    + " seat: a bench needs an arena level with two or more");
        }
        int wins = 0;
        int draws = 0;
        int losses = 0;
        SplittableRandom games = new SplittableRandom(seed);
        for (int g = 0; g < count; g++) {
            int verdict = game(level, strong, weak, g % level.seats().size(), games.split());
            wins += verdict > 0 ? 1 : 0;
            draws += verdict == 0 ? 1 : 0;
            losses += verdict < 0 ? 1 : 0;
        }
        return new BenchResult(level.source(), strong, weak, count, wins, draws, losses);
    }

    /**
     * 1 when the strong seat ranks above every other seat, -1 when another ranks above it,
     * else 0. {@code random} is the game's one random source: each seat's strategy takes its
     * seed from it.
     */
    static int game(Level level, String strong, String weak, int strongSeat, SplittableRandom random)
            throws LevelException {
        List<Strategy> bySeat = new ArrayList<>();
        for (int s = 0; s < level.seats().size(); s++) {
            bySeat.add(Strategies.create(s == strongSeat ? strong : weak, random.nextLong()));
        }
        Game game = BotGame.play(level, bySeat);
        String strongOwner = level.seats().get(strongSeat);
        int strongRank = 0;
        int bestOther = Integer.MAX_VALUE;
        for (Standing s : game.standings()) {
            if (s.player().equals(strongOwner)) {
                strongRank = s.rank();
            } else {
                bestOther = Math.min(bestOther, s.rank());
            }
        }
        return Integer.compare(bestOther, strongRank);
    }
}
