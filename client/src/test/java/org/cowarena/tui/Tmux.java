package org.cowarena.tui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal for end-to-end tests: a detached tmux session on a socket of its own,
 * driven with send-keys and read with capture-pane. Waits poll the pane until what a
 * player would read appears, or fail with the pane as it was.
 */
final class Tmux implements AutoCloseable {
    static final long WAIT_MILLIS = 30_000;

    private final String socket;
    private final String session;
    private String socketPath;

    private Tmux(String socket, String session) {
        this.socket = socket;
        this.session = session;
    }

    static void assumeInstalled() {
        boolean found;
        try {
            found = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            found = false;
        }
        assumeTrue(found, "tmux is not installed here (.ci/run installs it, so CI runs these tests)");
    }

    /** Starts {@code shellCommand} in a new {@code columns}×{@code rows} pane. */
    static Tmux start(String name, int columns, int rows, String shellCommand) throws Exception {
        String socket = "cowarena-it-" + ProcessHandle.current().pid() + "-" + name;
        Tmux t = new Tmux(socket, name);
        t.tmux("-f", "/dev/null", "new-session", "-d", "-s", name, "-x", String.valueOf(columns), "-y",
                String.valueOf(rows), "sleep 600");
        t.socketPath = t.tmux("display-message", "-p", "#{socket_path}").strip();
        // Esc must reach the program at once, not wait to see whether it starts an Alt key.
        t.tmux("set-option", "-s", "escape-time", "0");
        t.tmux("respawn-pane", "-k", "-t", name, shellCommand);
        return t;
    }

    String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-u", "-L", socket));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().remove("TMUX");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /** Keys as tmux names them: "Enter", "Escape", "C-c", "Down", or literal text. */
    void send(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(Arrays.asList(keys));
        tmux(args.toArray(new String[0]));
    }

    /** Literal text, never read as key names. */
    void type(String text) throws Exception {
        tmux("send-keys", "-t", session, "-l", text);
    }

    String screen() throws Exception {
        return tmux("capture-pane", "-p", "-t", session);
    }

    /** The pane with its colours and attributes as escape sequences. */
    String screenWithStyles() throws Exception {
        return tmux("capture-pane", "-p", "-e", "-t", session);
    }

    String waitFor(String... texts) throws Exception {
        return waitUntil("shows " + String.join(", ", texts), s -> Arrays.stream(texts).allMatch(s::contains));
    }

    /**
     * Polls the pane until {@code condition} holds on a settled screen: the same on two
     * captures in a row, so that a screen caught half redrawn is not taken for the next one.
     */
    String waitUntil(String what, Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        String last = "";
        String before = null;
        while (System.nanoTime() < deadline) {
            last = screen();
            if (condition.test(last) && last.equals(before)) {
                return last;
            }
            before = last;
            TimeUnit.MILLISECONDS.sleep(40); // the poll interval; the wait itself is on the condition
        }
        throw new AssertionError("the terminal never " + what + "; it shows:\n" + last);
    }

    @Override
    public void close() throws Exception {
        try {
            tmux("kill-server");
        } catch (IOException e) {
            // already gone
        }
        if (socketPath != null && !socketPath.isEmpty()) {
            java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(socketPath)); // tmux leaves it behind
        }
    }
}
