package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cowarena.board.Chrome;
import org.cowarena.client.RaceClient;
import org.cowarena.protocol.Messages;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.RaceConfig;
import org.cowarena.server.ServeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal client through a race server's restart: the server in this JVM, journaling
 * in a temporary directory, is closed (every connection drops) and resumed from its journal
 * on the same loopback port once the client has failed to reconnect at least once; the
 * projector and a race player on virtual terminals carry on by themselves.
 */
class RaceResumeTest {
    @TempDir
    Path dir;

    private GameServer server;
    private int port;

    @BeforeEach
    void serveRace() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<LevelText> levels = List.of(LevelText.resolve("campaign/01-fork"), LevelText.resolve("campaign/02-cow-copy"));
        server = GameServer.createRace(config(), new RaceConfig(levels, -1, false));
        server.start();
    }

    private ServeConfig config() {
        return ServeConfig.defaults(List.of()).withPorts(port, 0).withJournal(Optional.of(dir));
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Closes the server, waits until {@code client} has tried to come back and failed, and resumes it. */
    private void restart(VirtualClient client, String lost) throws Exception {
        server.close();
        server = null;
        client.waitFor(lost, "(tried 2 times)");
        server = GameServer.resumeRace(ServeConfig.defaults(List.of()).withPorts(port, 0), dir);
        server.start();
    }

    @Test
    void theProjectorShowsEveryEarlierResultAfterTheServerResumes() throws Exception {
        String token = server.teacherToken();
        assertThat(dir.resolve("teacher.token")).as("kept beside the journal").hasContent(token);
        assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve("teacher.token"))).as("for its owner only")
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        try (VirtualClient projector = VirtualClient.projector(port, token)) {
            try (RaceClient alice = RaceClient.join(port, "alice", null, false);
                 RaceClient bob = RaceClient.join(port, "bob", null, false)) {
                assertThat(alice.play("fork 1")).isTrue();
                assertThat(alice.play("fork 1")).isTrue();
                assertThat(bob.play("fork 1")).isTrue();
                assertThat(bob.play("read 2 3")).isTrue();
                assertThat(bob.play("fork 1")).isTrue();
                projector.waitFor("2 players", "solved by 2 of 2");
            }
            restart(projector, "connection lost: reconnecting…");
            projector.waitUntil("is back", s -> !s.contains("connection lost"));
            assertThat(projector.row(23)).startsWith(" " + Chrome.english().say("projector.keys"));
            assertThat(server.teacherToken()).as("the resumed race keeps its teacher's token").isEqualTo(token);
            projector.type("p"); // the teacher's keys go on working
            projector.waitFor("pause: done", "projector │ paused");
            projector.type("s");
            projector.waitFor("start: done", "projector │ running");

            // a leaderboard of the resumed server (it knows cid), with alice's and bob's results
            try (RaceClient cid = RaceClient.join(port, "cid", null, false)) {
                assertThat(cid.refusal()).isNull();
                projector.waitFor("3 players", "solved by 2 of 3");
                assertThat(projector.row(3)).startsWith(" 1.alice       2      0      4    ★★★ ");
                assertThat(projector.row(4)).startsWith(" 2.bob         3      0      4    ★★☆ ");
                assertThat(projector.row(5)).startsWith("   cid         -      -      -      -       - ");
                assertThat(projector.row(0)).contains("projector │ running");
            }
        }
    }

    @Test
    void aRacePlayerReclaimsTheirAttemptWithTheTokenAndFinishesTheLevel() throws Exception {
        try (VirtualClient alice = VirtualClient.player(port, "alice")) {
            alice.waitFor("race · alice · level 1 of 2", "Level 1 of 2, attempt 1");
            alice.command("fork 1");
            alice.waitFor("fork returned 2 in pid 1"); // the log's last line after the fork

            restart(alice, "connection lost: reconnecting to your place in the race…");
            alice.waitFor("reconnected: your place in the race is yours again");
            assertThat(alice.screen()).contains("race · alice · level 1 of 2").doesNotContain("attempt 2");

            alice.command("fork 1"); // the second fork of the same attempt solves the level
            alice.waitFor("Attempt over", "Solved ★★★: moves 2, copies 0, peak 4 frames", "among the 1 who solved it",
                    "moves      2   rank 1 of 1");
            try (RaceClient watcher = RaceClient.join(port, "watcher", null, true)) {
                Messages.Leaderboard board = watcher.leaderboard();
                assertThat(board.players).containsExactly("alice");
                assertThat(board.levels[0].solved).containsExactly(true);
                assertThat(board.levels[0].best).startsWith(2, 0, 4, 3);
            }
        }
    }
}
