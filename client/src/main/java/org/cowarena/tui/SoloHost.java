package org.cowarena.tui;

import java.io.Closeable;
import java.io.IOException;
import org.cowarena.client.Session;
import org.cowarena.server.LevelText;

/**
 * Where a solo game's host runs, and how the solo session reaches it ({@link #connector}). The
 * table knows nothing else of it: the host today is the real server on the loopback address
 * ({@link EmbeddedServer}); a host that serves the same rooms over a pair of in-memory queues
 * ({@link org.cowarena.client.QueueLink}) plugs in here, with no network at all.
 */
interface SoloHost extends Closeable {
    /** Starts a host for one level, with one seat and no turn timer. */
    @FunctionalInterface
    interface Factory {
        SoloHost start(LevelText level) throws IOException;
    }

    /** Opens the solo session's link to this host. */
    Session.Connector connector();

    @Override
    void close();
}
