package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

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
