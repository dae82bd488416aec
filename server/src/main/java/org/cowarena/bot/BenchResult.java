package org.cowarena.bot;

/**
 * What a {@link Bench} measured on one level.
 *
 * @param level  the level's source (a bundled id's resource or a path)
 * @param strong the strategy holding one seat
 * @param weak   the strategy holding every other seat
 * @param wins   games in which the strong seat ranked above every other seat
 * @param draws  games in which it shared the top rank
 * @param losses games in which another seat ranked above it
 */
public record BenchResult(String level, String strong, String weak, int games, int wins, int draws, int losses) {
    /** Wins as a whole percentage of the games, rounded down. */
    public int winPercent() {
        return games == 0 ? 0 : wins * 100 / games;
    }
}
