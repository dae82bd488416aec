package org.cowarena.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cowarena.board.BoardView;
import org.cowarena.board.Chrome;
import org.cowarena.board.LogBook;
import org.cowarena.board.Tone;
import org.cowarena.client.ClientRoom;
import org.cowarena.client.Link;
import org.cowarena.client.Session;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;
import org.cowarena.protocol.Messages;
import org.cowarena.report.Narrator;

/**
 * A room of a server, seen through a {@link Session}: the session's {@link ClientRoom} is the
 * board; this table narrates each delta as it is replayed, says refusals and chat, and draws
 * the seats and the clock. A dropped connection is retried with the seat's token, with a
 * growing pause, without blocking the screen for longer than one connect attempt. A
 * tournament seats its entrant in one room after another on the same table ({@link #newMatch}).
 */
class RoomTable implements Table {
    private final Session session;
    private final String language;
    private final Chrome chrome;
    private final boolean solo;
    private final Reconnect reconnect;
    private LogBook log;
    private int logRound = Integer.MIN_VALUE;
    private Game bound;
    private String message;
    private long shownSeconds = -1;
    /** Moves sent and not yet answered, by sequence number: a refusal names the move it refuses. */
    private final Map<Integer, String> pending = new HashMap<>();
    /** The room left for the next match: its game is not shown while the next one's snapshot is awaited. */
    private String leftRoom;
    private boolean awaitingMatch;
    /** Said first in each match's log and header (the tournament's round), or null. */
    private String matchTitle;
    private String matchIntro;
    private String endKeys;

    RoomTable(Session session, String language, boolean solo, long reconnectMillis) {
        this.session = session;
        this.language = language;
        this.chrome = Chrome.of(language);
        this.endKeys = chrome.say("room.endKeys");
        this.solo = solo;
        this.reconnect = new Reconnect(session, reconnectMillis);
        session.handlers().on(Messages.Snapshot.class, this::loaded)
                .on(Messages.MoveDelta.class, this::moved)
                .on(Messages.MoveRefused.class, this::refused)
                .on(Messages.ChatLine.class, c -> say(c.from + ": " + c.text, Tone.INFO))
                .on(Messages.Refusal.class, r -> message = chrome.say("room.refused", r.reason))
                .on(Link.Closed.class, c -> lost());
    }

    Session session() {
        return session;
    }

    @Override
    public ClientRoom room() {
        return session.room();
    }

    @Override
    public Game game() {
        return awaitingMatch ? null : room().game();
    }

    /**
     * Whether this room's game is on the board already: a match announced again (the server
     * reminds an entrant back on the same seat, after the room's snapshot) is not a new one.
     */
    boolean showing(String code) {
        return code != null && code.equals(room().code()) && !awaitingMatch && room().loaded();
    }

    /**
     * The server is seating this player in another room (a tournament's next match): the last
     * match's log, moves and result are put away until that room's snapshot comes.
     *
     * @param title said in the header while the match lasts ({@code round 2 of 3})
     * @param intro the first line of the match's log, and the message until its board is there
     */
    void newMatch(String title, String intro) {
        leftRoom = room().code();
        awaitingMatch = true;
        matchTitle = title;
        matchIntro = intro;
        room().clear();
        log = null;
        bound = null;
        pending.clear();
        message = intro;
    }

    /** The keys the end of a game offers (the board shows them under the result). */
    void endKeys(String keys) {
        this.endKeys = keys;
    }

    @Override
    public LogBook log() {
        sync();
        return log;
    }

    /** Keeps an existing log across a new session (a solo game's undo): the log goes on. */
    void adoptLog(LogBook previous) {
        sync();
        log = previous;
        if (bound != null) {
            log.rebind(new Narrator(bound, language));
        }
    }

    @Override
    public Optional<Turn> lastTurn() {
        return awaitingMatch ? Optional.empty() : room().lastTurn();
    }

    @Override
    public boolean poll(long millis) throws InterruptedException {
        if (session.closed()) {
            return retry();
        }
        Object m = session.next(millis);
        if (m == null) {
            long left = room().secondsLeft();
            boolean changed = left != shownSeconds;
            shownSeconds = left;
            return changed;
        }
        return true;
    }

    private void loaded(Messages.Snapshot s) {
        if (awaitingMatch && room().loaded() && (s.room == null || !s.room.equals(leftRoom))) {
            awaitingMatch = false;
            message = null;
        }
        sync();
    }

    private void moved(Messages.MoveDelta d) {
        pending.values().remove(d.move);
        sync();
        Optional<Turn> turn = lastTurn();
        if (turn.isPresent() && log != null && room().index() == d.index) {
            log.move(solo ? "" : who(d.seat) + (d.timedOut ? chrome.say("room.timedOut") : ""), turn.get());
        }
        message = null;
    }

    private void refused(Messages.MoveRefused r) {
        message = log == null ? r.reason : log.narrator().say("refused", r.reason);
        String move = pending.remove(r.seq);
        if (log != null) {
            if (move != null) {
                log.add("› " + move, Tone.MOVE);
            }
            log.add("  " + message, Tone.REFUSED);
        }
    }

    private void say(String text, Tone tone) {
        if (log != null) {
            log.add(text, tone);
        }
    }

    private void lost() {
        if (rejoins()) {
            reconnect.lost();
            message = chrome.say("room.lost");
        }
    }

    /**
     * The log follows the room's game: a new log when another game began on the model (with the
     * match's and the level's first lines), the same log reading a new game object otherwise.
     */
    private void sync() {
        Game g = game();
        if (g == null || g == bound) {
            return;
        }
        bound = g;
        Narrator narrator = new Narrator(g, language);
        if (log == null || logRound != round()) {
            logRound = round();
            log = new LogBook(narrator, g.level());
            if (matchIntro != null) {
                log.add(matchIntro, Tone.TITLE);
            }
            String id = g.level().source().replaceFirst("^levels/", "").replaceFirst("\\.yaml$", "");
            log.add(chrome.say(solo ? "room.intro.solo" : "room.intro", id, g.level().title(language)),
                    Tone.INFO);
        } else {
            log.rebind(narrator);
        }
    }

    /** A seat (or a room's view) to get back on a new connection; a tournament's spectator just says hello again. */
    private boolean rejoins() {
        return session.refusal() == null && (session.welcome() != null || session.spectating());
    }

    private boolean retry() throws InterruptedException {
        if (!rejoins()) {
            Thread.sleep(20); // the screen's poll loop: nothing to read, nothing to retry
            return false;
        }
        reconnect.lost();
        Reconnect.Step step = reconnect.attempt();
        switch (step) {
            case BACK -> {
                // Only a player has a seat to get back; a spectator (the projector) just reconnects.
                boolean seated = session.welcome() != null && session.welcome().seat >= 0;
                message = chrome.say(seated ? "room.reconnectedSeat" : "room.reconnected");
                say(message, Tone.INFO);
            }
            case FAILED -> message = chrome.say("room.lost");
            case GAVE_UP -> message = chrome.say("room.gaveUp");
            default -> { }
        }
        if (step == Reconnect.Step.WAITING || step == Reconnect.Step.GAVE_UP) {
            Thread.sleep(20);
        }
        return step != Reconnect.Step.WAITING;
    }

    private String who(int seat) {
        ClientRoom r = room();
        String owner = seat >= 0 && seat < r.seatCount() ? r.seat(seat) : "?";
        String name = r.player(seat) != null ? r.player(seat) : owner;
        return name.equals(owner) ? name : name + " (" + owner + ")";
    }

    @Override
    public void play(String move) {
        pending.put(session.play(move), move);
    }

    @Override
    public String whyNotMove() {
        ClientRoom r = room();
        if (session.closed()) {
            return chrome.say("room.notConnected");
        }
        if (r.you() < 0) {
            return chrome.say("room.spectator");
        }
        if (!r.loaded() || !r.started()) {
            return chrome.say("room.notStarted");
        }
        if (r.over()) {
            return chrome.say("room.over");
        }
        if (!r.myTurn()) {
            return chrome.say("room.notYourTurn", who(r.turn()));
        }
        return null;
    }

    @Override
    public String mode() {
        if (solo) {
            return chrome.say("mode.solo");
        }
        Messages.Welcome w = session.welcome();
        if (w == null) {
            return chrome.say("room.connecting");
        }
        return (matchTitle == null ? "" : matchTitle + " · ") + (w.seat >= 0
                ? chrome.say("room.mode.plays", w.room, w.name, w.owner) : chrome.say("room.mode.spectating", w.room));
    }

    @Override
    public String owner() {
        Messages.Welcome w = session.welcome();
        return solo || w == null || w.seat < 0 ? null : w.owner;
    }

    @Override
    public String turnText() {
        if (solo) {
            return null;
        }
        ClientRoom r = room();
        StringBuilder t = new StringBuilder();
        if (!r.loaded()) {
            return chrome.say("room.joining");
        }
        if (r.over()) {
            t.append(chrome.say("turn.over"));
        } else if (!r.started()) {
            t.append(chrome.say("turn.waiting"));
        } else {
            // short enough for the narrowest side panel: the seats below say who plays which owner
            t.append(r.myTurn() ? chrome.say("turn.yours", r.secondsLeft())
                    : chrome.say("turn.theirs", who(r.turn()), r.secondsLeft()));
        }
        for (int i = 0; i < r.players(); i++) {
            String name = r.player(i) != null ? r.player(i) : chrome.say("seat.open");
            String state = r.bot(i) ? "bot" : r.connected(i) ? "on" : r.player(i) != null ? "away" : "open";
            t.append('\n').append(chrome.say("turn.seat", i, r.seat(i), name, chrome.say("seat.state." + state)));
        }
        return t.toString();
    }

    @Override
    public String message() {
        return message;
    }

    @Override
    public String keys() {
        return chrome.say("keys.room");
    }

    @Override
    public String undo() {
        return chrome.say("command.soloOnly", "undo"); // the other seats have seen the move
    }

    @Override
    public String restart() {
        return chrome.say("command.soloOnly", "restart");
    }

    @Override
    public String noHints() {
        return chrome.say("hint.none");
    }

    /** The host's result, one line a seat: empty while the game goes on. */
    List<String> resultLines() {
        Messages.GameOver g = room().result();
        List<String> lines = new ArrayList<>();
        if (g == null) {
            return lines;
        }
        for (int i = 0; i < g.seats.length; i++) {
            lines.add(chrome.say("room.ended", g.ranks[i], g.players[i], g.seats[i], g.jobsMet[i], g.jobs[i],
                    g.alive[i], g.charged[i]));
        }
        return lines;
    }

    @Override
    public Optional<Ending> ending() {
        List<String> result = resultLines();
        if (result.isEmpty()) {
            return Optional.empty();
        }
        List<BoardView.LogLine> lines = new ArrayList<>();
        result.forEach(l -> lines.add(new BoardView.LogLine(l, Tone.NORMAL)));
        lines.add(new BoardView.LogLine("", Tone.NORMAL));
        lines.add(new BoardView.LogLine(endKeys, Tone.DIM));
        return Optional.of(new Ending(chrome.say("ended.title"), lines, false));
    }

    @Override
    public After endKey(KeyStroke k) {
        char c = Keys.ch(k);
        if (c == 'q' || Keys.enter(k)) {
            return After.LEAVE;
        }
        return Keys.escape(k) || c == ' ' ? After.BOARD : After.STAY;
    }

    @Override
    public void close() {
        session.close();
    }
}
