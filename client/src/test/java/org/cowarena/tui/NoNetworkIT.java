package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Solo play with no network at all: the built client jar in a real 80×24 terminal (tmux), run
 * inside a new user and network namespace ({@code unshare -rn}) whose only interface, loopback,
 * is down. A campaign level is played with keys to its result, with undo (the key and the
 * command) and restart (the command and the key) on the way.
 */
class NoNetworkIT {
    private static final String JAR = System.getProperty("cowarena.clientJar", "target/cowarena.jar");

    @TempDir
    Path home;

    @BeforeAll
    static void needsTmuxAndANetworkNamespace() throws Exception {
        Tmux.assumeInstalled();
        String why = namespaceProblem();
        assumeTrue(why == null, "a user and network namespace (unshare -rn) is not permitted here, so a machine"
                + " without network cannot be made: " + why);
    }

    /** Why {@code unshare -rn ip -o link show} does not work here, or null when it does. */
    private static String namespaceProblem() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("unshare", "-rn", "ip", "-o", "link", "show").redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "it did not finish within 10 s";
            }
            return p.exitValue() == 0 ? null : out;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /**
     * The client in the namespace; after it, its exit status, the namespace's interfaces (one
     * line each), the terminal's modes, then the pane stays for reading.
     */
    private String client() {
        String inside = "env XDG_CONFIG_HOME=" + home + " LANG=C.UTF-8 java -jar " + Path.of(JAR).toAbsolutePath()
                + "; echo EXIT=$?; echo LINKS=$(ip -o link show | wc -l); ip -o link show; stty -a;"
                + " echo STTY-DONE; sleep 600";
        return "unshare -rn sh -c '" + inside + "'";
    }

    @Test
    void aCampaignLevelIsPlayedToItsResultWithUndoAndRestartWithNoNetwork() throws Exception {
        try (Tmux t = Tmux.start("nonet", 80, 24, client())) {
            t.waitFor("COW Arena: the campaign", "▸ fork returns twice", "Stars: 0 of ");
            t.send("Down"); // to 01-fork, the campaign's second level
            t.waitFor("▸ Fork is cheap");
            t.send("Enter");
            t.waitFor("Briefing", "Fork is cheap");
            t.send("Enter");
            t.waitFor("Page table of pid 1", "moves 0, 6 left", "▸1 shell   running  4  4.0   4");

            t.send("f");
            t.waitFor("moves 1, 5 left", "pid 1 forked pid 2", " └2 shell  running  4  2.0   0");
            t.send("u"); // the undo key: the fork is taken back in the same game
            t.waitUntil("shows the undo and pid 1 alone", s -> s.contains("undo: fork 1 taken back")
                    && s.contains("moves 0, 6 left") && !s.contains("└2 shell"));

            t.send("f");
            t.waitFor("moves 1, 5 left");
            t.send(":");
            t.type("restart");
            t.send("Enter");
            t.waitUntil("shows the restart and pid 1 alone", s -> s.contains("the level starts again")
                    && s.contains("moves 0, 6 left") && !s.contains("└2 shell"));

            t.send("f");
            t.waitFor("moves 1, 5 left");
            t.send("f");
            t.waitFor("Level complete", "Goal met: ★★★  (3 of 3 stars)", "u: undo   r: retry");

            t.send("u"); // undo from the result: back on the board, one fork taken back
            t.waitUntil("shows the board after one fork", s -> s.contains("undo: fork 1 taken back")
                    && s.contains("moves 1, 5 left") && !s.contains("Level complete"));
            t.send(":");
            t.type("undo");
            t.send("Enter");
            t.waitUntil("shows the board before any fork", s -> s.contains("moves 0, 6 left")
                    && !s.contains("└2 shell"));
            t.send("f");
            t.waitFor("moves 1, 5 left");
            t.send("R"); // the restart key
            t.waitUntil("shows the level from its start", s -> s.contains("moves 0, 6 left")
                    && !s.contains("└2 shell"));

            t.send("f");
            t.waitFor("moves 1, 5 left");
            t.send("f");
            t.waitFor("Level complete", "Goal met: ★★★  (3 of 3 stars)");
            t.send("q");
            t.waitFor("COW Arena: the campaign", "Fork is cheap                                ★★★", "Stars: 3 of ");
            t.send("q");
            String after = t.waitFor("EXIT=0", "LINKS=1", "STTY-DONE");
            assertThat(after).as("the namespace's only interface is loopback, and it is down")
                    .containsPattern("\\d+: lo: <LOOPBACK> .*state DOWN");
            TerminalIT.assertSane(after);
        }
        assertThat(Files.readString(home.resolve("cowarena/progress.properties"))).contains("campaign/01-fork=3");
    }
}
