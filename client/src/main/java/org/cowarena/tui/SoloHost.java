package org.cowarena.tui;

import java.io.Closeable;
import java.io.IOException;
import org.cowarena.client.Session;
import org.cowarena.server.LevelText;

/**
 * Where a solo game's host runs, and how the solo session reaches it ({@link #connector}). The
 * table knows nothing else of it: the host is the real server in this process, reached over an
 * in-process link with no network at all ({@link EmbeddedServer}).
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
