package org.cowarena.bot;

import java.util.List;
import java.util.Optional;
import org.cowarena.game.Game;
import org.cowarena.kernel.ProcessInfo;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.move.Move;

/**
 * One arena game played by bots in-process, as a room plays it but without sockets: the
 * level's seats move in turn order, each move goes through {@link Game#attempt} (the rules
 * path rooms use), a refused move becomes a pass, and the game ends when the level's moves
 * run out or no seat has a process left alive.
 */
public final class BotGame {
    /** A level without a move limit ends here: bots never stop on their own. */
    static final int MAX_MOVES = 200;

    private BotGame() {
    }

    /** Plays a whole game; {@code bySeat} holds one strategy per seat of the level, in seat order. */
    public static Game play(Level level, List<Strategy> bySeat) throws LevelException {
        List<String> seats = level.seats();
        if (bySeat.size() != seats.size()) {
            throw new IllegalArgumentException(level.id() + " has " + seats.size() + " seats, not " + bySeat.size());
        }
        Game game = Game.start(level);
        for (int turn = 0; !over(game, seats, turn); turn++) {
            String owner = seats.get(turn % seats.size());
            Move move = bySeat.get(turn % seats.size()).choose(game, owner);
            if (!game.attempt(Optional.of(owner), move).outcome().ok()) {
                game.attempt(Optional.of(owner), new Move.Pass());
            }
        }
        return game;
    }

    private static boolean over(Game game, List<String> seats, int turn) {
        if (game.movesLeft() == 0 || turn >= MAX_MOVES) {
            return true;
        }
        for (ProcessInfo p : game.kernel().processes()) {
            if (p.state().alive() && seats.contains(p.owner())) {
                return false;
            }
        }
        return true;
    }
}
