package org.cowarena.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cowarena.board.BoardView;
import org.cowarena.board.Chrome;
import org.cowarena.board.Columns;
import org.cowarena.board.LogBook;
import org.cowarena.board.ProjectorRenderer;
import org.cowarena.board.Tone;
import org.cowarena.client.ClientRoom;
import org.cowarena.client.Link;
import org.cowarena.client.RaceProgress;
import org.cowarena.client.Session;
import org.cowarena.game.Game;
import org.cowarena.protocol.Messages;
import org.cowarena.report.Narrator;

/**
 * A race player's own game: the session's {@link RaceProgress} replays the acknowledged moves
 * on the level's text; this table narrates them, asks for new attempts ({@code :retry},
 * {@code :next}, and r / n on the result) and shows where the player stands in the class.
 */
final class RaceTable implements Table {
    private final Session session;
    private final RaceProgress race;
    private final String language;
    private final Chrome chrome;
    private final Reconnect reconnect;
    private LogBook log;
    private int logRound = Integer.MIN_VALUE;
    private String message;

    RaceTable(Session session, String language, long reconnectMillis) {
        this.session = session;
        this.race = session.race();
        this.language = language;
        this.chrome = Chrome.of(language);
        this.reconnect = new Reconnect(session, reconnectMillis);
        session.handlers().on(Messages.RaceState.class, s -> sync())
                .on(Messages.RaceAck.class, this::acked)
                .on(Messages.MoveRefused.class, this::refused)
                .on(Messages.Refusal.class, r -> message = chrome.say("room.refused", r.reason))
                .on(Link.Closed.class, c -> {
                    if (session.welcome() != null && session.refusal() == null) {
                        reconnect.lost();
                        message = chrome.say("race.lost");
                    }
                });
        sync();
    }

    /** A new attempt on the model: its own log, begun with the level's line. */
    private void sync() {
        RaceProgress.Problem p = race.problem();
        if (p != null) {
            message = chrome.say(p.key(), p.args());
        }
        Game g = room().game();
        if (g == null || logRound == room().round()) {
            return;
        }
        logRound = room().round();
        log = new LogBook(new Narrator(g, language), g.level());
        log.add(chrome.say("race.intro", race.level() + 1, race.levels(), race.state().attempt,
                g.level().title(language)),
                Tone.INFO);
    }

    private void acked(Messages.RaceAck a) {
        sync();
        if (race.lastAck() == a && log != null) {
            room().lastTurn().ifPresent(t -> log.move("", t));
            if (a.improved) {
                log.add(chrome.say("race.newBest"), Tone.MET);
            }
        }
    }

    private void refused(Messages.MoveRefused r) {
        message = log == null ? r.reason : log.narrator().say("refused", r.reason);
        if (log != null) {
            log.add("  " + message, Tone.REFUSED);
        }
    }

    @Override
    public ClientRoom room() {
        return session.room();
    }

    /** Asks for a new attempt: the same level again, or the next; the problem when there is none. */
    String attempt(boolean next) {
        int to = next ? race.level() + 1 : race.level();
        if (to < 0 || to >= race.levels()) {
            return chrome.say("race.lastLevel");
        }
        session.send(new Messages.RaceAttempt(to));
        return null;
    }

    @Override
    public LogBook log() {
        return room().loaded() ? log : null;
    }

    @Override
    public boolean poll(long millis) throws InterruptedException {
        if (session.closed()) {
            return retry();
        }
        return session.next(millis) != null;
    }

    private boolean retry() throws InterruptedException {
        Reconnect.Step step = session.welcome() == null || session.refusal() != null ? Reconnect.Step.WAITING
                : reconnect.attempt();
        switch (step) {
            case BACK -> message = chrome.say("race.back");
            case FAILED -> message = reconnect.say(chrome.say("race.lost"), chrome);
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
        if (!room().loaded()) {
            return chrome.say("room.joining");
        }
        if (race.state() != null && !race.running()) {
            return chrome.say("race.wait", raceState());
        }
        if (race.solved()) {
            return chrome.say("race.solvedWhy");
        }
        if (race.outOfMoves()) {
            return chrome.say("race.noMovesWhy");
        }
        return null;
    }

    @Override
    public String mode() {
        Messages.Welcome w = session.welcome();
        return chrome.say("race.mode", w == null ? chrome.say("race.joining") : w.name, race.level() + 1,
                race.levels());
    }

    /** The race's state as the server names it (waiting, running, paused, stopped), in the chrome's words. */
    private String raceState() {
        return chrome.sayOr("race.state." + race.stateName(), race.stateName());
    }

    @Override
    public String turnText() {
        if (race.state() == null) {
            return chrome.say("room.joining");
        }
        StringBuilder t = new StringBuilder(chrome.say("race.state", raceState()));
        if (race.millisLeft() >= 0) {
            t.append(chrome.say("race.left", ProjectorRenderer.clock(race.millisLeft())));
        }
        if (race.hint() != null) {
            t.append('\n').append(chrome.say("race.hint", race.hint(language)));
        }
        return t.toString();
    }

    @Override
    public String message() {
        return message;
    }

    @Override
    public String keys() {
        return chrome.say("keys.race");
    }

    @Override
    public Optional<String> command(String line) {
        if (!line.equals("retry") && !line.equals("next")) {
            return Optional.empty();
        }
        String problem = attempt(line.equals("next"));
        return Optional.of(problem == null ? "" : problem);
    }

    @Override
    public String undo() {
        return chrome.say("race.noUndo");
    }

    @Override
    public String restart() {
        return attempt(false);
    }

    /** In a race the teacher decides when hints are revealed, for everyone at once. */
    @Override
    public List<String> hints() {
        if (race.hint() == null) {
            return List.of();
        }
        return List.of(chrome.say("hint.race.teacher", race.hint(language)));
    }

    @Override
    public String noHints() {
        return chrome.say("hint.race.none");
    }

    /** The attempt's result and the player's rank per metric among the class's bests on this level. */
    @Override
    public Optional<Ending> ending() {
        if (!room().loaded() || !(race.solved() || race.outOfMoves())) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        Messages.RaceAck ack = race.lastAck();
        if (race.solved() && ack != null) {
            lines.add(chrome.say("race.solvedStars", ProjectorRenderer.stars(ack.stars), ack.moves, ack.copies,
                    ack.peakFrames));
        } else if (race.solved()) {
            lines.add(chrome.say("race.solved"));
        } else {
            lines.add(chrome.say("race.notMet"));
        }
        lines.add("");
        Messages.Welcome w = session.welcome();
        lines.addAll(standing(race.board(), race.level(), w == null ? null : w.name, chrome));
        lines.add("");
        lines.add(chrome.say(race.hasNext() ? "race.keys.next" : "race.keys"));
        List<BoardView.LogLine> shown = new ArrayList<>();
        lines.forEach(l -> shown.add(new BoardView.LogLine(l, Tone.NORMAL)));
        // redrawn while it shows: the class's leaderboard follows the acknowledgement
        return Optional.of(new Ending(chrome.say("ended.race"), shown, true));
    }

    @Override
    public After endKey(KeyStroke k) {
        char c = Keys.ch(k);
        if (c == 'q') {
            return After.QUIT;
        }
        if (c == 'r' || c == 'n' || Keys.enter(k) && race.hasNext()) {
            String problem = attempt(c != 'r');
            if (problem != null) {
                message = problem;
            }
            return After.STAY;
        }
        return After.BOARD;
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
