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

    /**
     * Takes back the last move of the game: the host's room goes back to the state it kept
     * before that move and sends the session a snapshot. Returns why not, or null.
     */
    String undo();

    /** Takes the game back to its start, as {@link #undo} does one move. Returns why not, or null. */
    String restart();

    @Override
    void close();
}
