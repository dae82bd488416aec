package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cowarena.board.BoardView;
import org.cowarena.client.FakeHost;
import org.cowarena.client.Waits;
import org.cowarena.protocol.Messages;
import org.junit.jupiter.api.Test;

/** What a room's table keeps when the server seats the player in another room (no server: a fake host's messages). */
class RoomTableTest {
    private final FakeHost host = FakeHost.player("ann");

    private RoomTable table() {
        return table(host, "en");
    }

    private static RoomTable table(FakeHost host, String language) {
        return new RoomTable(host.session(), language, false, 1000);
    }

    private static List<String> ended(RoomTable t) {
        return t.resultLines();
    }

    private static String endKeys(RoomTable t) {
        List<BoardView.LogLine> lines = t.ending().orElseThrow().lines();
        return lines.get(lines.size() - 1).text();
    }

    private static Messages.Welcome welcome(String room) {
        Messages.Welcome w = new Messages.Welcome();
        w.room = room;
        w.name = "ann";
        w.seat = 0;
        w.owner = "alice";
        return w;
    }

    private static Messages.GameOver over() {
        Messages.GameOver g = new Messages.GameOver();
        g.seats = new String[] {"alice", "bob"};
        g.players = new String[] {"ann", "bob"};
        g.jobs = new int[] {2, 2};
        g.jobsMet = new int[] {2, 0};
        g.alive = new int[] {2, 2};
        g.charged = new int[] {2, 2};
        g.ranks = new int[] {1, 2};
        return g;
    }

    @Test
    void theRoomAndItsResultSpeakTheTablesLanguage() {
        FakeHost other = FakeHost.player("ann");
        RoomTable en = table(host, "en");
        RoomTable zh = table(other, "zh");
        assertThat(en.mode()).as("the session was not welcomed yet").isEqualTo("connecting");
        assertThat(zh.mode()).isEqualTo("连接中");
        for (FakeHost h : new FakeHost[] {host, other}) {
            h.deliver(welcome("R1M1"));
            h.deliver(over());
        }
        assertThat(en.mode()).isEqualTo("room R1M1 · ann plays alice");
        assertThat(ended(en)).containsExactly("#1 ann (alice): jobs 2/2, 2 alive, 2 frames charged",
                "#2 bob (bob): jobs 0/2, 2 alive, 2 frames charged");
        assertThat(endKeys(en)).isEqualTo("q: leave");
        assertThat(zh.mode()).isEqualTo("房间 R1M1 · ann 扮演 alice");
        assertThat(ended(zh)).startsWith("第 1 名 ann（alice）：任务 2/2，存活 2 个进程，计费 2 个页框");
        assertThat(endKeys(zh)).isEqualTo("q：离开");
    }

    @Test
    void anotherRoomsWelcomePutsTheLastGamesResultAway() {
        RoomTable t = table();
        host.deliver(welcome("R1M1"));
        host.deliver(over());
        assertThat(ended(t)).isNotEmpty();
        host.deliver(welcome("R1M1")); // a reclaim of the same seat: the same game
        assertThat(ended(t)).isNotEmpty();
        int round = t.round();
        host.deliver(welcome("R2M1"));
        assertThat(ended(t)).as("the result was room R1M1's").isEmpty();
        assertThat(t.round()).as("the board starts over").isEqualTo(round + 1);
    }

    @Test
    void aMatchAnnouncedBeforeItsWelcomeBeginsOnce() {
        RoomTable t = table();
        host.deliver(welcome("R1M1"));
        host.deliver(over());
        t.newMatch("round 2 of 3", "round 2 of 3: room R2M1, first-touch, ann vs bob");
        assertThat(ended(t)).isEmpty();
        assertThat(t.game()).as("until the new room's snapshot").isNull();
        assertThat(t.message()).isEqualTo("round 2 of 3: room R2M1, first-touch, ann vs bob");
        int round = t.round();
        host.deliver(welcome("R2M1"));
        assertThat(t.round()).isEqualTo(round);
        host.deliver(over());
        assertThat(endKeys(t)).isEqualTo("q: leave");
        t.endKeys("Enter or q: the tournament's table");
        assertThat(endKeys(t)).isEqualTo("Enter or q: the tournament's table");
    }

    /** A spectator (the projector) has no seat to get back: it is told it reconnected, a player that its seat is its own. */
    @Test
    void aSpectatorThatReconnectsIsToldItReconnectedNotThatItsSeatIsItsOwn() throws Exception {
        for (boolean spectator : new boolean[] {true, false}) {
            FakeHost h = new FakeHost(new Messages.Hello(spectator ? "projector" : "ann", "ROOM", null, spectator));
            RoomTable t = new RoomTable(h.session(), "en", false, 10_000);
            Messages.Welcome w = welcome("ROOM");
            w.seat = spectator ? -1 : 0;
            w.name = spectator ? "projector" : "ann";
            h.deliver(w);
            h.drop();
            Waits.until(() -> {
                try {
                    t.poll(20);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return t.message() != null && t.message().startsWith("reconnected");
            }, 5000, (spectator ? "the spectator" : "the player") + " to reconnect");
            assertThat(t.message()).as(spectator ? "a spectator" : "a player")
                    .isEqualTo(spectator ? "reconnected" : "reconnected: your seat is yours again");
            assertThat(h.received()).as("a hello on the new link").hasAtLeastOneElementOfType(Messages.Hello.class);
            t.close();
        }
    }
}
