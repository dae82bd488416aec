package org.cowarena.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import org.cowarena.board.Chrome;
import org.cowarena.board.TournamentRenderer;
import org.cowarena.board.TournamentView;
import org.cowarena.client.Session;
import org.cowarena.client.TournamentProgress;
import org.cowarena.protocol.Messages;

/**
 * A tournament server joined without a room code: the waiting room until the draw, then each
 * match on the usual board (the server seats the player in one room after another, on the
 * same connection), and the table when a round ends; at the end the final table stays until
 * the player quits. A spectator sees the rounds and the tables.
 */
final class TournamentScene implements Scene {

    private enum Mode {
        /** Before the draw. */
        WAITING,
        /** The table (and the round's matches). */
        TABLE,
        /** A match's board. */
        PLAY
    }

    private final Context ctx;
    private final Chrome chrome;
    private final Session session;
    private final RoomTable table;
    private final PlayScene play;
    private Mode mode;
    private Messages.TournamentRound round;
    private Messages.TournamentStandings standings;
    /** The match that began while the table showed: the player goes to it with Enter. */
    private String begun;
    /** The break's line last drawn, so that its countdown is redrawn as it changes. */
    private String shownBreak;

    TournamentScene(Context ctx, Session session, RoomTable table) {
        this.ctx = ctx;
        this.chrome = ctx.chrome();
        this.session = session;
        this.table = table;
        this.play = new PlayScene(ctx, table, null);
        table.endKeys(chrome.say("tournament.endKeys"));
        this.mode = session.tournament().waiting() ? Mode.WAITING : Mode.TABLE;
        follow();
    }

    /** Whether the board (rather than the waiting room or the table) shows. */
    boolean playing() {
        return mode == Mode.PLAY;
    }

    RoomTable table() {
        return table;
    }

    TournamentView view() {
        TournamentProgress t = session.tournament();
        List<String> notes = new ArrayList<>();
        String pause = breakLine();
        if (begun == null && pause != null) {
            notes.add(pause);
        }
        if (begun != null) {
            notes.add(chrome.say("tournament.begun", begun));
        } else if (!t.finished() && mode == Mode.TABLE && !table.resultLines().isEmpty()) {
            notes.add(chrome.say("tournament.lastMatch"));
            notes.addAll(table.resultLines());
        }
        return TournamentViews.of(t, chrome, session.spectating() ? null : session.name(), notes, status());
    }

    /** {@code round 3 starts in 8 s} during the break after a table; null otherwise. */
    private String breakLine() {
        TournamentProgress t = session.tournament();
        long seconds = t.breakSeconds();
        return seconds < 0 ? null : chrome.say("tournament.break", t.played() + 1, seconds);
    }

    private String status() {
        if (session.refusal() != null) {
            Messages.Refusal r = session.refusalMessage();
            String reason = r != null ? chrome.reason(r) : chrome.reason(null, null, session.refusal());
            return chrome.say("room.refused", reason);
        }
        if (session.closed()) {
            return table.message() != null ? table.message() : chrome.say("tournament.closed");
        }
        return chrome.say(mode == Mode.WAITING || table.game() == null || session.tournament().finished()
                ? "tournament.keys.waiting" : "tournament.keys.table");
    }

    @Override
    public void draw(TextGraphics g) {
        if (mode == Mode.PLAY) {
            play.draw(g);
        } else {
            TournamentRenderer.draw(view(), ctx.theme(), g);
        }
    }

    @Override
    public TerminalPosition cursor() {
        return mode == Mode.PLAY ? play.cursor() : null;
    }

    @Override
    public Scene key(KeyStroke k) {
        char c = Keys.ch(k);
        if (mode != Mode.PLAY) {
            if (c == 'q') {
                return null;
            }
            // the final table stays; before it, the board of the match is a key away
            if ((Keys.enter(k) || c == ' ' || c == 'b') && table.game() != null && !session.tournament().finished()) {
                mode = Mode.PLAY;
                begun = null;
            }
            return this;
        }
        boolean over = !table.resultLines().isEmpty();
        if (!play.typing() && (c == 't' || over && (c == 'q' || Keys.enter(k) || Keys.escape(k)))) {
            mode = Mode.TABLE;
            return this;
        }
        Scene next = play.key(k);
        return next == play ? this : next;
    }

    @Override
    public boolean idle(long millis) throws InterruptedException {
        boolean changed = play.idle(millis);
        String pause = breakLine();
        if (mode != Mode.PLAY && !java.util.Objects.equals(pause, shownBreak)) {
            shownBreak = pause; // the break's countdown, once a second
            changed = true;
        }
        return follow() || changed;
    }

    /** What the last message changed in the tournament: a new match to follow, a table to show. */
    private boolean follow() {
        TournamentProgress t = session.tournament();
        boolean changed = false;
        if (t.round() != round) {
            round = t.round();
            changed = true;
            if (round.room != null && !session.spectating() && table.showing(round.room)) {
                // the match on the board, told again after a reconnect: nothing to follow
                if (mode == Mode.WAITING) {
                    mode = Mode.PLAY;
                }
            } else if (round.room != null && !session.spectating()) {
                // this player's match of the round: the Welcome and Snapshot of its room come next
                String line = TournamentViews.match(round, chrome);
                table.newMatch(chrome.say("tournament.stage.round", round.round, round.rounds),
                        line + " (" + chrome.say("tournament.keys.play") + ")");
                if (mode == Mode.TABLE) {
                    begun = line;
                } else {
                    mode = Mode.PLAY;
                }
            } else if (mode == Mode.WAITING && !t.waiting()) {
                mode = Mode.TABLE;
            }
        }
        if (t.standings() != standings) {
            standings = t.standings();
            mode = Mode.TABLE;
            begun = null;
            changed = true;
        }
        return changed;
    }

    @Override
    public void close() {
        play.close();
    }
}
