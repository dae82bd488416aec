package org.cowarena.tui;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;
import org.cowarena.board.LogBook;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;

/** A game the board shows: a room of a server (embedded in solo mode, or remote), or a replay. */
interface Table extends Closeable {
    /** The game as it stands; null until it has loaded. */
    Game game();

    /** The log; null until the game has loaded. */
    LogBook log();

    /** The last move and what it did, for the board's highlights. */
    Optional<Turn> lastTurn();

    /** Handles what has come in, waiting at most {@code millis}; true when the board changed. */
    boolean poll(long millis) throws InterruptedException;

    /** Offers a move in the move notation; the answer comes back through {@link #poll}. */
    void play(String move);

    /** Whether this player may move now, and when not, why (null when it may). */
    String whyNotMove();

    /** Where the game runs, for the header. */
    String mode();

    /** A solo game: the goal decides when it ends, undo and retry are allowed. */
    default boolean solo() {
        return false;
    }

    /** Whose turn and the timer, the seats; null in solo. */
    default String turnText() {
        return null;
    }

    /** The owner whose processes this player moves, or null for any (solo). */
    default String owner() {
        return null;
    }

    /** Takes back the last move; the problem when it cannot, else null. */
    default String undo() {
        return "undo is for solo games";
    }

    /** The latest message for the status line (a refusal, a reconnect), or null. */
    String message();

    /** The game ended for the server (moves used up, no live process): final lines for the result. */
    default Optional<List<String>> ended() {
        return Optional.empty();
    }

    /** The keys the result of a game offers, shown under it. */
    default String endKeys() {
        return "q: leave";
    }

    /**
     * Changes when a new attempt begins on the same table (a race's retry or next level, a
     * tournament's next match): the result is gone.
     */
    default int round() {
        return 0;
    }

    @Override
    void close();
}
