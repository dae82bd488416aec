package org.cowarena.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import org.cowarena.client.ServerLink;
import org.cowarena.client.Session;
import org.cowarena.protocol.Messages;

/**
 * A server joined, before it is known what it runs: the first snapshot means a room (the
 * board), the first race state or leaderboard means a race (the projector), the first
 * tournament message a tournament (its waiting room, then its matches and tables). Every
 * message read here is also handed to the scene chosen, so nothing is lost.
 */
final class JoinScene implements Scene {
    private final Context ctx;
    private final Session session;
    private final RoomTable table;
    private final String where;
    private final String teacherToken;
    private Scene inner;
    private String message;

    /** {@code teacherToken}: gives a race's projector the teacher's keys; null for anyone else. */
    JoinScene(Context ctx, Session session, RoomTable table, String where, String teacherToken) {
        this.ctx = ctx;
        this.session = session;
        this.table = table;
        this.where = where;
        this.teacherToken = teacherToken;
    }

    /** The scene chosen once the server's first message came, or null before. */
    Scene inner() {
        return inner;
    }

    @Override
    public void draw(TextGraphics g) {
        if (inner != null) {
            inner.draw(g);
            return;
        }
        g.fill(' ');
        g.putString(2, 1, "COW Arena: joining " + where + "…");
        if (message != null) {
            g.putString(2, 3, message);
            g.putString(2, 5, "q: quit");
        }
    }

    @Override
    public TerminalPosition cursor() {
        return inner == null ? null : inner.cursor();
    }

    @Override
    public Scene key(KeyStroke k) {
        if (inner == null) {
            return Keys.ch(k) == 'q' ? null : this;
        }
        Scene next = inner.key(k);
        return next == inner ? this : next;
    }

    @Override
    public boolean idle(long millis) throws InterruptedException {
        if (inner != null) {
            return inner.idle(millis);
        }
        if (session.closed()) {
            Thread.sleep(20);
            return false;
        }
        Object m = session.next(millis);
        if (m == null) {
            return false;
        }
        if ((m instanceof Messages.RaceState || m instanceof Messages.Leaderboard) && session.welcome() != null
                && session.welcome().seat >= 0) {
            RaceTable race = new RaceTable(session, ctx.language(), NetScenes.RECONNECT_MILLIS);
            race.handle(m);
            inner = new PlayScene(ctx, race, null, null);
        } else if (m instanceof Messages.RaceState || m instanceof Messages.Leaderboard) {
            ProjectorScene projector = new ProjectorScene(ctx, session, NetScenes.RECONNECT_MILLIS, teacherToken);
            projector.handle(m);
            inner = projector;
        } else if (m instanceof Messages.TournamentRound || m instanceof Messages.TournamentStandings) {
            inner = new TournamentScene(ctx, session, table);
        } else if (m instanceof Messages.Snapshot) {
            table.handle(m);
            inner = new PlayScene(ctx, table, null, null);
        } else if (m instanceof Messages.Refusal r) {
            message = "the server refused: " + r.reason;
        } else if (m == ServerLink.CLOSED) {
            message = message != null ? message : "the server closed the connection";
        } else {
            table.handle(m);
        }
        return true;
    }

    @Override
    public void close() {
        if (inner != null) {
            inner.close();
        } else {
            session.close();
        }
    }
}
