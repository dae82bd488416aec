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
        Game game = Game.start(level);
        playOn(game, bySeat);
        return game;
    }

    /**
     * Plays {@code game} on to its end. Every turn is one accepted move (a refused move is
     * replaced by a pass), so the seat to move is the number of moves so far modulo the seats,
     * as in a room.
     */
    static void playOn(Game game, List<Strategy> bySeat) {
        playOn(game, bySeat, MAX_MOVES);
    }

    /** {@link #playOn(Game, List)}, stopping after at most {@code moves} more moves. */
    static void playOn(Game game, List<Strategy> bySeat, int moves) {
        List<String> seats = game.players();
        int stop = game.metrics().moves() + moves;
        if (bySeat.size() != seats.size()) {
            throw new IllegalArgumentException(game.level().id() + " has " + seats.size() + " seats, not "
                    + bySeat.size());
        }
        while (!over(game, seats) && game.metrics().moves() < stop) {
            int seat = game.metrics().moves() % seats.size();
            String owner = seats.get(seat);
            Move move = bySeat.get(seat).choose(game, owner);
            if (!game.attempt(Optional.of(owner), move).outcome().ok()
                    && !game.attempt(Optional.of(owner), new Move.Pass()).outcome().ok()) {
                return; // not even a pass: nothing more can happen
            }
        }
    }

    /** The moves are used up, or no seat has a process alive. */
    static boolean over(Game game, List<String> seats) {
        if (game.movesLeft() == 0 || game.metrics().moves() >= MAX_MOVES) {
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
