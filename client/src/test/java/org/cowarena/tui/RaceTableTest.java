package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import org.cowarena.client.Session;
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
        // never connected: the table only reads what it is handed here
        RaceTable table = new RaceTable(new Session("127.0.0.1", 1,
                new Messages.Hello("alice", null, null, false)), "en", 1000);
        table.handle(state(LevelText.resolve("campaign/01-fork").text(), 1));
        assertThat(table.game().kernel().processes()).hasSize(1);
        table.handle(ack(1, 1, "fork 1"));
        assertThat(table.game().kernel().processes()).hasSize(2);
        int round = table.round();

        // a state with the moves played here changes nothing
        table.handle(state(null, 1, "fork 1"));
        assertThat(table.round()).isEqualTo(round);

        // the connection dropped after the server took a second fork and before its acknowledgement came
        table.handle(state(null, 1, "fork 1", "fork 1"));
        assertThat(table.game().kernel().processes()).hasSize(3);
        assertThat(table.round()).isEqualTo(round + 1);
        table.handle(ack(1, 3, "fork 2"));
        assertThat(table.game().kernel().processes()).hasSize(4);
    }
}
