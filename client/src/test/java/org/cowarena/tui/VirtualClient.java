package org.cowarena.tui;

import org.cowarena.client.BoardOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.cowarena.board.Theme;
import org.cowarena.board.VirtualScreens;

/**
 * The terminal client joined to a server, on a Lanterna virtual terminal: the scenes and
 * the loop of a real terminal, on a thread of their own. A test presses keys and reads the
 * cells back; waits poll the screen until what a person would read is there, or fail with
 * the screen as it was.
 */
final class VirtualClient implements AutoCloseable {
    static final long WAIT_MILLIS = 20_000;

    private final DefaultVirtualTerminal terminal;
    private final Thread loop;
    private volatile Integer exit;
    private volatile Throwable failure;

    private VirtualClient(DefaultVirtualTerminal terminal, Scene first) throws Exception {
        this.terminal = terminal;
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        loop = new Thread(() -> {
            try {
                exit = App.loop(screen, first);
            } catch (Exception | AssertionError e) {
                failure = e;
            }
        }, "virtual-client");
        loop.setDaemon(true);
        loop.start();
    }

    /** The projector of the race on {@code port}, with the teacher's keys when {@code teacher} is a token. */
    static VirtualClient projector(int port, String teacher) throws Exception {
        return start(new BoardOptions("127.0.0.1:" + port, null, null, null, true, null, "en", false, null, 0, teacher));
    }

    /** A race player (or a room's) named {@code name}. */
    static VirtualClient player(int port, String name) throws Exception {
        return start(new BoardOptions("127.0.0.1:" + port, name, null, null, false, null, "en", false, null, 0, null));
    }

    private static VirtualClient start(BoardOptions o) throws Exception {
        Context ctx = new Context(Theme.colour(), "en", null, o.name() == null ? "spectator" : o.name(), List.of(), 0);
        StringWriter err = new StringWriter();
        Scene first = NetScenes.join(ctx, o, new PrintWriter(err, true));
        assertThat(first).as(err.toString()).isNotNull();
        return new VirtualClient(new DefaultVirtualTerminal(new TerminalSize(80, 24)), first);
    }

    /** Characters typed one by one. */
    void type(String text) {
        for (char c : text.toCharArray()) {
            terminal.addInput(new KeyStroke(c, false, false));
        }
    }

    void press(KeyType key) {
        terminal.addInput(new KeyStroke(key));
    }

    /** {@code :LINE} and Enter: a command (or a move) on the command line. */
    void command(String line) {
        type(":" + line);
        press(KeyType.Enter);
    }

    String screen() {
        return VirtualScreens.text(terminal);
    }

    String row(int r) {
        return VirtualScreens.row(terminal, r);
    }

    TextCharacter cell(int column, int r) {
        return terminal.getCharacter(column, r);
    }

    String waitFor(String... texts) throws InterruptedException {
        return waitUntil("shows " + String.join(", ", texts), s -> Arrays.stream(texts).allMatch(s::contains));
    }

    /**
     * Polls the screen until {@code condition} holds on a settled screen: the same on two reads
     * in a row, so that a screen read while the loop's thread redraws it is not taken for the next.
     */
    String waitUntil(String what, Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        String before = null;
        String last = screen();
        while (!condition.test(last) || !last.equals(before)) {
            if (failure != null || exit != null) {
                throw new AssertionError("the client stopped (" + (failure != null ? failure : "exit " + exit)
                        + "); it showed:\n" + last, failure);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the screen never " + what + "; it shows:\n" + last);
            }
            TimeUnit.MILLISECONDS.sleep(20); // the poll interval; the wait itself is on the condition
            before = last;
            last = screen();
        }
        return last;
    }

    /** Ends the loop as the end of input would, and waits for it to close its scene. */
    @Override
    public void close() throws InterruptedException {
        terminal.addInput(new KeyStroke(KeyType.EOF));
        loop.join(TimeUnit.SECONDS.toMillis(10));
        if (loop.isAlive()) {
            loop.interrupt();
            loop.join(TimeUnit.SECONDS.toMillis(5));
        }
    }
}
