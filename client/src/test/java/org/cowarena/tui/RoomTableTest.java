package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import org.cowarena.client.Session;
import org.cowarena.protocol.Messages;
import org.junit.jupiter.api.Test;

/** What a room's table keeps when the server seats the player in another room (no server: messages handed in). */
class RoomTableTest {
    private static RoomTable table() {
        return table("en");
    }

    private static RoomTable table(String language) {
        // never connected: the table only reads what it is handed here
        return new RoomTable(new Session("127.0.0.1", 1, new Messages.Hello("ann", null, null, false)), language,
                false, 1000);
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
        RoomTable en = table();
        RoomTable zh = table("zh");
        for (RoomTable t : new RoomTable[] {en, zh}) {
            t.handle(welcome("R1M1"));
            t.handle(over());
        }
        assertThat(en.mode()).as("the session was never welcomed").isEqualTo("connecting");
        assertThat(en.ended().orElseThrow()).containsExactly("#1 ann (alice): jobs 2/2, 2 alive, 2 frames charged",
                "#2 bob (bob): jobs 0/2, 2 alive, 2 frames charged");
        assertThat(en.endKeys()).isEqualTo("q: leave");
        assertThat(zh.mode()).isEqualTo("连接中");
        assertThat(zh.ended().orElseThrow()).startsWith("第 1 名 ann（alice）：任务 2/2，存活 2 个进程，计费 2 个页框");
        assertThat(zh.endKeys()).isEqualTo("q：离开");
    }

    @Test
    void anotherRoomsWelcomePutsTheLastGamesResultAway() {
        RoomTable t = table();
        t.handle(welcome("R1M1"));
        t.handle(over());
        assertThat(t.ended()).isPresent();
        t.handle(welcome("R1M1")); // a reclaim of the same seat: the same game
        assertThat(t.ended()).isPresent();
        int round = t.round();
        t.handle(welcome("R2M1"));
        assertThat(t.ended()).as("the result was room R1M1's").isEmpty();
        assertThat(t.round()).as("the board starts over").isEqualTo(round + 1);
    }

    @Test
    void aMatchAnnouncedBeforeItsWelcomeBeginsOnce() {
        RoomTable t = table();
        t.handle(welcome("R1M1"));
        t.handle(over());
        t.newMatch("round 2 of 3", "round 2 of 3: room R2M1, first-touch, ann vs bob");
        assertThat(t.ended()).isEmpty();
        assertThat(t.game()).as("until the new room's snapshot").isNull();
        assertThat(t.message()).isEqualTo("round 2 of 3: room R2M1, first-touch, ann vs bob");
        int round = t.round();
        t.handle(welcome("R2M1"));
        assertThat(t.round()).isEqualTo(round);
        t.handle(over());
        assertThat(t.endKeys()).isEqualTo("q: leave");
        t.endKeys("Enter or q: the tournament's table");
        assertThat(t.endKeys()).isEqualTo("Enter or q: the tournament's table");
    }
}
