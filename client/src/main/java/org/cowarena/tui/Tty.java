package org.cowarena.tui;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The one terminal and its screen. Exactly one terminal is created (a second one leaves
 * the tty without echo: lanterna #532); always a text terminal, never a Swing window;
 * Ctrl-C arrives as a key instead of killing the JVM from inside Lanterna, so every exit
 * goes through {@link #close()}, which restores the tty. While the screen is up, anything
 * written to System.out or System.err is held and printed after it closes.
 */
final class Tty implements Closeable {
    private static final int HELD_BYTES = 64 * 1024;

    private final Screen screen;
    private final PrintStream realOut;
    private final PrintStream realErr;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private boolean closed;

    private Tty(Screen screen, PrintStream realOut, PrintStream realErr) {
        this.screen = screen;
        this.realOut = realOut;
        this.realErr = realErr;
    }

    static Tty open() throws IOException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Terminal terminal = new DefaultTerminalFactory(out, System.in, StandardCharsets.UTF_8)
                .setForceTextTerminal(true)
                .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
                .createTerminal();
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        screen.setCursorPosition(null);
        Tty tty = new Tty(screen, out, err);
        PrintStream hold = new PrintStream(new OutputStream() {
            @Override
            public synchronized void write(int b) {
                if (tty.held.size() < HELD_BYTES) {
                    tty.held.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);
        System.setOut(hold);
        System.setErr(hold);
        return tty;
    }

    Screen screen() {
        return screen;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            screen.stopScreen();
        } catch (IOException e) {
            // the tty is going away: nothing more to restore
        }
        System.setOut(realOut);
        System.setErr(realErr);
        if (held.size() > 0) {
            realErr.print(held.toString(StandardCharsets.UTF_8));
            realErr.flush();
        }
    }
}
