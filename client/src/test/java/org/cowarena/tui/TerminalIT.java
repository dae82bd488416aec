package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built client jar in a real terminal (tmux): the first campaign level played with keys
 * and the command line through to its result, undo, a long game's log scrolled back and a
 * restart at 80×24, and a sane terminal after quitting and after Ctrl-C.
 */
class TerminalIT {
    static final String JAR = System.getProperty("cowarena.clientJar", "target/cowarena.jar");
    /** After the program: its exit status, then the terminal's modes, then the pane stays for reading. */
    static final String AFTER = "; echo EXIT=$?; stty -a; echo STTY-DONE; sleep 600";

    @TempDir
    Path home;

    @BeforeAll
    static void needsTmux() {
        Tmux.assumeInstalled();
    }

    private String client(String args) {
        return "env XDG_CONFIG_HOME=" + home + " LANG=C.UTF-8 java -jar " + JAR + " " + args + AFTER;
    }

    /** stty -a lists "echo" and "icanon" when set, "-echo" and "-icanon" when not. */
    static void assertSane(String screen) {
        assertThat(Pattern.compile("(^|\\s)echo(\\s|;|$)", Pattern.MULTILINE).matcher(screen).find())
                .as("echo is back on:\n%s", screen).isTrue();
        assertThat(Pattern.compile("(^|\\s)icanon(\\s|;|$)", Pattern.MULTILINE).matcher(screen).find())
                .as("icanon is back on:\n%s", screen).isTrue();
        assertThat(screen).doesNotContain("-echo ").doesNotContain("-icanon");
    }

    @Test
    void firstCampaignLevelPlayedToItsResultThenQuit() throws Exception {
        try (Tmux t = Tmux.start("campaign", 80, 24, client(""))) {
            // each wait names everything checked on that screen: a capture can fall mid-refresh
            t.waitFor("COW Arena: the campaign", "1. fork and copy-on-write", "▸ fork returns twice", "Stars: 0 of ");
            t.send("Down"); // the campaign opens on its first level; this test plays the second, 01-fork
            t.waitFor("▸ Fork is cheap");

            t.send("Enter");
            t.waitFor("Briefing", "Fork is cheap", "Get three shells running without using a fifth frame.");

            t.send("Enter");
            t.waitFor("Page table of pid 1", "moves 0, 6 left", "0 f code    1 f cfg     2 a a       3 a b",
                    "[ ] at least 3", "▸1 shell   running  4  4.0   4",
                    "campaign/01-fork: Fork is cheap. Press ? for the keys, H for a hint.");

            t.send("f");
            t.waitFor("moves 1, 5 left", "pid 1 forked pid 2: the child maps 1 text page shared read-only",
                    "0 f code×2  1 f cfg ×2  2 a a   ×2  3 a b   ×2", " └2 shell  running  4  2.0   0",
                    "│   2→2    heap R COW a");

            // the command line: a move the kernel cannot play is refused with its reason
            t.send(":");
            t.type("write 9 2 Z");
            t.waitFor(":write 9 2 Z");
            t.send("Enter");
            t.waitFor("› write 9 2 Z", "refused: no process 9; nothing changed");

            t.send("H");
            t.waitFor("Hint", "1. fork needs no free frame at all.");
            t.send("Escape");
            t.waitUntil("closes the hint", s -> !s.contains("1. fork needs no free frame"));

            t.send(":");
            t.type("fo");
            t.send("Tab");
            t.waitFor(":fork"); // Tab completed the verb and a space (capture-pane trims it)
            t.type("1");
            t.send("Enter");
            t.waitFor("Level complete", "Goal met: ★★★  (3 of 3 stars)", "[x] at least 3 running shell",
                    "moves  2   best known 2", "Enter: next level   u: undo   r: retry   q: menu");

            t.send("q");
            t.waitFor("COW Arena: the campaign", "Fork is cheap", "★★★  moves 2 · peak 4 · copies 0", "Stars: 3 of ");
            t.send("q");
            String after = t.waitFor("EXIT=0", "STTY-DONE");
            assertSane(after);
        }
        assertThat(Files.readString(home.resolve("cowarena/progress.properties"))).contains("campaign/01-fork=3");
    }

    @Test
    void oneLevelDirectlyResizedWithUndoThenCtrlC() throws Exception {
        try (Tmux t = Tmux.start("level", 100, 30, client("--level campaign/02-cow-copy"))) {
            t.waitFor("Briefing", "Writing to a shared page copies it");
            t.send("Enter");
            t.waitFor("Pages of pid 1 · fork()→2", "moves 0, 4 left"); // the level's setup forked pid 2
            // a larger terminal: the board redraws with the wide layout (parents, refs)
            t.tmux("resize-window", "-t", "level", "-x", "160", "-y", "48");
            t.waitFor(" pid prog", "ppid", "refs value");
            t.send(":");
            t.type("write 2 3 X");
            t.send("Enter");
            t.waitFor("Level complete", "Goal met: ★★★", "q: quit");
            t.send("u");
            t.waitUntil("shows the undo and no result", s -> s.contains("undo: write 2 3 X taken back")
                    && s.contains("moves 0, 4 left") && !s.contains("Level complete"));
            t.send("C-c");
            assertSane(t.waitFor("EXIT=130", "STTY-DONE"));
        }
    }

    @Test
    void monochromeWhenNoColorIsSet() throws Exception {
        try (Tmux t = Tmux.start("mono", 80, 24, "env NO_COLOR=1 XDG_CONFIG_HOME=" + home + " LANG=C.UTF-8 java -jar "
                + JAR + " --level campaign/01-fork" + AFTER)) {
            t.waitFor("Briefing");
            t.send("Enter");
            t.waitFor("Page table of pid 1");
            String styled = t.screenWithStyles();
            assertThat(Pattern.compile("\u001b\\[[0-9;]*(3[0-7]|4[0-7]|9[0-7]|10[0-7])m").matcher(styled).find())
                    .as("no colour sequence in:\n%s", styled).isFalse();
            assertThat(styled).contains("\u001b[7m"); // reverse video carries the header and the selection
            t.send("q");
            assertSane(t.waitFor("EXIT=0", "STTY-DONE"));
        }
    }

    @Test
    void replayStepsThroughAMovesFile() throws Exception {
        Path moves = Path.of("../levels/campaign/01-fork.moves").toAbsolutePath().normalize();
        try (Tmux t = Tmux.start("replay", 80, 24, client("--replay " + moves + " --level campaign/01-fork"))) {
            t.waitFor("replay 01-fork.moves 0/2", "n/space next");
            t.send("n");
            t.waitFor("replay 01-fork.moves 1/2", "› fork 1", "0 f code×2");
            t.send("G");
            t.waitFor("replay 01-fork.moves 2/2", "0 f code×3", "[x] at least 3");
            t.send("p");
            t.waitFor("replay 01-fork.moves 1/2", "0 f code×2");
            t.send("q");
            assertSane(t.waitFor("EXIT=0", "STTY-DONE"));
        }
    }

    /**
     * A long game at 80×24: an 8-character value whole, pass by Tab, the early log reached by
     * scrolling with the last move still named, a goal that can no longer be met, R to restart,
     * and q asking first.
     */
    @Test
    void aLongGameAt80x24ScrollsItsLogAndRestarts() throws Exception {
        Path level = Files.writeString(home.resolve("long-game.yaml"), LegibilityTest.LEVEL);
        try (Tmux t = Tmux.start("long", 80, 24, client("--level " + level))) {
            t.waitFor("Briefing", "Write a long value");
            t.send("Enter");
            t.waitFor("Page table of pid 1", "moves 0, 40 left");
            t.send(":");
            t.type("write 1 2 ABCDEFGH");
            t.send("Enter");
            t.waitFor("moves 1, 39 left");
            t.send("Right", "Right");
            t.waitFor("▸  2→2    heap RW    ABCDEFGH", "2 a ABCDEFGH");
            t.send(":");
            t.type("pa");
            t.send("Tab");
            t.waitFor(":pass");
            t.send("Enter");
            t.waitFor("moves 2, 38 left");
            for (int i = 3; i <= 14; i++) {
                t.send("p");
                t.waitFor("moves " + i + ", " + (40 - i) + " left");
            }
            t.waitUntil("the first write scrolled away", s -> !s.contains("› write 1 2 ABCDEFGH"));
            t.type("[[[[[[[[");
            t.waitFor("› write 1 2 ABCDEFGH", "── Log ↑", "─ › pass ─");
            t.type("]]]]]]]]");
            t.waitUntil("back at the newest lines", s -> !s.contains("── Log ↑"));
            t.send(":");
            t.type("write 1 3 B");
            t.send("Enter");
            t.send(":");
            t.type("fork 1");
            t.send("Enter");
            t.send(":");
            t.type("write 2 2 C");
            t.send("Enter");
            t.waitFor("The goal \"peak memory at most 4 frames\" can no longer be met: R starts the");
            t.send("R");
            t.waitFor("moves 0, 40 left", "the level starts again");
            t.send(":");
            t.type("write 1 2 A");
            t.send("Enter");
            t.waitFor("moves 1, 39 left");
            t.send("q");
            t.waitFor("Leave the level?");
            t.send("y");
            assertSane(t.waitFor("EXIT=0", "STTY-DONE"));
        }
    }
}
