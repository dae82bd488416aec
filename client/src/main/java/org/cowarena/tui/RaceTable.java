package org.cowarena.tui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cowarena.board.LogBook;
import org.cowarena.board.ProjectorRenderer;
import org.cowarena.board.Tone;
import org.cowarena.client.ServerLink;
import org.cowarena.client.Session;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.cowarena.move.MoveSyntaxException;
import org.cowarena.protocol.Messages;
import org.cowarena.report.Narrator;

/**
 * A race player's own game: the server plays every move and acknowledges it; this side
 * replays the acknowledged moves on the level's text (the kernel is deterministic) to draw
 * the board and narrate. A new attempt (the same level again, or the next) is a
 * {@link Messages.RaceAttempt}; the result shows where the player stands in the class.
 */
final class RaceTable implements Table {
    private static final String LOST = "connection lost: reconnecting to your place in the race…";

    private final Session session;
    private final String language;
    private final Reconnect reconnect;
    private String[] levels = new String[0];
    private String[] texts;
    private Messages.RaceState state;
    private long stateAt;
    private Messages.Leaderboard board;
    private Messages.RaceAck lastAck;
    private Game game;
    private LogBook log;
    private Turn last;
    private int level = -1;
    private int attempt = -1;
    /** Moves of this attempt on {@link #game}: the state's, then one per acknowledgement. */
    private int played;
    private boolean solved;
    private int round;
    private String message;

    RaceTable(Session session, String language, long reconnectMillis) {
        this.session = session;
        this.language = language;
        this.reconnect = new Reconnect(session, reconnectMillis);
    }

    /** One message, after the session has taken it in. */
    void handle(Object m) {
        if (m instanceof Messages.RaceState s) {
            if (s.levelTexts != null) {
                texts = s.levelTexts;
            }
            levels = s.levels;
            state = s;
            stateAt = System.nanoTime();
            // The server sends a state after the acknowledgements before it, so other moves than those
            // played here mean acknowledgements were lost with a connection: the state's moves are right.
            if (s.level >= 0 && (s.level != level || s.attempt != attempt || s.moves.length != played)) {
                begin(s);
            }
        } else if (m instanceof Messages.RaceAck a) {
            if (game != null && a.level == level && a.attempt == attempt) {
                try {
                    last = game.play(MoveParser.parseMove(a.move));
                    played++;
                    log.move("", last);
                } catch (MoveSyntaxException e) {
                    message = "cannot replay " + a.move + ": " + e.getMessage();
                }
                lastAck = a;
                solved = a.solved;
                if (a.improved) {
                    log.add("a new best of yours on this level", Tone.MET);
                }
            }
        } else if (m instanceof Messages.Leaderboard b) {
            board = b;
        } else if (m instanceof Messages.MoveRefused r) {
            message = log == null ? r.reason : log.narrator().say("refused", r.reason);
            if (log != null) {
                log.add("  " + message, Tone.REFUSED);
            }
        } else if (m instanceof Messages.Refusal r) {
            message = "the server refused: " + r.reason;
        } else if (m == ServerLink.CLOSED && session.welcome() != null && session.refusal() == null) {
            reconnect.lost();
            message = LOST;
        }
    }

    private void begin(Messages.RaceState s) {
        if (texts == null || s.level >= texts.length) {
            message = "the server sent no level text for level " + (s.level + 1);
            return;
        }
        try {
            Level lvl = LevelLoader.parse(texts[s.level], levels[s.level]);
            Game fresh = Game.start(lvl);
            Turn lastPlayed = null;
            for (String move : s.moves) {
                lastPlayed = fresh.play(MoveParser.parseMove(move));
            }
            game = fresh;
            last = lastPlayed;
            log = new LogBook(new Narrator(fresh, language), lvl);
            log.add("Level " + (s.level + 1) + " of " + levels.length + ", attempt " + s.attempt + ": "
                    + lvl.title() + ". Press b for the briefing, ? for the keys.", Tone.INFO);
            level = s.level;
            attempt = s.attempt;
            played = s.moves.length;
            solved = s.solved;
            lastAck = null;
            round++;
        } catch (LevelException | MoveSyntaxException e) {
            message = "cannot rebuild the race level: " + e.getMessage();
        }
    }

    /** Changes each time a new attempt begins: the result of the last one is gone. */
    @Override
    public int round() {
        return round;
    }

    /** Asks for a new attempt: the same level again, or the next; the problem when there is none. */
    String attempt(boolean next) {
        int to = next ? level + 1 : level;
        if (to < 0 || to >= levels.length) {
            return "this is the race's last level: r tries it again";
        }
        session.send(new Messages.RaceAttempt(to));
        return null;
    }

    /** The hint the teacher revealed last, or null. */
    String hint() {
        return state == null || state.hint == null || state.hint.isBlank() ? null : state.hint;
    }

    boolean hasNext() {
        return level + 1 < levels.length;
    }

    @Override
    public Game game() {
        return game;
    }

    @Override
    public LogBook log() {
        return log;
    }

    @Override
    public Optional<Turn> lastTurn() {
        return Optional.ofNullable(last);
    }

    @Override
    public boolean poll(long millis) throws InterruptedException {
        if (session.closed()) {
            return retry();
        }
        Object m = session.next(millis);
        if (m == null) {
            return false;
        }
        handle(m);
        return true;
    }

    private boolean retry() throws InterruptedException {
        Reconnect.Step step = session.welcome() == null || session.refusal() != null ? Reconnect.Step.WAITING
                : reconnect.attempt();
        switch (step) {
            case BACK -> message = "reconnected: your place in the race is yours again";
            case FAILED -> message = reconnect.say(LOST);
            case GAVE_UP -> message = "connection lost: the server did not come back";
            default -> { }
        }
        if (step == Reconnect.Step.WAITING || step == Reconnect.Step.GAVE_UP) {
            Thread.sleep(20); // the screen's poll loop: nothing to read until the next attempt
        }
        return step != Reconnect.Step.WAITING;
    }

    @Override
    public void play(String move) {
        message = null;
        session.play(move);
    }

    @Override
    public String whyNotMove() {
        if (session.closed()) {
            return "not connected";
        }
        if (state != null && !"running".equals(state.state)) {
            return "the race is " + state.state + ": wait for the teacher";
        }
        if (solved) {
            return "solved: :retry tries the level again, :next goes to the next level";
        }
        if (outOfMoves()) {
            return "no moves left: :retry tries the level again";
        }
        return null;
    }

    private boolean outOfMoves() {
        return game != null && game.level().moves().limit().isPresent() && game.movesLeft() == 0;
    }

    @Override
    public String mode() {
        Messages.Welcome w = session.welcome();
        return "race · " + (w == null ? "joining" : w.name) + " · level " + (level + 1) + " of " + levels.length;
    }

    @Override
    public String turnText() {
        if (state == null) {
            return "joining…";
        }
        StringBuilder t = new StringBuilder("race ").append(state.state);
        if (state.millisLeft >= 0) {
            long since = "running".equals(state.state) ? (System.nanoTime() - stateAt) / 1_000_000L : 0;
            t.append(" · ").append(ProjectorRenderer.clock(state.millisLeft - since)).append(" left");
        }
        if (state.hint != null && !state.hint.isBlank()) {
            t.append("\nhint: ").append(state.hint);
        }
        return t.toString();
    }

    @Override
    public String message() {
        return message;
    }

    /** The attempt's result and the player's rank per metric among the class's bests on this level. */
    @Override
    public Optional<List<String>> ended() {
        if (game == null || !(solved || outOfMoves())) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        if (solved && lastAck != null) {
            lines.add(String.format(Locale.ROOT, "Solved %s: moves %d, copies %d, peak %d frames",
                    ProjectorRenderer.stars(lastAck.stars), lastAck.moves, lastAck.copies, lastAck.peakFrames));
        } else if (solved) {
            lines.add("Solved");
        } else {
            lines.add("No moves left and the goal is not met");
        }
        lines.add("");
        lines.addAll(standing());
        lines.add("");
        lines.add("r: try again   " + (hasNext() ? "n: next level   " : "") + "Esc: look at the board   q: quit");
        return Optional.of(lines);
    }

    private List<String> standing() {
        Messages.Welcome w = session.welcome();
        return standing(board, level, w == null ? null : w.name);
    }

    /**
     * Lines "metric  your best  rank r of n  class best  ★ value" for {@code name} on
     * {@code level}: the rank is 1 + the players whose best is strictly better, so equal
     * bests share a rank.
     */
    static List<String> standing(Messages.Leaderboard board, int level, String name) {
        if (board == null || name == null || level < 0 || level >= board.levels.length) {
            return List.of("(the class's results come with the next leaderboard)");
        }
        int me = List.of(board.players).indexOf(name);
        Messages.LevelBoard lb = board.levels[level];
        if (me < 0 || !lb.solved[me]) {
            return List.of("You have not solved this level yet: no rank.");
        }
        int metrics = board.metrics.length;
        int solvers = 0;
        for (boolean s : lb.solved) {
            solvers += s ? 1 : 0;
        }
        List<String> lines = new ArrayList<>();
        lines.add("Where you stand (your best, among the " + solvers + " who solved it):");
        for (int m = 0; m < metrics; m++) {
            int mine = lb.best[me * metrics + m];
            Messages.Histogram h = lb.histograms[m];
            int rank = 1;
            for (int p = 0; p < board.players.length; p++) {
                int other = lb.best[p * metrics + m];
                if (p != me && lb.solved[p] && (h.higherIsBetter ? other > mine : other < mine)) {
                    rank++;
                }
            }
            int classBest = h.values.length == 0 ? mine : h.higherIsBetter ? h.values[h.values.length - 1] : h.values[0];
            String label = "peakFrames".equals(board.metrics[m]) ? "peak" : board.metrics[m];
            lines.add(String.format(Locale.ROOT, "%-7s %4d   rank %d of %d   class best %d%s", label, mine, rank,
                    solvers, classBest, h.threeStars >= 0 ? "   ★ " + h.threeStars : ""));
        }
        return lines;
    }

    @Override
    public void close() {
        session.close();
    }
}
