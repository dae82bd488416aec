package org.cowarena.tournament;

import java.util.List;

/**
 * One match of a tournament round.
 *
 * @param round   1-based round number
 * @param number  1-based number of the match within its round
 * @param level   index of the level it plays in the tournament's list
 * @param seats   the level's seats; seats past {@code players} are played by bots
 * @param players the entrants, in seat order
 */
public record Match(int round, int number, int level, int seats, List<String> players) {
    public Match {
        players = List.copyOf(players);
        if (players.isEmpty() || players.size() > seats) {
            throw new IllegalArgumentException("a match seats 1 to " + seats + " players, not " + players.size());
        }
    }

    /** Seats a bot plays. */
    public int bots() {
        return seats - players.size();
    }
}
