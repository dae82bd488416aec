package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cowarena.protocol.Messages;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.RaceConfig;
import org.cowarena.server.ServeConfig;
import org.junit.jupiter.api.Test;

/** Teacher controls of a race: obeyed with the teacher token, refused from a student with a reason and no change. */
class RaceTeacherTest {
    private static GameServer race(int port, long limitMillis, boolean wait) throws Exception {
        List<LevelText> levels = List.of(LevelText.resolve("campaign/01-fork"), LevelText.resolve("campaign/02-cow-copy"));
        GameServer server = GameServer.createRace(ServeConfig.defaults(List.of()).withPorts(port, 0),
                new RaceConfig(levels, limitMillis, wait));
        server.start();
        return server;
    }

    @Test
    void teacherCommandsFromAStudentAreRefusedAndChangeNothing() throws Exception {
        int port = TestServer.freePort();
        GameServer server = race(port, -1, false);
        try (RaceClient alice = RaceClient.join(port, "alice", null, false);
             RaceClient bob = RaceClient.join(port, "bob", null, false);
             RaceClient teacher = RaceClient.join(port, "teacher", null, true)) {
            String token = server.teacherToken();
            assertThat(token).hasSize(32);
            List<String[]> commands = List.of(new String[] {"pause", null}, new String[] {"stop", null},
                    new String[] {"hint", "free answers"}, new String[] {"kick", "alice"}, new String[] {"next", null},
                    new String[] {"start", null}, new String[] {"export", null});
            for (String[] c : commands) {
                for (String wrong : new String[] {null, "", "0".repeat(32), alice.welcome.token}) {
                    Messages.TeacherReply reply = bob.teacher(wrong, c[0], c[1]);
                    assertThat(reply.ok).as(c[0]).isFalse();
                    assertThat(reply.reason).startsWith("only the teacher may " + c[0]);
                }
            }
            assertThat(server.raceState()).isEqualTo("running");
            assertThat(bob.hints).isEmpty();
            assertThat(alice.closed || alice.refusal != null).isFalse();
            assertThat(alice.play("fork 1")).as("alice still plays level 0").isTrue();
            assertThat(alice.acks.get(0).level).isZero();

            // The teacher, with the token.
            assertThat(teacher.teacher(token, "pause", null).ok).isTrue();
            alice.until(() -> "paused".equals(alice.state.state), 5000, "the pause");
            assertThat(alice.play("fork 1")).isFalse();
            assertThat(alice.refused.get(0).reason).contains("paused");
            assertThat(teacher.teacher(token, "pause", null).reason).contains("not running");
            assertThat(teacher.teacher(token, "start", null).ok).isTrue();
            alice.until(() -> "running".equals(alice.state.state), 5000, "the restart");

            assertThat(teacher.teacher(token, "hint", null).ok).isTrue();
            alice.until(() -> !alice.hints.isEmpty(), 5000, "the hint");
            assertThat(alice.hints).containsExactly("fork needs no free frame at all.");
            assertThat(teacher.teacher(token, "hint", "Count the frames.").ok).isTrue();
            bob.until(() -> bob.hints.contains("Count the frames."), 5000, "the teacher's own hint");

            assertThat(teacher.teacher(token, "next", null).ok).isTrue();
            alice.until(() -> alice.state.level == 1 && alice.state.focus == 1, 5000, "the next level");
            assertThat(alice.state.moves).isEmpty();
            assertThat(alice.play("write 2 3 X")).isTrue();
            assertThat(alice.acks.get(alice.acks.size() - 1).solved).isTrue();
            assertThat(teacher.teacher(token, "next", null).reason).contains("last level");

            assertThat(teacher.teacher(token, "kick", "nobody").ok).isFalse();
            assertThat(teacher.teacher(token, "kick", "bob").ok).isTrue();
            bob.until(() -> bob.refusal != null, 5000, "bob's removal");
            assertThat(bob.refusal).contains("removed");
            alice.until(() -> alice.leaderboard.players.length == 1, 5000, "a leaderboard without bob");
            assertThat(alice.leaderboard.players).containsExactly("alice");
            try (RaceClient again = RaceClient.join(port, "bob", null, false)) {
                assertThat(again.refusal).contains("removed");
            }

            assertThat(teacher.teacher(token, "stop", null).ok).isTrue();
            alice.until(() -> "stopped".equals(alice.state.state), 5000, "the stop");
            int refusals = alice.refused.size();
            assertThat(alice.play("fork 1")).isFalse();
            assertThat(alice.refused.get(refusals).reason).contains("over");
            assertThat(teacher.teacher(token, "dance", null).reason).contains("unknown command");
        } finally {
            server.close();
        }
    }

    @Test
    void theTeachersExportWritesWhatResultsWouldFromTheJournal(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        int port = TestServer.freePort();
        List<LevelText> levels = List.of(LevelText.resolve("campaign/01-fork"), LevelText.resolve("campaign/02-cow-copy"));
        GameServer server = GameServer.createRace(ServeConfig.defaults(List.of()).withPorts(port, 0)
                .withJournal(java.util.Optional.of(dir)), new RaceConfig(levels, -1, false));
        server.start();
        try (RaceClient alice = RaceClient.join(port, "alice", null, false);
             RaceClient bob = RaceClient.join(port, "bob", null, false);
             RaceClient teacher = RaceClient.join(port, "teacher", null, true)) {
            assertThat(alice.play("fork 1")).isTrue();
            assertThat(alice.play("fork 1")).isTrue();
            assertThat(bob.play("fork 1")).isTrue();
            Messages.TeacherReply reply = teacher.teacher(server.teacherToken(), "export", null);
            assertThat(reply.ok).as(reply.reason).isTrue();
            assertThat(reply.reason).isEqualTo("wrote results.csv and results.json in " + dir.toAbsolutePath());
            String fromJournal = org.cowarena.race.RaceResults.csv(org.cowarena.race.RaceResults.rows(
                    org.cowarena.race.RaceReplay.read(dir).ledger()));
            assertThat(java.nio.file.Files.readString(dir.resolve("results.csv"))).isEqualTo(fromJournal)
                    .contains("alice,fork,true,2,0,4,3,1,").contains("bob,fork,false,-1,");
            assertThat(java.nio.file.Files.readString(dir.resolve("results.json"))).contains("\"alice\"");
        } finally {
            server.close();
        }
    }

    @Test
    void theRaceStopsAtItsTimeLimit() throws Exception {
        int port = TestServer.freePort();
        GameServer server = race(port, 300, false);
        try (RaceClient alice = RaceClient.join(port, "alice", null, false)) {
            assertThat(alice.state.millisLeft).isBetween(0L, 300L);
            alice.until(() -> "stopped".equals(alice.state.state), 5000, "the time limit");
            assertThat(alice.play("fork 1")).isFalse();
            assertThat(new ArrayList<>(alice.refused).get(0).reason).contains("over");
        } finally {
            server.close();
        }
    }
}
