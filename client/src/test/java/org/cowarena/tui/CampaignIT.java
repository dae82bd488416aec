package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Collectors;
import org.cowarena.level.LevelLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaign as a puzzle game, in the built client jar in a real terminal (tmux) at 80×24:
 * the menu's chapters, a restart, a solution saved when the goal is met and replayed from the
 * menu, the histograms on the result screen, the sandbox, and the end of the campaign.
 */
class CampaignIT {
    @TempDir
    Path home;

    @BeforeAll
    static void needsTmux() {
        Tmux.assumeInstalled();
    }

    /** From the menu with level 01 selected: its briefing, then both forks, to the result. */
    private static void solveTheFirstLevel(Tmux t) throws Exception {
        t.send("Enter");
        t.waitFor("Briefing", "Fork is cheap");
        t.send("Enter");
        t.waitFor("moves 0, 6 left");
        t.send("f");
        t.waitFor("moves 1, 5 left");
        t.send("f");
        t.waitFor("Level complete");
    }

    /** A move typed on the command line. */
    private static void command(Tmux t, String move) throws Exception {
        t.send(":");
        t.type(move);
        t.send("Enter");
    }

    private String client() {
        return "env XDG_CONFIG_HOME=" + home + " LANG=C.UTF-8 java -jar " + TerminalIT.JAR + TerminalIT.AFTER;
    }

    @Test
    void restartSaveAndReplayFromTheMenuWithHistogramsOnTheResult() throws Exception {
        try (Tmux t = Tmux.start("puzzle", 80, 24, client())) {
            t.waitFor("COW Arena: the campaign", "1. fork and copy-on-write", "▸ fork returns twice", "(challenge)",
                    "s saved solutions   x sandbox");
            t.send("Down"); // to 01-fork, the campaign's second level
            t.waitFor("▸ Fork is cheap");
            t.send("Enter");
            t.waitFor("Briefing", "Fork is cheap");
            t.send("Enter");
            t.waitFor("Page table of pid 1", "moves 0, 6 left", "for ★★★: moves ≤ 2");

            // a wasted move, then R: the level starts again
            t.send("p");
            t.waitFor("moves 1, 5 left");
            t.send("R");
            t.waitFor("moves 0, 6 left", "the level starts again");

            t.send("f");
            t.waitFor("moves 1, 5 left", "Pages of pid 1 · fork()→2", "fork returned 2 in pid 1 (the child's pid)");
            t.send("Down");
            t.waitFor("Pages of pid 2 · fork()→0");
            t.send("Up");
            t.waitFor("Pages of pid 1 · fork()→2");
            t.send("f");
            // the result: stars, the play saved, and the play on every metric's histogram once counted
            t.waitFor("Level complete", "Goal met: ★★★", "Saved as your best play by moves, peak frames, copies",
                    "Your play among all", "solutions within 6 moves:", "yours 2 · top ", "[", "]");
            Path saved = home.resolve("cowarena/solutions/campaign/01-fork/moves.moves");
            assertThat(Files.readString(saved)).contains("# level campaign/01-fork").endsWith("fork 1\nfork 1\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved.getParent())))
                    .isEqualTo("rwx------");
            try (var cached = Files.list(home.resolve("cowarena/histograms"))) {
                assertThat(cached.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                        .singleElement().asString().matches("[0-9a-f]{64}\\.txt");
            }

            t.send("q");
            t.waitFor("COW Arena: the campaign", "★★★  moves 2 · peak 4 · copies 0", "Stars: 3 of ");
            t.send("Down"); // the menu comes back on the first level not yet solved: the one above 01-fork
            t.waitFor("▸ Fork is cheap");
            t.send("s");
            t.waitFor("Saved solutions: Fork is cheap", "▸ moves: 2 moves, peak 4, 0 copies", "Enter replay");
            t.send("Enter");
            t.waitFor("replay moves.moves 0/2", "n/space next");
            t.send("G");
            t.waitFor("replay moves.moves 2/2", "0 f code×3", "[x] at least 3");
            t.send("q");
            t.waitFor("COW Arena: the campaign", "1. fork and copy-on-write");

            // opened again, the level's histograms come from the cache at once
            t.send("Down");
            t.waitFor("▸ Fork is cheap");
            solveTheFirstLevel(t);
            t.waitFor("Level complete", "yours 2 · top ");
            t.send("q");
            t.waitFor("COW Arena: the campaign");
            t.send("q");
            TerminalIT.assertSane(t.waitFor("EXIT=0", "STTY-DONE"));
        }
    }

    @Test
    void theSandboxIsFreePlay() throws Exception {
        try (Tmux t = Tmux.start("sandbox", 80, 24, client())) {
            t.waitFor("COW Arena: the campaign", "x sandbox"); // the sandbox's row is below the screen's end at 80x24
            t.send("x");
            t.waitFor("Briefing", "Free play: no goal, no move limit, no stars.");
            t.send("Enter");
            t.waitFor("sandbox/playground", "moves 0 │ no goal", "stars no goal");
            t.send("f");
            t.waitFor("moves 1 │ no goal", "└2 shell", "Pages of pid 1 · fork()→2");
            command(t, "exec 2 db");
            t.waitFor("moves 2 │ no goal", "└2 db");
            command(t, "write 2 3 n");
            t.waitFor("moves 3 │ no goal");
            assertThat(t.screen()).doesNotContain("Level complete");
            t.send("R");
            t.waitFor("moves 0 │ no goal", "the level starts again");
            t.send("q");
            t.waitFor("COW Arena: the campaign");
            t.send("q");
            TerminalIT.assertSane(t.waitFor("EXIT=0", "STTY-DONE"));
        }
        Path progress = home.resolve("cowarena/progress.properties");
        assertThat(Files.exists(progress) ? Files.readString(progress) : "").as("free play earns nothing")
                .doesNotContain("sandbox/");
    }

    @Test
    void meetingTheLastGoalOfTheCampaignShowsItsEnd() throws Exception {
        StringBuilder progress = new StringBuilder();
        for (String id : LevelLoader.bundledIds()) {
            if (id.startsWith("campaign/") && !id.equals("campaign/01-fork")) {
                progress.append(id).append("=2\n");
            }
        }
        Files.createDirectories(home.resolve("cowarena"));
        Files.writeString(home.resolve("cowarena/progress.properties"), progress);
        try (Tmux t = Tmux.start("end", 80, 24, client())) {
            t.waitFor("COW Arena: the campaign", "▸ Fork is cheap");
            solveTheFirstLevel(t);
            t.waitFor("Level complete", "Enter: the end of the campaign");
            t.send("Enter");
            t.waitFor("COW Arena: the campaign is complete", "Every level of the campaign met its goal.",
                    "1. fork and copy-on-write", "Enter: menu   x: sandbox   q: quit");
            t.send("Enter");
            t.waitFor("COW Arena: the campaign", "e the end");
            t.send("e");
            t.waitFor("COW Arena: the campaign is complete");
            t.send("q");
            TerminalIT.assertSane(t.waitFor("EXIT=0", "STTY-DONE"));
        }
    }
}
