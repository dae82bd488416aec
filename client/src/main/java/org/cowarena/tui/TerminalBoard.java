package org.cowarena.tui;

import java.io.PrintWriter;
import org.cowarena.client.Board;
import org.cowarena.client.BoardOptions;

/** The Lanterna board behind {@link Board}: what {@code cowarena} runs when no bot plays. */
public final class TerminalBoard implements Board {
    @Override
    public int run(BoardOptions options, PrintWriter err) {
        return App.run(options, err);
    }
}
