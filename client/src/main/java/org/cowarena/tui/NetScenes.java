package org.cowarena.tui;

import org.cowarena.client.BoardOptions;
import java.io.IOException;
import java.io.PrintWriter;
import org.cowarena.client.HostPort;
import org.cowarena.client.SeatTokens;
import org.cowarena.client.Session;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Protocol;

/** Joining a room of a server, as a player or a spectator: the board then shows the room. */
final class NetScenes {
    /** How long a dropped player keeps retrying before giving up (the server keeps the seat 30 s by default). */
    static final long RECONNECT_MILLIS = 60_000;

    private NetScenes() {
    }

    static Scene join(Context ctx, BoardOptions o, PrintWriter err) {
        if (o.connect() == null) {
            err.println("cowarena: --spectate needs --connect HOST[:PORT]");
            return null;
        }
        HostPort hp;
        try {
            hp = HostPort.parse(o.connect(), Protocol.DEFAULT_PORT);
        } catch (IllegalArgumentException e) {
            err.println("cowarena: --connect " + o.connect() + ": " + e.getMessage());
            return null;
        }
        if (!o.spectate() && (o.name() == null || o.name().isBlank())) {
            err.println("cowarena: name yourself with --name NAME");
            return null;
        }
        Session session = new Session(hp.host(), hp.port(),
                new Messages.Hello(o.spectate() ? "spectator" : o.name(), o.room(), o.token(), o.spectate()))
                .keepSeatsIn(SeatTokens.ofUser(System.getenv()));
        try {
            session.connect(5000);
        } catch (IOException e) {
            session.close();
            err.println("cowarena: cannot connect to " + hp.host() + ":" + hp.port() + ": " + e.getMessage());
            return null;
        }
        RoomTable table = new RoomTable(session, ctx.language(), false, RECONNECT_MILLIS);
        return new JoinScene(ctx, session, table, hp.host() + ":" + hp.port(), o.teacher());
    }
}
