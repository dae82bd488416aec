package org.cowarena.ssh;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A Lanterna terminal on an SSH channel's streams. Lanterna's own terminals drive the JVM's tty
 * with {@code stty}, which is not the player's; this one writes ANSI sequences in UTF-8 to the
 * channel, takes its size from the pty request instead of asking the terminal, and resizes when
 * the client sends a window change.
 */
final class ChannelTerminal extends ANSITerminal {
    /** The size of a pty request that gave none. */
    static final TerminalSize DEFAULT_SIZE = new TerminalSize(80, 24);
    /** Larger than any screen: a client claiming more is drawn at this size. */
    private static final int MAX_SIDE = 1000;

    private volatile TerminalSize size;

    ChannelTerminal(InputStream in, OutputStream out, TerminalSize size) {
        super(in, out, StandardCharsets.UTF_8);
        this.size = size;
    }

    /** The size in an SSH session's environment (COLUMNS and LINES of its pty request), or 80×24. */
    static TerminalSize sizeOf(Map<String, String> env) {
        int columns = number(env.get("COLUMNS"));
        int rows = number(env.get("LINES"));
        return columns > 0 && rows > 0 ? new TerminalSize(Math.min(columns, MAX_SIDE), Math.min(rows, MAX_SIDE))
                : DEFAULT_SIZE;
    }

    private static int number(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    protected TerminalSize findTerminalSize() {
        return size;
    }

    /** A window-change request: the screen redraws at {@code newSize} on its next frame. */
    void resized(TerminalSize newSize) {
        size = newSize;
        onResized(newSize);
    }
}
