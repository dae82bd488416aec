package org.cowarena.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import org.cowarena.client.Link;
import org.cowarena.client.Session;
import org.cowarena.protocol.Messages;

/**
 * A server joined, before it is known what it runs: the session's models say it once the first
 * message of a kind came in — a race (the player's race board, or the projector for a
 * spectator), a tournament (its waiting room, then its matches and tables), or a room's game
 * (the board). The scene chosen registers its own handlers then; the models have taken in
 * every message read here, so nothing is lost.
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
        session.handlers().on(Messages.Refusal.class, r -> {
            if (inner == null) {
                message = ctx.chrome().say("room.refused", ctx.chrome().reason(r));
            }
        }).on(Link.Closed.class, c -> {
            if (inner == null && message == null) {
                message = ctx.chrome().say("tournament.closed");
            }
        });
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
        g.putString(2, 1, ctx.chrome().say("join.joining", where));
        if (message != null) {
            g.putString(2, 3, message);
            g.putString(2, 5, ctx.chrome().say("join.keys"));
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
        if (session.next(millis) == null) {
            return false;
        }
        boolean seated = session.welcome() != null && session.welcome().seat >= 0;
        if (session.race().started() && seated) {
            inner = new PlayScene(ctx, new RaceTable(session, ctx.language(), NetScenes.RECONNECT_MILLIS), null);
        } else if (session.race().started()) {
            inner = new ProjectorScene(ctx, session, NetScenes.RECONNECT_MILLIS, teacherToken);
        } else if (session.tournament().started()) {
            inner = new TournamentScene(ctx, session, table);
        } else if (session.room().loaded()) {
            inner = new PlayScene(ctx, table, null);
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
