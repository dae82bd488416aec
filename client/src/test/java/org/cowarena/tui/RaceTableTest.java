package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.cowarena.board.Theme;
import org.cowarena.board.VirtualScreens;
import org.cowarena.client.FakeHost;
import org.cowarena.protocol.Messages;
import org.cowarena.server.LevelText;
import org.junit.jupiter.api.Test;

/** What a race player's table makes of the race's messages (no server: messages handed in). */
class RaceTableTest {

    private static Messages.RaceState state(String text, int attempt, String... moves) {
        Messages.RaceState s = new Messages.RaceState();
        s.state = "running";
        s.levels = new String[] {"fork"};
        s.levelTexts = text == null ? null : new String[] {text};
        s.millisLeft = -1;
        s.attempt = attempt;
        s.moves = moves;
        return s;
    }

    private static Messages.RaceAck ack(int attempt, int index, String move) {
        Messages.RaceAck a = new Messages.RaceAck();
        a.attempt = attempt;
        a.index = index;
        a.move = move;
        return a;
    }

    /** The screen at 160×48, where the side pane holds the clock's line whole. */
    private static String shown(PlayScene scene) {
        return VirtualScreens.text(VirtualScreens.draw(160, 48, scene::draw));
    }

    @Test
    void theRaceClockMovesEverySecondWithNoMessage() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        FakeHost host = new FakeHost(new Messages.Hello("alice", null, null, false), now::get);
        RaceTable table = new RaceTable(host.session(), "en", 1000);
        PlayScene scene = new PlayScene(new Context(Theme.mono(), "en", null, "alice", List.of(), 0), table, null);
        Messages.RaceState s = state(LevelText.resolve("campaign/01-fork").text(), 1);
        s.level = 0;
        s.millisLeft = 600_000;
        host.deliver(s);
        scene.idle(0);
        assertThat(shown(scene)).contains("· 10:00 left");

        assertThat(scene.idle(0)).as("no message, no time passed: nothing to draw").isFalse();
        now.addAndGet(200_000_000L); // 0.2 s after the state, and no message since: 599.8 s left
        assertThat(scene.idle(0)).as("a new second on the clock is a change to draw").isTrue();
        assertThat(shown(scene)).contains("· 9:59 left").doesNotContain("· 10:00 left");
        now.addAndGet(500_000_000L); // 599.3 s: the same second
        assertThat(scene.idle(0)).isFalse();
        now.addAndGet(600_000_000L); // 598.7 s
        assertThat(scene.idle(0)).isTrue();
        assertThat(shown(scene)).contains("· 9:58 left");
        now.addAndGet(60_000_000_000L); // 538.7 s
        assertThat(scene.idle(0)).isTrue();
        assertThat(shown(scene)).contains("· 8:58 left");

        // paused, the clock stands still
        Messages.RaceState paused = state(null, 1);
        paused.state = "paused";
        paused.level = 0;
        paused.millisLeft = 538_000;
        host.deliver(paused);
        scene.idle(0);
        now.addAndGet(5_000_000_000L);
        assertThat(scene.idle(0)).isFalse();
        assertThat(shown(scene)).contains("· 8:58 left");
        scene.close();
    }

    @Test
    void aStateWithMovesThisSideNeverSawRebuildsTheAttempt() throws Exception {
        FakeHost host = FakeHost.player("alice");
        RaceTable table = new RaceTable(host.session(), "en", 1000);
        host.deliver(state(LevelText.resolve("campaign/01-fork").text(), 1));
        assertThat(table.game().kernel().processes()).hasSize(1);
        host.deliver(ack(1, 1, "fork 1"));
        assertThat(table.game().kernel().processes()).hasSize(2);
        int round = table.round();

        // a state with the moves played here changes nothing
        host.deliver(state(null, 1, "fork 1"));
        assertThat(table.round()).isEqualTo(round);

        // the connection dropped after the server took a second fork and before its acknowledgement came
        host.deliver(state(null, 1, "fork 1", "fork 1"));
        assertThat(table.game().kernel().processes()).hasSize(3);
        assertThat(table.round()).isEqualTo(round + 1);
        host.deliver(ack(1, 3, "fork 2"));
        assertThat(table.game().kernel().processes()).hasSize(4);
    }
}
