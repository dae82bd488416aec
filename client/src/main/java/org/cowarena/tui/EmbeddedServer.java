package org.cowarena.tui;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.cowarena.client.ServerLink;
import org.cowarena.client.Session;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.ServeConfig;

/**
 * Solo mode's server: the real multiplayer server (GameServer, its room thread, its rules)
 * in this process, on a free port of the loopback address only (nobody else on the network
 * can reach it; its only seat is taken at once by this client), with one human seat and no
 * turn timer.
 * Solo play goes through the same protocol as a networked game; only undo is the client's:
 * the protocol has no "take back" message, so undo starts a fresh embedded server and
 * replays every accepted move but the last (the kernel is deterministic, so the game is the
 * same as before that move).
 */
final class EmbeddedServer implements SoloHost {
    /** A turn that never times out (a delta carries the timer as an int of milliseconds). */
    private static final long NO_TIMER = Integer.MAX_VALUE;

    private final GameServer server;
    private final int port;

    private EmbeddedServer(GameServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedServer start(LevelText level) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ServeConfig config = ServeConfig.defaults(List.of(level)).withPorts(port, 0).withPlayers(1)
                .withTimers(NO_TIMER, NO_TIMER).withName("solo");
        GameServer server = GameServer.create(config);
        try {
            server.start(InetAddress.getLoopbackAddress());
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new EmbeddedServer(server, port);
    }

    int port() {
        return port;
    }

    @Override
    public Session.Connector connector() {
        return timeout -> {
            ServerLink link = new ServerLink();
            try {
                link.connect(InetAddress.getLoopbackAddress().getHostAddress(), port, timeout);
            } catch (IOException | RuntimeException e) {
                link.close();
                throw e;
            }
            return link;
        };
    }

    @Override
    public void close() {
        server.close();
    }
}
