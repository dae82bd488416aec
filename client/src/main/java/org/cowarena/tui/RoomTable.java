package org.cowarena.tui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cowarena.board.Chrome;
import org.cowarena.board.LogBook;
import org.cowarena.board.Tone;
import org.cowarena.client.ServerLink;
import org.cowarena.client.Session;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Replica;
import org.cowarena.report.Narrator;

/**
 * A room of a server, seen through a {@link Session}: the replica is the board, each delta
 * is narrated as it is replayed, refusals and the seats come in as messages. A dropped
 * connection is retried with the seat's token, with a growing pause, without blocking the
 * screen for longer than one connect attempt.
 */
class RoomTable implements Table {
    private final Session session;
    private final String language;
    private final Chrome chrome;
    private final boolean solo;
    private LogBook log;
    private Game bound;
    private String message;
    private String[] players = new String[0];
    private boolean[] connected = new boolean[0];
    private boolean[] bots = new boolean[0];
    private long turnDeadline;
    private long shownSeconds = -1;
    private final List<String> accepted = new ArrayList<>();
    /** Moves sent and not yet answered, by sequence number: a refusal names the move it refuses. */
    private final java.util.Map<Integer, String> pending = new java.util.HashMap<>();
    private Messages.GameOver gameOver;
    private final Reconnect reconnect;
    /** Matches begun on this table (a tournament seats its entrant in one room after another). */
    private int match;
    /** Waiting for the snapshot of the next match's room: the replica still holds the last match. */
    private boolean awaitingMatch;
    /** Said first in each match's log and header (the tournament's round), or null. */
    private String matchTitle;
    private String matchIntro;
    private String endKeys;
    /** The room of the last Welcome. */
    private String room;

    RoomTable(Session session, String language, boolean solo, long reconnectMillis) {
        this.session = session;
        this.language = language;
        this.chrome = Chrome.of(language);
        this.endKeys = chrome.say("room.endKeys");
        this.solo = solo;
        this.reconnect = new Reconnect(session, reconnectMillis);
    }

    Session session() {
        return session;
    }

    /** The accepted moves of this game, in the move notation, in order. */
    List<String> accepted() {
        return List.copyOf(accepted);
    }

    @Override
    public Game game() {
        Replica r = session.replica();
        return r.loaded() && !awaitingMatch ? r.game() : null;
    }

    /**
     * Whether this room's game is on the board already: a match announced again (the server
     * reminds an entrant back on the same seat, after the room's snapshot) is not a new one.
     */
    boolean showing(String code) {
        return code != null && code.equals(room) && !awaitingMatch && session.replica().loaded();
    }

    /**
     * The server is seating this player in another room (a tournament's next match): the last
     * match's log, moves and result are put away until that room's snapshot comes.
     *
     * @param title said in the header while the match lasts ({@code round 2 of 3})
     * @param intro the first line of the match's log, and the message until its board is there
     */
    void newMatch(String title, String intro) {
        match++;
        awaitingMatch = true;
        matchTitle = title;
        matchIntro = intro;
        log = null;
        bound = null;
        gameOver = null;
        accepted.clear();
        pending.clear();
        players = new String[0];
        connected = new boolean[0];
        bots = new boolean[0];
        message = intro;
    }

    /** The keys the end of a game offers (the board shows them under the result). */
    void endKeys(String keys) {
        this.endKeys = keys;
    }

    @Override
    public String endKeys() {
        return endKeys;
    }

    @Override
    public int round() {
        return match;
    }

    @Override
    public LogBook log() {
        return log;
    }

    /** Keeps an existing log across a new session (undo): the log goes on. */
    void adoptLog(LogBook previous) {
        this.log = previous;
        if (bound != null) {
            log.rebind(new Narrator(bound, language));
        }
    }

    @Override
    public Optional<Turn> lastTurn() {
        return session.replica().lastTurn();
    }

    @Override
    public boolean poll(long millis) throws InterruptedException {
        if (session.closed()) {
            return retry();
        }
        Object m = session.next(millis);
        if (m == null) {
            long left = secondsLeft();
            boolean changed = left != shownSeconds;
            shownSeconds = left;
            return changed;
        }
        handle(m);
        return true;
    }

    /** One message, after the session has taken it in. */
    void handle(Object m) {
        if (m instanceof Messages.Welcome w) {
            if (room != null && !room.equals(w.room) && !awaitingMatch) {
                newMatch(null, null); // seated in another room unannounced: the last room's game is not this one
            }
            room = w.room;
        } else if (m instanceof Messages.Snapshot s) {
            if (awaitingMatch) {
                awaitingMatch = false;
                message = null;
            }
            players = s.players;
            connected = s.connected;
            bots = s.bots;
            turnDeadline = System.nanoTime() + s.turnMillisLeft * 1_000_000L;
            accepted.clear();
            for (String line : s.moves) {
                int colon = line.indexOf(": ");
                accepted.add(colon >= 0 ? line.substring(colon + 2) : line);
            }
            rebind();
        } else if (m instanceof Messages.MoveDelta d) {
            accepted.add(d.move);
            pending.values().remove(d.move);
            turnDeadline = System.nanoTime() + d.turnMillis * 1_000_000L;
            rebind();
            Optional<Turn> turn = session.replica().lastTurn();
            if (turn.isPresent() && log != null) {
                log.move(solo ? "" : who(d.seat) + (d.timedOut ? " (time ran out)" : ""), turn.get());
            }
            message = null;
        } else if (m instanceof Messages.MoveRefused r) {
            message = log == null ? r.reason : log.narrator().say("refused", r.reason);
            String move = pending.remove(r.seq);
            if (log != null) {
                if (move != null) {
                    log.add("› " + move, Tone.MOVE);
                }
                log.add("  " + message, Tone.REFUSED);
            }
        } else if (m instanceof Messages.Seats s) {
            players = s.players;
            connected = s.connected;
            bots = s.bots;
            if (s.started) {
                turnDeadline = System.nanoTime() + s.turnMillisLeft * 1_000_000L;
            }
        } else if (m instanceof Messages.GameOver g) {
            gameOver = g;
        } else if (m instanceof Messages.ChatLine c && log != null) {
            log.add(c.from + ": " + c.text, Tone.INFO);
        } else if (m instanceof Messages.Refusal r) {
            message = chrome.say("room.refused", r.reason);
        } else if (m == ServerLink.CLOSED && rejoins()) {
            reconnect.lost();
            message = chrome.say("room.lost");
        }
    }

    /** The narrator reads the replica's game; a snapshot replaces that game object. */
    private void rebind() {
        Game g = game();
        if (g == null || g == bound) {
            return;
        }
        bound = g;
        Narrator narrator = new Narrator(g, language);
        if (log == null) {
            log = new LogBook(narrator, g.level());
            if (matchIntro != null) {
                log.add(matchIntro, Tone.TITLE);
            }
            String id = g.level().source().replaceFirst("^levels/", "").replaceFirst("\\.yaml$", "");
            log.add(chrome.say(solo ? "room.intro.solo" : "room.intro", id, g.level().title()), Tone.INFO);
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
                message = chrome.say(session.welcome() == null ? "room.reconnected" : "room.reconnectedSeat");
                if (log != null) {
                    log.add(message, Tone.INFO);
                }
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
        Replica r = session.replica();
        String owner = seat >= 0 && seat < players.length ? r.seat(seat) : "?";
        String name = seat >= 0 && seat < players.length && players[seat] != null ? players[seat] : owner;
        return name.equals(owner) ? name : name + " (" + owner + ")";
    }

    private long secondsLeft() {
        return Math.max(0, (turnDeadline - System.nanoTime()) / 1_000_000_000L);
    }

    @Override
    public void play(String move) {
        pending.put(session.play(move), move);
    }

    @Override
    public String whyNotMove() {
        Replica r = session.replica();
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
        Replica r = session.replica();
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
            t.append(r.myTurn() ? chrome.say("turn.yours", secondsLeft())
                    : chrome.say("turn.theirs", who(r.turn()), secondsLeft()));
        }
        for (int i = 0; i < players.length; i++) {
            String name = players[i] != null ? players[i] : chrome.say("seat.open");
            String state = i < bots.length && bots[i] ? "bot" : i < connected.length && connected[i] ? "on"
                    : players[i] != null ? "away" : "open";
            t.append('\n').append(chrome.say("turn.seat", i, r.seat(i), name, chrome.say("seat.state." + state)));
        }
        return t.toString();
    }

    @Override
    public String message() {
        return message;
    }

    @Override
    public Optional<List<String>> ended() {
        if (gameOver == null) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < gameOver.seats.length; i++) {
            lines.add(chrome.say("room.ended", gameOver.ranks[i], gameOver.players[i], gameOver.seats[i],
                    gameOver.jobsMet[i], gameOver.jobs[i], gameOver.alive[i], gameOver.charged[i]));
        }
        return Optional.of(lines);
    }

    @Override
    public void close() {
        session.close();
    }
}
