package org.cowarena.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.io.Closeable;
import java.util.List;
import java.util.Optional;
import org.cowarena.board.BoardView;
import org.cowarena.board.LogBook;
import org.cowarena.client.ClientRoom;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;

/**
 * A game the board shows — a solo game, a room of a server, a race attempt, a tournament's
 * matches, a replay — over one {@link ClientRoom}. What differs between them (the keys, the
 * status line, attempts, seeking, how a game ends) is each table's behaviour behind this
 * interface: the board's scene never asks which table it holds.
 */
interface Table extends Closeable {
    /** What the result dialog's keys lead to. */
    enum After {
        /** The dialog stays. */
        STAY,
        /** The dialog closes on the board (look at it; the game may go on: undo, a new attempt). */
        BOARD,
        /** Leave the game (to the menu, or quit). */
        LEAVE,
        /** Quit the client. */
        QUIT,
        /** A solo campaign's next level. */
        NEXT_LEVEL
    }

    /**
     * The result of a game, as its dialog shows it.
     *
     * @param live redrawn while it shows (a race's standing follows the class's leaderboard)
     */
    record Ending(String title, List<BoardView.LogLine> lines, boolean live) {
        public Ending {
            lines = List.copyOf(lines);
        }
    }

    /** The model of the game shown. */
    ClientRoom room();

    /** The game as it stands; null until it has loaded. */
    default Game game() {
        return room().game();
    }

    /** The log; null until the game has loaded. */
    LogBook log();

    /** The last move and what it did, for the board's highlights and the pinned headline. */
    default Optional<Turn> lastTurn() {
        return room().lastTurn();
    }

    /** Handles what has come in, waiting at most {@code millis}; true when the board changed. */
    boolean poll(long millis) throws InterruptedException;

    /** Offers a move in the move notation; the answer comes back through {@link #poll}. */
    void play(String move);

    /** Whether this player may move now, and when not, why (null when it may). */
    String whyNotMove();

    /** Where the game runs, for the header. */
    String mode();

    /** Whose turn and the timer, the seats; null when there are none. */
    default String turnText() {
        return null;
    }

    /** The owner whose processes this player moves, or null for any. */
    default String owner() {
        return null;
    }

    /** The latest message for the status line (a refusal, a reconnect), or null. */
    String message();

    /** The keys line the status bar shows while nothing else is said. */
    String keys();

    /** A key of this table's own (a replay's seeking, a solo game's restart); true when it was one. */
    default boolean key(KeyStroke k) {
        return false;
    }

    /**
     * A command of this table's own typed after ':' ({@code retry}, {@code next}): empty when it is
     * none, else what to say about it (empty text: done, nothing to say).
     */
    default Optional<String> command(String line) {
        return Optional.empty();
    }

    /** Takes back the last move; the problem when it cannot, else null. */
    String undo();

    /** Starts the game again from the beginning; the problem when it cannot, else null. */
    String restart();

    /** The hints there are to show, in the log's language, one more each time they are asked for. */
    default List<String> hints() {
        Game g = game();
        return g == null || log() == null ? List.of() : g.level().hints(log().narrator().language());
    }

    /** What the hint dialog says when {@link #hints} is empty. */
    String noHints();

    /** The game's result once it has ended; empty while it goes on. */
    Optional<Ending> ending();

    /** A key pressed while the result shows. */
    After endKey(KeyStroke k);

    /** The campaign's level to go on to from the result (a solo level whose goal is met), or null. */
    default String nextLevel() {
        return null;
    }

    /** Where {@code q} leads: true back to the campaign's menu (a solo level of the campaign), false out. */
    default boolean backToMenu() {
        return false;
    }

    /**
     * Changes when a new game begins on the same table (a race's retry or next level, a
     * tournament's next match, a restart): the last one's result is gone.
     */
    default int round() {
        return room().round();
    }

    @Override
    void close();
}
