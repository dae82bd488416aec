package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cowarena.protocol.Messages;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.RaceConfig;
import org.cowarena.server.ServeConfig;
import org.junit.jupiter.api.Test;

/** Bad race input: refused with a reason, never a crash, and another player's attempt is untouched. */
class RaceHostileInputTest {
    @Test
    void badRaceInputIsRefusedAndChangesNoOneElsesAttempt() throws Exception {
        int port = TestServer.freePort();
        GameServer server = GameServer.createRace(ServeConfig.defaults(List.of()).withPorts(port, 0),
                new RaceConfig(List.of(LevelText.resolve("campaign/01-fork")), -1, false));
        server.start();
        try (RaceClient alice = RaceClient.join(port, "alice", null, false);
             RaceClient mallory = RaceClient.join(port, "mallory", null, false);
             RaceClient watcher = RaceClient.join(port, "watcher", null, true)) {
            assertThat(alice.play("fork 1")).isTrue();

            try (RaceClient bad = RaceClient.join(port, "bad name!", null, false)) {
                assertThat(bad.refusal).contains("race name");
            }
            try (RaceClient twin = RaceClient.join(port, "alice", null, false)) {
                assertThat(twin.refusal).contains("taken");
            }
            try (RaceClient thief = RaceClient.join(port, "x", "0123456789abcdef0123456789abcdef", false)) {
                assertThat(thief.refusal).contains("token is not known");
            }
            assertThat(mallory.play("fork 1 2 3")).isFalse();
            assertThat(mallory.play("x".repeat(500))).isFalse();
            assertThat(mallory.play("alice: fork 1")).isFalse();
            assertThat(mallory.play("exec 1 shell")).isFalse();
            int refusals = mallory.refused.size();
            mallory.link.send(new Messages.RaceAttempt(7));
            mallory.link.send(new Messages.RaceAttempt(-1));
            mallory.until(() -> mallory.refused.size() == refusals + 2, 5000, "the bad attempts' refusals");
            assertThat(mallory.refused.get(refusals).reason).contains("no level 7");
            assertThat(watcher.play("fork 1")).isFalse();
            assertThat(watcher.refused.get(0).reason).contains("spectators");
            // Unsolicited server-side messages from a client are ignored.
            mallory.link.send(new Messages.Leaderboard());
            mallory.link.send(new Messages.RaceState());

            // alice's attempt is what her moves made it: one more move solves the level.
            assertThat(alice.play("fork 1")).isTrue();
            Messages.RaceAck ack = alice.acks.get(1);
            assertThat(ack.solved).isTrue();
            assertThat(ack.index).isEqualTo(2);
            assertThat(ack.stars).isEqualTo(3);
            watcher.until(() -> watcher.leaderboard.levels[0].solved[0], 5000, "alice on the leaderboard");
            assertThat(watcher.leaderboard.levels[0].solved[1]).isFalse();
            assertThat(mallory.closed).isFalse();
        } finally {
            server.close();
        }
    }
}
