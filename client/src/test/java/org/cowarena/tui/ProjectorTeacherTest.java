package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cowarena.board.Chrome;
import org.cowarena.client.RaceClient;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.RaceConfig;
import org.cowarena.server.ServeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The teacher's keys on the projector, on a virtual terminal, against a race server in this
 * JVM on a free loopback port (journaling in a temporary directory) with two students:
 * what each key does to the race, and what the projector shows of the server's answer.
 */
class ProjectorTeacherTest {
    private static final String FIRST_HINT = "fork needs no free frame at all.";

    @TempDir
    Path dir;

    private GameServer server;
    private int port;

    private void serveRace() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<LevelText> levels = List.of(LevelText.resolve("campaign/01-fork"), LevelText.resolve("campaign/02-cow-copy"));
        server = GameServer.createRace(ServeConfig.defaults(List.of()).withPorts(port, 0).withJournal(Optional.of(dir)),
                new RaceConfig(levels, -1, false));
        server.start();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theTeacherPausesRevealsHintsExportsMovesOnKicksAndStops() throws Exception {
        serveRace();
        try (RaceClient alice = RaceClient.join(port, "alice", null, false);
             RaceClient bob = RaceClient.join(port, "bob", null, false);
             VirtualClient teacher = VirtualClient.projector(port, server.teacherToken())) {
            assertThat(alice.play("fork 1")).isTrue();
            assertThat(alice.play("fork 1")).isTrue();
            teacher.waitFor("projector │ running", "2 players", "solved by 1 of 2", " 1.alice ");
            assertThat(teacher.row(22)).startsWith(" " + Chrome.english().say("teacher.keys"));
            assertThat(teacher.row(23)).startsWith(" " + Chrome.english().say("projector.keys"));

            teacher.type("p");
            teacher.waitFor("projector │ paused", "pause: done");
            assertThat(server.raceState()).isEqualTo("paused");
            assertThat(teacher.row(23)).startsWith(" pause: done ");
            assertThat(teacher.cell(1, 23).getForegroundColor()).isEqualTo(TextColor.ANSI.GREEN);
            alice.until(() -> "paused".equals(alice.state().state), 5000, "the pause to reach a student");

            teacher.type("p"); // the server's reason, as it gave it
            teacher.waitFor("pause refused: the race is not running");
            assertThat(teacher.row(23)).startsWith(" pause refused: the race is not running");
            assertThat(teacher.cell(1, 23).getForegroundColor()).isEqualTo(TextColor.ANSI.RED);

            teacher.type("H");
            teacher.waitFor(" Hint: " + FIRST_HINT, "hint: done");
            assertThat(teacher.row(1)).startsWith(" Hint: " + FIRST_HINT);
            alice.until(() -> alice.hints().contains(FIRST_HINT), 5000, "the hint to reach alice");
            bob.until(() -> bob.hints().contains(FIRST_HINT), 5000, "the hint to reach bob");
            teacher.command("hint Count the frames.");
            teacher.waitFor(" Hint: Count the frames.");
            bob.until(() -> bob.hints().contains("Count the frames."), 5000, "the teacher's own hint");

            teacher.type("e");
            teacher.waitFor("export: done: wrote results.csv and results.json in ");
            String csv = Files.readString(dir.resolve("results.csv"), StandardCharsets.UTF_8);
            assertThat(csv.lines().findFirst()).contains("player,level,solved,moves,copies,peak_frames,stars,attempts,"
                    + "time_to_solve_ms,solution");
            assertThat(csv.lines()).anyMatch(l -> l.startsWith("alice,fork,true,2,0,4,3,1,"))
                    .anyMatch(l -> l.startsWith("bob,fork,false,"));
            assertThat(Files.readString(dir.resolve("results.json"), StandardCharsets.UTF_8)).contains("\"alice\"");

            teacher.type("n"); // it asks first
            teacher.waitFor("Move the room to level 2 of 2? Players behind start there. y: next");
            assertThat(teacher.cell(1, 23).getForegroundColor()).isEqualTo(TextColor.ANSI.YELLOW);
            teacher.type("y");
            teacher.waitFor("next: done", "room: level 2 of 2", "Level 2 of 2: cow-copy");
            alice.until(() -> alice.state().focus == 1 && alice.state().level == 1, 5000, "alice on level 2");
            teacher.type("n"); // on the last level: no question, the server's reason
            teacher.waitFor("next refused: the room is on the race's last level");

            teacher.type(":kick b");
            teacher.press(KeyType.Tab);
            teacher.waitFor(":kick bob ");
            teacher.press(KeyType.Enter);
            teacher.waitFor("Remove bob from the race (the name is refused after)? y: remove");
            teacher.type("y");
            teacher.waitFor("kick: done", "1 player", "solved by 0 of 1");
            assertThat(teacher.screen()).doesNotContain("bob");
            bob.until(() -> bob.refusal() != null, 5000, "bob's removal");
            assertThat(bob.refusal()).contains("the teacher removed you");
            try (RaceClient again = RaceClient.join(port, "bob", null, false)) {
                assertThat(again.refusal()).contains("removed bob");
            }

            teacher.type("x");
            teacher.waitFor("Stop the race for everyone (no more moves)? y: stop");
            teacher.press(KeyType.Escape);
            teacher.waitFor("stop: not sent");
            assertThat(server.raceState()).isEqualTo("paused");
            teacher.type("x");
            teacher.waitFor("y: stop");
            teacher.type("y");
            teacher.waitFor("projector │ stopped", "stop: done");
            assertThat(server.raceState()).isEqualTo("stopped");
        }
    }

    @Test
    void aWrongTokenIsRefusedPlainlyAndTheProjectorWatchesOn() throws Exception {
        serveRace();
        try (RaceClient alice = RaceClient.join(port, "alice", null, false);
             VirtualClient student = VirtualClient.projector(port, alice.welcome().token);
             VirtualClient guess = VirtualClient.projector(port, "0".repeat(32))) {
            student.waitFor("projector │ running", "1 player");
            student.type("p");
            student.waitFor("pause refused: only the teacher may pause: the command needs the teacher token");
            assertThat(student.cell(1, 23).getForegroundColor()).isEqualTo(TextColor.ANSI.RED);
            guess.waitFor("projector │ running");
            guess.type("xy");
            guess.waitFor("stop refused: only the teacher may stop");
            assertThat(server.raceState()).isEqualTo("running");

            assertThat(alice.play("fork 1")).isTrue();
            assertThat(alice.play("fork 1")).isTrue();
            for (VirtualClient p : List.of(student, guess)) {
                p.waitFor("solved by 1 of 1", " 1.alice       2      0      4    ★★★");
            }
            assertThat(server.raceState()).isEqualTo("running");
        }
    }

    @Test
    void withoutTheTokenTheProjectorHasNoTeacherKeysAndSendsNoCommand() throws Exception {
        serveRace();
        try (RaceClient alice = RaceClient.join(port, "alice", null, false);
             VirtualClient viewer = VirtualClient.projector(port, null)) {
            viewer.waitFor("projector │ running", "1 player");
            assertThat(viewer.screen()).doesNotContain("teacher");
            assertThat(viewer.row(23)).startsWith(" " + Chrome.english().say("projector.keys"));
            viewer.type("pxyHnyes");
            viewer.command("kick alice");
            viewer.type("f"); // the 'l' typed moved the view on a level: back to the room's
            // the leaderboard after alice's solve comes after anything those keys could have sent
            assertThat(alice.play("fork 1")).isTrue();
            assertThat(alice.play("fork 1")).isTrue();
            viewer.waitFor("solved by 1 of 1", "room: level 1 of 2");
            assertThat(viewer.screen()).doesNotContain("Hint:").doesNotContain("refused").doesNotContain("done");
            assertThat(viewer.row(23)).startsWith(" " + Chrome.english().say("projector.keys"));
            assertThat(server.raceState()).isEqualTo("running");
            assertThat(alice.refusal()).isNull();
            assertThat(dir.resolve("results.csv")).doesNotExist();
        }
    }
}
