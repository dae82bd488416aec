package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cowarena.board.Chrome;
import org.cowarena.client.ClientCli;
import org.cowarena.client.RaceClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The race in the terminal client, against the real server jar: the projector follows two
 * race players live; a player plays the race on the board and sees where they stand.
 */
class ProjectorIT {
    private static final String CLIENT = System.getProperty("cowarena.clientJar", "target/cowarena.jar");
    private static final String AFTER = "; echo EXIT=$?; stty -a; echo STTY-DONE; sleep 600";

    @TempDir
    Path dir;

    private Process server;

    @BeforeAll
    static void needsTmux() {
        Tmux.assumeInstalled();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    private int serveRace(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--race", "campaign/01-fork,campaign/02-cow-copy", "--race-minutes",
                "20"));
        args.addAll(List.of(more));
        ServerProcess started = ServerProcess.serve(dir.resolve("server.log"), "room RACE", args.toArray(new String[0]));
        server = started.process();
        return started.port();
    }

    /** The teacher token the server printed at start. */
    private String teacherToken() throws Exception {
        Matcher m = Pattern.compile("teacher token: ([0-9a-f]+)").matcher(Files.readString(dir.resolve("server.log"),
                StandardCharsets.UTF_8));
        assertThat(m.find()).as("the server printed its teacher token").isTrue();
        return m.group(1);
    }

    @Test
    void theTeacherPausesTheRaceAndExportsTheResultsFromTheProjector() throws Exception {
        Path journal = dir.resolve("journal");
        int port = serveRace("--journal", journal.toString());
        // the token from the environment: it stays out of the command line
        try (Tmux teacher = Tmux.start("teacher", 80, 24, "env LANG=C.UTF-8 " + ClientCli.TEACHER_TOKEN_VARIABLE + "="
                + teacherToken() + " java -jar " + Path.of(CLIENT).toAbsolutePath() + " --connect 127.0.0.1:" + port
                + " --teacher" + AFTER);
             RaceClient ann = RaceClient.join(port, "ann", null, false)) {
            teacher.waitFor("projector │ running", "1 player", Chrome.english().say("teacher.keys"), Chrome.english().say("projector.keys"));
            teacher.send("p");
            teacher.waitFor("projector │ paused", "pause: done");
            // the server paused: it journaled the pause and refuses a student's move
            assertThat(Files.readString(journal.resolve("race.moves"), StandardCharsets.UTF_8)).contains("# state paused");
            assertThat(ann.play("fork 1")).isFalse();
            assertThat(ann.state().state).isEqualTo("paused");

            teacher.send("e");
            teacher.waitFor("export: done: wrote results.csv and results.json in");
            assertThat(Files.readString(journal.resolve("results.csv"), StandardCharsets.UTF_8)).contains("ann,fork,false");

            teacher.send("x");
            teacher.waitFor("Stop the race for everyone (no more moves)? y: stop");
            teacher.send("Escape");
            teacher.waitFor("stop: not sent");
            teacher.send("q");
            TerminalIT.assertSane(teacher.waitFor("EXIT=0", "STTY-DONE"));
        }
    }

    @Test
    void theLeaderboardFollowsThePlayersLive() throws Exception {
        int port = serveRace();
        try (Tmux projector = Tmux.start("projector", 80, 24, "env LANG=C.UTF-8 java -jar "
                + Path.of(CLIENT).toAbsolutePath() + " --connect 127.0.0.1:" + port + " --spectate" + AFTER)) {
            projector.waitFor("COW Arena │ projector │ running │ 19:", " left │ 0 players", "No players yet",
                    "Level 1 of 2: fork");
            try (RaceClient ann = RaceClient.join(port, "ann", null, false);
                 RaceClient bob = RaceClient.join(port, "bob", null, false)) {
                projector.waitFor("2 players", "solved by 0 of 2", "   ann ", "   bob ");

                assertThat(ann.play("fork 1")).isTrue();
                assertThat(ann.play("fork 1")).isTrue();
                String screen = projector.waitFor("solved by 1 of 2", " 1.ann         2      0      4    ★★★");
                assertThat(screen).contains("moves (fewer is better)  ★ 2").contains("  2 ★ ████");

                // bob's cautious solve: one move more, two stars; he ranks second, and a second bar appears
                assertThat(bob.play("fork 1")).isTrue();
                assertThat(bob.play("read 2 3")).isTrue();
                assertThat(bob.play("fork 1")).isTrue();
                screen = projector.waitFor("solved by 2 of 2", " 2.bob         3      0      4    ★★☆");
                assertThat(screen).contains("  3   ████").contains(" 1.ann ");
                // the README's picture of the projector is this pane
                Files.writeString(Path.of(CLIENT).toAbsolutePath().resolveSibling("projector-80x24.txt"), screen,
                        StandardCharsets.UTF_8);

                // ann goes on to level 2: the projector stays on the room's level until asked
                ann.attempt(1);
                assertThat(ann.play("write 2 3 X")).isTrue();
                projector.send("Right");
                projector.waitFor("Level 2 of 2: cow-copy", "solved by 1 of 2", " 1.ann         1      1");
                projector.send("f");
                projector.waitFor("Level 1 of 2: fork", "solved by 2 of 2");
            }
            projector.send("q");
            TerminalIT.assertSane(projector.waitFor("EXIT=0", "STTY-DONE"));
        }
    }

    private static void move(Tmux t, String move) throws Exception {
        t.send(":");
        t.type(move);
        t.send("Enter");
    }

    @Test
    void aPlayerRacesOnTheBoardAndSeesTheirRank() throws Exception {
        int port = serveRace();
        try (RaceClient bob = RaceClient.join(port, "bob", null, false)) {
            assertThat(bob.play("fork 1")).isTrue();
            assertThat(bob.play("fork 1")).isTrue();
            try (Tmux alice = Tmux.start("alice", 80, 24, "env LANG=C.UTF-8 java -jar "
                    + Path.of(CLIENT).toAbsolutePath() + " --connect 127.0.0.1:" + port + " --name alice" + AFTER)) {
                alice.waitFor("race · alice · level 1 of 2", "race running", "Level 1 of 2, attempt 1", ":retry :next");
                alice.send("H");
                alice.waitFor("In a race, hints come from the teacher: none yet.");
                alice.send("Enter");
                alice.waitUntil("closes the hint", screen -> !screen.contains("hints come from the teacher"));
                // the cautious solve: three moves, two stars, behind bob on moves
                move(alice, "fork 1");
                alice.waitFor("fork returned 2 in pid 1"); // the log's last line after the fork
                move(alice, "read 2 3");
                move(alice, "fork 1");
                alice.waitFor("Attempt over", "Solved ★★☆: moves 3, copies 0, peak 4 frames",
                        "among the 2 who solved it", "moves      3   rank 2 of 2   class best 2   ★ 2",
                        "stars      2   rank 2 of 2   class best 3   ★ 3", "r: try again   n: next level");
                // again, and better: bob's equal now
                alice.send("r");
                alice.waitFor("Level 1 of 2, attempt 2");
                move(alice, "fork 1");
                move(alice, "fork 1");
                alice.waitFor("Solved ★★★: moves 2", "moves      2   rank 1 of 2   class best 2");
                alice.send("n");
                alice.waitFor("race · alice · level 2 of 2", "Level 2 of 2, attempt 1");
                move(alice, "write 2 3 X");
                alice.waitFor("Solved ★★★: moves 1, copies 1", "among the 1 who solved it", "rank 1 of 1",
                        "r: try again   Esc");
                alice.send("q");
                TerminalIT.assertSane(alice.waitFor("EXIT=0", "STTY-DONE"));
            }
        }
    }

    /** Three or more English words in a row, once the level's own texts and names are taken out. */
    private static void noEnglishSentence(String screen, String... allowed) {
        String said = screen;
        for (String a : allowed) {
            said = said.replace(a, "");
        }
        assertThat(Pattern.compile("[A-Za-z]{2,}(?:[ ,'][A-Za-z]{2,}){2,}").matcher(said).find())
                .as("no English sentence on:\n%s", screen).isFalse();
    }

    @Test
    void aRaceInChineseAt80x24ThePlayersBoardAndTheTeachersProjector() throws Exception {
        int port = serveRace();
        String jar = " java -jar " + Path.of(CLIENT).toAbsolutePath() + " --connect 127.0.0.1:" + port + " --lang zh";
        try (Tmux teacher = Tmux.start("teacher-zh", 80, 24, "env LANG=C.UTF-8 " + ClientCli.TEACHER_TOKEN_VARIABLE
                + "=" + teacherToken() + jar + " --teacher" + AFTER);
             Tmux ann = Tmux.start("ann-zh", 80, 24, "env LANG=C.UTF-8 XDG_CONFIG_HOME=" + dir + jar + " --name ann"
                     + AFTER)) {
            ann.waitFor("竞赛 · ann · 第 1/2 关", "竞赛 进行中");
            for (int moves = 1; moves <= 2; moves++) {
                ann.send(":");
                ann.type("fork 1");
                ann.send("Enter");
                ann.waitFor("步数 " + moves + "，剩");
            }
            String result = ann.waitFor("本次尝试结束", "已解决", "r：再试一次");
            noEnglishSentence(result, "COW Arena", "campaign/01-fork");
            String projector = teacher.waitFor("投影 │ 进行中", "1 名玩家", "老师：", "第 1/2 关", "fork 代价很小");
            noEnglishSentence(projector, "COW Arena", "cowarena --connect HOST --name NAME");
            teacher.send("x");
            teacher.waitFor("为所有人结束竞赛");
            teacher.send("Escape");
            teacher.waitFor("stop：未发送");
            teacher.send("q");
            TerminalIT.assertSane(teacher.waitFor("EXIT=0", "STTY-DONE"));
            ann.send("q");
            TerminalIT.assertSane(ann.waitFor("EXIT=0", "STTY-DONE"));
        }
    }
}
