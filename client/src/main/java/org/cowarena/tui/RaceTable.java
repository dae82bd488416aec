package org.cowarena.tui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cowarena.board.Chrome;
import org.cowarena.board.Columns;
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
    private final Session session;
    private final String language;
    private final Chrome chrome;
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
        this.chrome = Chrome.of(language);
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
                    message = chrome.say("race.cannotReplay", a.move, e.getMessage());
                }
                lastAck = a;
                solved = a.solved;
                if (a.improved) {
                    log.add(chrome.say("race.newBest"), Tone.MET);
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
            message = chrome.say("room.refused", r.reason);
        } else if (m == ServerLink.CLOSED && session.welcome() != null && session.refusal() == null) {
            reconnect.lost();
            message = chrome.say("race.lost");
        }
    }

    private void begin(Messages.RaceState s) {
        if (texts == null || s.level >= texts.length) {
            message = chrome.say("race.noLevelText", s.level + 1);
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
            log.add(chrome.say("race.intro", s.level + 1, levels.length, s.attempt, lvl.title()), Tone.INFO);
            level = s.level;
            attempt = s.attempt;
            played = s.moves.length;
            solved = s.solved;
            lastAck = null;
            round++;
        } catch (LevelException | MoveSyntaxException e) {
            message = chrome.say("race.cannotRebuild", e.getMessage());
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
            return chrome.say("race.lastLevel");
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
            case BACK -> message = chrome.say("race.back");
            case FAILED -> message = reconnect.say(chrome.say("race.lost"));
            case GAVE_UP -> message = chrome.say("room.gaveUp");
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
            return chrome.say("room.notConnected");
        }
        if (state != null && !"running".equals(state.state)) {
            return chrome.say("race.wait", raceState());
        }
        if (solved) {
            return chrome.say("race.solvedWhy");
        }
        if (outOfMoves()) {
            return chrome.say("race.noMovesWhy");
        }
        return null;
    }

    private boolean outOfMoves() {
        return game != null && game.level().moves().limit().isPresent() && game.movesLeft() == 0;
    }

    @Override
    public String mode() {
        Messages.Welcome w = session.welcome();
        return chrome.say("race.mode", w == null ? chrome.say("race.joining") : w.name, level + 1, levels.length);
    }

    /** The race's state as the server names it (waiting, running, paused, stopped), in the chrome's words. */
    private String raceState() {
        return chrome.sayOr("race.state." + state.state, state.state);
    }

    @Override
    public String turnText() {
        if (state == null) {
            return chrome.say("room.joining");
        }
        StringBuilder t = new StringBuilder(chrome.say("race.state", raceState()));
        if (state.millisLeft >= 0) {
            long since = "running".equals(state.state) ? (System.nanoTime() - stateAt) / 1_000_000L : 0;
            t.append(chrome.say("race.left", ProjectorRenderer.clock(state.millisLeft - since)));
        }
        if (state.hint != null && !state.hint.isBlank()) {
            t.append('\n').append(chrome.say("race.hint", state.hint));
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
            lines.add(chrome.say("race.solvedStars", ProjectorRenderer.stars(lastAck.stars), lastAck.moves,
                    lastAck.copies, lastAck.peakFrames));
        } else if (solved) {
            lines.add(chrome.say("race.solved"));
        } else {
            lines.add(chrome.say("race.notMet"));
        }
        lines.add("");
        lines.addAll(standing());
        lines.add("");
        lines.add(chrome.say(hasNext() ? "race.keys.next" : "race.keys"));
        return Optional.of(lines);
    }

    private List<String> standing() {
        Messages.Welcome w = session.welcome();
        return standing(board, level, w == null ? null : w.name, chrome);
    }

    static List<String> standing(Messages.Leaderboard board, int level, String name) {
        return standing(board, level, name, Chrome.english());
    }

    /**
     * Lines "metric  your best  rank r of n  class best  ★ value" for {@code name} on
     * {@code level}: the rank is 1 + the players whose best is strictly better, so equal
     * bests share a rank.
     */
    static List<String> standing(Messages.Leaderboard board, int level, String name, Chrome chrome) {
        if (board == null || name == null || level < 0 || level >= board.levels.length) {
            return List.of(chrome.say("race.noBoard"));
        }
        int me = List.of(board.players).indexOf(name);
        Messages.LevelBoard lb = board.levels[level];
        if (me < 0 || !lb.solved[me]) {
            return List.of(chrome.say("race.unsolved"));
        }
        int metrics = board.metrics.length;
        int solvers = 0;
        for (boolean s : lb.solved) {
            solvers += s ? 1 : 0;
        }
        List<String> lines = new ArrayList<>();
        lines.add(chrome.say("race.standing", solvers));
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
            String label = chrome.sayOr("race.metric." + board.metrics[m],
                    chrome.sayOr("metric." + board.metrics[m], board.metrics[m]));
            lines.add(String.format(Locale.ROOT, "%s %4d   %s%s", label + " ".repeat(Math.max(0,
                    7 - Columns.width(label))), mine, chrome.say("race.rank", rank, solvers, classBest),
                    h.threeStars >= 0 ? "   ★ " + h.threeStars : ""));
        }
        return lines;
    }

    @Override
    public void close() {
        session.close();
    }
}
