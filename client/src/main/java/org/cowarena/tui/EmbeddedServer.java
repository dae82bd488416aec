package org.cowarena.tui;

import java.util.List;
import org.cowarena.client.InProcessLink;
import org.cowarena.client.Session;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.ServeConfig;

/**
 * Solo mode's server: the real multiplayer server (GameServer, its room thread, its rules) in
 * this process, never started on the network: the solo session reaches it over an in-process
 * link ({@link GameServer#attach}), so there is no port, no socket, and solo play works on a
 * machine with no network interface at all. One human seat, no turn timer; the session speaks
 * the same protocol as a networked game, each message written and read by Kryo as on the wire.
 * Undo and restart take the room's game back to the states the room keeps (a room of one seat
 * and no journal keeps them), in the same room, which sends the session a snapshot.
 */
final class EmbeddedServer implements SoloHost {
    /** A turn that never times out (a delta carries the timer as an int of milliseconds). */
    private static final long NO_TIMER = Integer.MAX_VALUE;

    private final GameServer server;

    private EmbeddedServer(GameServer server) {
        this.server = server;
    }

    static EmbeddedServer start(LevelText level) throws java.io.IOException {
        ServeConfig config = ServeConfig.defaults(List.of(level)).withPorts(0, 0).withPlayers(1)
                .withTimers(NO_TIMER, NO_TIMER).withName("solo");
        return new EmbeddedServer(GameServer.create(config));
    }

    @Override
    public Session.Connector connector() {
        return timeout -> new InProcessLink(server.attach());
    }

    @Override
    public String undo() {
        return server.undo(room());
    }

    @Override
    public String restart() {
        return server.restart(room());
    }

    /** The server's one room. */
    private String room() {
        return server.rooms().get(0).code();
    }

    @Override
    public void close() {
        server.close();
    }
}
