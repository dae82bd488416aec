package org.cowarena.client;

import java.io.PrintWriter;
import java.util.ServiceLoader;

/**
 * The terminal board, as the command line sees it: found at run time ({@link ServiceLoader}),
 * so that the client's model and command line never depend on the terminal scenes that
 * depend on them.
 */
public interface Board {
    /** Runs the board until the player quits; the exit status. */
    int run(BoardOptions options, PrintWriter err);

    /** The board on the class path; IllegalStateException when the jar has none. */
    static Board find() {
        return ServiceLoader.load(Board.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("this build has no terminal board"));
    }
}
