package org.cowarena.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.cowarena.move.MoveSyntaxException;
import org.cowarena.move.ScriptLine;
import org.cowarena.protocol.Messages;

/**
 * A race as one player (or the projector) sees it: the race's state and clock, the class's
 * leaderboard, and the player's own attempt, played on the session's {@link ClientRoom}. The
 * server plays every move and acknowledges it; this side replays the acknowledged moves on
 * the level's text (the kernel is deterministic) to draw the board.
 */
public final class RaceProgress {
    /** Why the attempt could not be rebuilt: a phrase key of the client's chrome and its arguments. */
    public record Problem(String key, Object... args) {
    }

    private final ClientRoom room;
    private final LongSupplier nanos;
    private String[] levels = new String[0];
    private String[] texts;
    /** The race's levels as parsed from {@link #texts}, filled as they are asked for; null entries not parsed yet. */
    private Level[] parsed = new Level[0];
    private Messages.RaceState state;
    private long stateAt;
    private Messages.Leaderboard board;
    private Messages.RaceAck lastAck;
    private int level = -1;
    private int attempt = -1;
    private boolean solved;
    private Problem problem;

    RaceProgress(ClientRoom room, LongSupplier nanos) {
        this.room = room;
        this.nanos = nanos;
    }

    void register(Handlers handlers) {
        handlers.on(Messages.RaceState.class, this::state);
        handlers.on(Messages.RaceAck.class, this::ack);
        handlers.on(Messages.Leaderboard.class, b -> board = b);
    }

    private void state(Messages.RaceState s) {
        if (s.levelTexts != null) {
            texts = s.levelTexts;
            parsed = new Level[texts.length];
        }
        levels = s.levels == null ? new String[0] : s.levels;
        state = s;
        stateAt = nanos.getAsLong();
        // The server sends a state after the acknowledgements before it, so other moves than those
        // played here mean acknowledgements were lost with a connection: the state's moves are right.
        if (s.level >= 0 && (s.level != level || s.attempt != attempt || s.moves.length != room.index())) {
            begin(s);
        }
    }

    private void begin(Messages.RaceState s) {
        if (texts == null || s.level >= texts.length) {
            problem = new Problem("race.noLevelText", s.level + 1);
            return;
        }
        try {
            Level lvl = LevelLoader.parse(texts[s.level], levels[s.level]);
            List<ScriptLine> played = new ArrayList<>();
            for (String move : s.moves) {
                played.add(MoveParser.parseLine(move, played.size() + 1).orElseThrow(
                        () -> new MoveSyntaxException(1, 1, "empty move")));
            }
            room.start(lvl, played);
            level = s.level;
            attempt = s.attempt;
            solved = s.solved;
            lastAck = null;
            problem = null;
        } catch (LevelException | MoveSyntaxException e) {
            problem = new Problem("race.cannotRebuild", e.getMessage());
        }
    }

    private void ack(Messages.RaceAck a) {
        if (!room.loaded() || a.level != level || a.attempt != attempt) {
            return;
        }
        try {
            room.play(java.util.Optional.empty(), MoveParser.parseMove(a.move));
        } catch (MoveSyntaxException e) {
            problem = new Problem("race.cannotReplay", a.move, e.getMessage());
        }
        lastAck = a;
        solved = a.solved;
    }

    /** True once the server said anything of a race: this client is in one. */
    public boolean started() {
        return state != null || board != null;
    }

    public Messages.RaceState state() {
        return state;
    }

    /** The race's state as the server names it (waiting, running, paused, stopped), or null before. */
    public String stateName() {
        return state == null ? null : state.state;
    }

    public boolean running() {
        return state != null && "running".equals(state.state);
    }

    /** Milliseconds left on the race's clock, counted down since the last state; -1 without a limit. */
    public long millisLeft() {
        if (state == null || state.millisLeft < 0) {
            return -1;
        }
        long since = running() ? (nanos.getAsLong() - stateAt) / 1_000_000L : 0;
        return Math.max(0, state.millisLeft - since);
    }

    /** The hint the teacher revealed last, or null. */
    public String hint() {
        return state == null || state.hint == null || state.hint.isBlank() ? null : state.hint;
    }

    /**
     * The hint the teacher revealed last in {@code language}, or null: the server sends a level's
     * hint in English, so one of the race's levels' hints (the room's level first) is shown in
     * the player's language; the teacher's own words stay as they were written.
     */
    public String hint(String language) {
        String hint = hint();
        if (hint == null) {
            return null;
        }
        List<Integer> order = new ArrayList<>();
        if (state.focus >= 0) {
            order.add(state.focus);
        }
        for (int i = 0; i < parsed.length; i++) {
            order.add(i);
        }
        for (int i : order) {
            Level l = level(i);
            String shown = l == null ? hint : l.hint(hint, language);
            if (!shown.equals(hint)) {
                return shown;
            }
        }
        return hint;
    }

    /** The title of the race's level {@code index} in {@code language}, else as the leaderboard names it. */
    public String title(int index, String language) {
        Level l = level(index);
        if (l != null) {
            return l.title(language);
        }
        return board == null || board.levels == null || index < 0 || index >= board.levels.length ? ""
                : board.levels[index].title;
    }

    /** The race's level {@code index} as the server sent it, or null when it has no (valid) text. */
    private Level level(int index) {
        if (index < 0 || index >= parsed.length || texts[index] == null) {
            return null;
        }
        if (parsed[index] == null) {
            try {
                parsed[index] = LevelLoader.parse(texts[index], index < levels.length ? levels[index] : "race");
            } catch (LevelException e) {
                return null;
            }
        }
        return parsed[index];
    }

    public Messages.Leaderboard board() {
        return board;
    }

    /** The last acknowledgement of this attempt, or null. */
    public Messages.RaceAck lastAck() {
        return lastAck;
    }

    /** The level of the attempt (0-based), or -1 before the first. */
    public int level() {
        return level;
    }

    public int levels() {
        return levels.length;
    }

    public boolean hasNext() {
        return level + 1 < levels.length;
    }

    public boolean solved() {
        return solved;
    }

    /** The attempt's moves are used up. */
    public boolean outOfMoves() {
        return room.loaded() && room.game().level().moves().limit().isPresent() && room.game().movesLeft() == 0;
    }

    /** Why the attempt on the board is not the server's, or null. */
    public Problem problem() {
        return problem;
    }
}
