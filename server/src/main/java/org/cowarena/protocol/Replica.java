package org.cowarena.protocol;

import java.util.Optional;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.Move;
import org.cowarena.move.MoveParser;
import org.cowarena.move.MoveSyntaxException;
import org.cowarena.move.ScriptLine;

/**
 * A client's copy of a room's game. A snapshot rebuilds it by replaying the accepted
 * moves on the level; each delta replays one more move. Because the kernel is
 * deterministic, the copy equals the server's game, and the digest after every move
 * proves it: {@link #apply} answers false when the copy has diverged or missed a move,
 * and the client then asks for a snapshot.
 */
public final class Replica {
    private Game game;
    private String[] seats = new String[0];
    private int gameNo;
    private int index;
    private int turn;
    private boolean over;
    private boolean started;
    private int you = -1;
    private Turn last;

    /** Rebuilds the game from a snapshot; false when its digest does not match. */
    public boolean load(Messages.Snapshot s) throws LevelException, MoveSyntaxException {
        Level level = LevelLoader.parse(s.levelText, s.levelSource);
        Game fresh = Game.start(level);
        for (String line : s.moves) {
            ScriptLine parsed = MoveParser.parseLine(line, 1).orElseThrow(
                    () -> new MoveSyntaxException(1, 1, "empty move in snapshot"));
            fresh.play(parsed.player(), parsed.move());
        }
        game = fresh;
        last = null;
        seats = s.seats.clone();
        gameNo = s.game;
        index = s.moves.length;
        turn = s.turn;
        over = s.over;
        started = s.started;
        you = s.you;
        return StateDigest.of(game) == s.digest;
    }

    /** Replays one delta; false when it does not follow, is refused here, or the digests differ. */
    public boolean apply(Messages.MoveDelta d) {
        if (game == null || d.game != gameNo || d.index != index + 1 || d.seat < 0 || d.seat >= seats.length) {
            return false;
        }
        Move move;
        try {
            move = MoveParser.parseMove(d.move);
        } catch (MoveSyntaxException e) {
            return false;
        }
        Turn played = game.play(Optional.of(seats[d.seat]), move);
        if (!played.outcome().ok()) {
            return false;
        }
        last = played;
        index = d.index;
        turn = d.turn;
        over = d.over;
        started = true;
        return StateDigest.of(game) == d.digest;
    }

    /**
     * The move the last delta replayed and what it did (its events, for the narration and
     * the board's highlights); empty after a snapshot.
     */
    public Optional<Turn> lastTurn() {
        return Optional.ofNullable(last);
    }

    public void markOver() {
        over = true;
    }

    public void markStarted(boolean value) {
        started = value;
    }

    public boolean loaded() {
        return game != null;
    }

    public Game game() {
        return game;
    }

    public int gameNo() {
        return gameNo;
    }

    public int index() {
        return index;
    }

    public int turn() {
        return turn;
    }

    public boolean over() {
        return over;
    }

    public boolean started() {
        return started;
    }

    /** My seat, or -1 for a spectator. */
    public int you() {
        return you;
    }

    public String seat(int i) {
        return seats[i];
    }

    public boolean myTurn() {
        return game != null && started && !over && you >= 0 && turn == you;
    }

    public long digest() {
        return StateDigest.of(game);
    }
}
