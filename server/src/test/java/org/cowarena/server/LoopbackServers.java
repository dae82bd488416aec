package org.cowarena.server;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts servers on free loopback ports for a test and closes them after it ({@code @RegisterExtension}). */
final class LoopbackServers implements AfterEachCallback {
    /** Makes a server from a config on a free port (no discovery). */
    interface Factory {
        GameServer make(ServeConfig config) throws Exception;
    }

    private final List<GameServer> started = new ArrayList<>();
    private int port;

    /** A server made by {@code factory} on a fresh free port, started; see {@link #port}. */
    GameServer start(Factory factory) throws Exception {
        port = LoopbackPlayer.freePort();
        GameServer server = factory.make(Duel.config(port));
        started.add(server);
        server.start();
        return server;
    }

    /** The port of the server started last. */
    int port() {
        return port;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (GameServer s : started) {
            s.close();
        }
    }
}
