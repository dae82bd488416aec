package org.cowarena.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.Move;
import org.cowarena.move.MoveParser;
import org.cowarena.move.MoveSyntaxException;
import org.cowarena.move.ScriptLine;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.StateDigest;

/**
 * Everything a client knows of the game it shows, in one place: the game itself (a replica of
 * the host's, rebuilt by replaying moves: the kernel is deterministic), the seats, the turn
 * clock, the moves accepted so far and the result. A room of a server fills it from snapshots
 * and deltas ({@link #load}, {@link #apply}); a race attempt, a replay and a local game play
 * their moves on it directly ({@link #start}, {@link #play}).
 *
 * <p>{@link #round()} changes whenever another game begins on the same model (a tournament's
 * next match, a race's next attempt, a replay seeking back): what was said about the last one
 * is put away then.
 */
public final class ClientRoom {
    private final LongSupplier nanos;
    private Game game;
    private Turn last;
    private String code;
    private String[] seats = new String[0];
    private int gameNo;
    private int index;
    private int turn;
    private boolean over;
    private boolean started;
    private int you = -1;
    private String[] players = new String[0];
    private boolean[] connected = new boolean[0];
    private boolean[] bots = new boolean[0];
    private long turnDeadline;
    private final List<String> moves = new ArrayList<>();
    private Messages.GameOver result;
    private int round;
    /** The round was counted when the last game was put away: the next game shown is that round. */
    private boolean counted;

    public ClientRoom() {
        this(System::nanoTime);
    }

    /** {@code nanos}: the clock the turn timer counts down on (tests give their own). */
    public ClientRoom(LongSupplier nanos) {
        this.nanos = nanos;
    }

    // ---- a room of a server

    /** Seated (again) in room {@code room}: another room than the last one is another game. */
    void enter(String room) {
        if (code != null && !code.equals(room)) {
            clear();
        }
        code = room;
    }

    /**
     * Put away the game shown: the next one (another room's snapshot, another attempt) replaces
     * it. The room is left too: the next welcome names the next one.
     */
    public void clear() {
        code = null;
        game = null;
        last = null;
        result = null;
        moves.clear();
        seats = new String[0];
        players = new String[0];
        connected = new boolean[0];
        bots = new boolean[0];
        over = false;
        started = false;
        if (!counted) {
            round++;
            counted = true;
        }
    }

    /** Another game begins on the model: a new round, unless putting the last one away counted it. */
    private void begin() {
        if (!counted) {
            round++;
        }
        counted = false;
    }

    /** Rebuilds the game from a snapshot; false when its digest does not match the host's. */
    public boolean load(Messages.Snapshot s) throws LevelException, MoveSyntaxException {
        Level level = LevelLoader.parse(s.levelText, s.levelSource);
        Game fresh = Game.start(level);
        List<String> played = new ArrayList<>();
        for (String line : s.moves) {
            ScriptLine parsed = MoveParser.parseLine(line, 1).orElseThrow(
                    () -> new MoveSyntaxException(1, 1, "empty move in snapshot"));
            fresh.play(parsed.player(), parsed.move());
            played.add(parsed.move().notation());
        }
        if (game == null || s.game != gameNo) {
            begin();
        }
        game = fresh;
        last = null;
        result = s.over ? result : null;
        moves.clear();
        moves.addAll(played);
        seats = s.seats.clone();
        gameNo = s.game;
        index = s.moves.length;
        turn = s.turn;
        over = s.over;
        started = s.started;
        you = s.you;
        seated(s.players, s.connected, s.bots);
        clock(s.turnMillisLeft);
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
        moves.add(d.move);
        index = d.index;
        turn = d.turn;
        over = d.over;
        started = true;
        clock(d.turnMillis);
        return StateDigest.of(game) == d.digest;
    }

    /** Who sits where, and whether the game has started. */
    public void seats(Messages.Seats s) {
        seated(s.players, s.connected, s.bots);
        started = s.started;
        if (s.started) {
            clock(s.turnMillisLeft);
        }
    }

    private void seated(String[] names, boolean[] on, boolean[] bot) {
        players = names == null ? new String[0] : names.clone();
        connected = on == null ? new boolean[0] : on.clone();
        bots = bot == null ? new boolean[0] : bot.clone();
    }

    /** The host's result of the game. */
    public void over(Messages.GameOver g) {
        result = g;
        over = true;
    }

    private void clock(long millisLeft) {
        turnDeadline = nanos.getAsLong() + millisLeft * 1_000_000L;
    }

    // ---- a game played here (a race attempt, a replay, a local game)

    /** Starts {@code level} afresh and replays {@code played} on it: another game on this model. */
    public void start(Level level, List<ScriptLine> played) throws LevelException {
        Game fresh = Game.start(level);
        Turn lastPlayed = null;
        List<String> kept = new ArrayList<>();
        for (ScriptLine line : played) {
            lastPlayed = fresh.play(line.player(), line.move());
            kept.add(line.move().notation());
        }
        game = fresh;
        last = lastPlayed;
        moves.clear();
        moves.addAll(kept);
        result = null;
        over = false;
        started = true;
        index = kept.size();
        begin();
    }

    /** Plays a move here; an accepted move joins the moves and becomes the last turn. */
    public Turn play(Optional<String> player, Move move) {
        Turn played = game.play(player, move);
        if (played.outcome().ok()) {
            last = played;
            moves.add(move.notation());
            index++;
        }
        return played;
    }

    /**
     * Puts back a game object taken earlier ({@link Game#copy}: an undo) with the moves that
     * led to it; the log goes on, so this is not another round.
     */
    public void restore(Game earlier, List<String> played) {
        game = earlier;
        last = null;
        result = null;
        moves.clear();
        moves.addAll(played);
        index = played.size();
        over = false;
    }

    // ---- what the screens and the bot read

    public boolean loaded() {
        return game != null;
    }

    /** The game as it stands; null until one is loaded. */
    public Game game() {
        return game;
    }

    /** The move the last delta (or local move) played and what it did; empty after a snapshot. */
    public Optional<Turn> lastTurn() {
        return Optional.ofNullable(last);
    }

    /** The accepted moves of this game, in the move notation, in order. */
    public List<String> moves() {
        return List.copyOf(moves);
    }

    /** The room's code, from the last welcome; null before. */
    public String code() {
        return code;
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

    public int seatCount() {
        return seats.length;
    }

    /** The owner name of seat {@code i}. */
    public String seat(int i) {
        return seats[i];
    }

    /** The player in seat {@code i}, or null when it is open. */
    public String player(int i) {
        return i >= 0 && i < players.length ? players[i] : null;
    }

    public int players() {
        return players.length;
    }

    public boolean connected(int i) {
        return i >= 0 && i < connected.length && connected[i];
    }

    public boolean bot(int i) {
        return i >= 0 && i < bots.length && bots[i];
    }

    public boolean myTurn() {
        return game != null && started && !over && you >= 0 && turn == you;
    }

    /** Whole seconds left on the turn's clock, never below 0. */
    public long secondsLeft() {
        return Math.max(0, (turnDeadline - nanos.getAsLong()) / 1_000_000_000L);
    }

    /** The host's result, or null while the game goes on. */
    public Messages.GameOver result() {
        return result;
    }

    /** Changes whenever another game begins on this model. */
    public int round() {
        return round;
    }

    public long digest() {
        return StateDigest.of(game);
    }
}
