package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.cowarena.protocol.Messages;
import org.cowarena.server.ManualTicker;
import org.junit.jupiter.api.Test;

/** Dropped players keep their seat for the grace period, get it back with their token, and bots step in after. */
class ReconnectTest {

    private static Session rejoin(int port, Messages.Welcome held) throws Exception {
        return rejoin(port, held.room, held.token);
    }

    private static Session rejoin(int port, String room, String token) throws Exception {
        Session s = new Session("127.0.0.1", port, new Messages.Hello(null, room, token, false));
        s.connect(5000);
        Waits.until(s, () -> s.room().loaded() || s.refusal() != null, 5000, "the seat to come back");
        return s;
    }

    private static boolean seatShows(Session s, int seat, boolean connected, boolean bot, Messages.Seats[] last) {
        return last[0] != null && last[0].connected[seat] == connected && last[0].bots[seat] == bot;
    }

    @Test
    void aDroppedPlayerReclaimsTheSeatWithItsToken() throws Exception {
        try (TestServer t = TestServer.start(TestServer.config(2).withTimers(60_000, 60_000))) {
            Session red = Waits.join(t.port, "alice", null, false);
            Session blue = Waits.join(t.port, "bob", null, false);
            Session other = Waits.join(t.port, "carol", null, false);
            assertThat(other.welcome().room).isNotEqualTo(red.welcome().room);
            Waits.until(red, () -> red.room().started(), 5000, "the game to start");
            red.play("fork 1");
            Waits.until(blue, () -> blue.room().index() == 1, 5000, "red's move");
            Messages.Welcome held = blue.welcome();
            blue.close();
            Messages.Seats[] last = new Messages.Seats[1];
            Waits.until(red, () -> {
                return red.room().loaded() && seatShows(red, 1, false, false, last);
            }, 5000, "red to see blue gone", m -> last[0] = m);

            Session back = rejoin(t.port, null, held.token); // the token alone finds the room
            assertThat(back.refusal()).isNull();
            assertThat(back.welcome().seat).isEqualTo(1);
            assertThat(back.welcome().name).isEqualTo("bob");
            assertThat(back.room().index()).isEqualTo(1);
            assertThat(back.room().digest()).isEqualTo(t.room(0).digest());
            Waits.until(red, () -> seatShows(red, 1, true, false, last), 5000, "red to see blue back",
                    m -> last[0] = m);

            back.play("fork 2");
            Waits.until(red, () -> red.room().index() == 2, 5000, "blue's move after the reconnect");
            assertThat(red.room().digest()).isEqualTo(t.room(0).digest());
            red.close();
            back.close();
            other.close();
        }
    }

    @Test
    void afterTheGracePeriodABotPlaysTheSeatUntilThePlayerComesBack() throws Exception {
        ManualTicker ticker = new ManualTicker();
        try (TestServer t = TestServer.start(c -> c.withTicker(ticker).withTimers(60_000, 30_000))) {
            Session red = Waits.join(t.port, "alice", null, false);
            Session blue = Waits.join(t.port, "bob", null, false);
            Waits.until(red, () -> red.room().started(), 5000, "the game to start");
            Messages.Welcome held = blue.welcome();
            blue.close();
            Messages.Seats[] last = new Messages.Seats[1];
            Waits.until(red, () -> seatShows(red, 1, false, false, last), 5000, "blue's seat to show away",
                    m -> last[0] = m);
            ticker.advance(30_000); // the grace period
            Waits.until(red, () -> seatShows(red, 1, false, true, last), 5000, "a bot to take blue's seat",
                    m -> last[0] = m);

            red.play("fork 1");
            Waits.until(red, () -> red.room().index() == 2, 5000, "the bot to answer on blue's turn");
            assertThat(red.deltas().get(1).seat).isEqualTo(1);

            Session back = rejoin(t.port, held);
            assertThat(back.welcome().seat).isEqualTo(1);
            Waits.until(red, () -> seatShows(red, 1, true, false, last), 5000, "the player to replace the bot",
                    m -> last[0] = m);
            red.play("fork 1");
            Waits.until(back, () -> back.room().myTurn(), 5000, "blue's turn, for the player now");
            red.close();
            back.close();
        }
    }

    @Test
    void anUnknownTokenIsRefused() throws Exception {
        try (TestServer t = TestServer.start(c -> c)) {
            Messages.Welcome fake = new Messages.Welcome();
            fake.token = "0123456789abcdef";
            Session s = rejoin(t.port, fake);
            assertThat(s.refusal()).contains("token is not known");
            s.close();
        }
    }

    @Test
    void aTurnNotPlayedInTimePasses() throws Exception {
        ManualTicker ticker = new ManualTicker();
        try (TestServer t = TestServer.start(c -> c.withTicker(ticker).withTimers(60_000, 600_000))) {
            Session red = Waits.join(t.port, "alice", null, false);
            Session blue = Waits.join(t.port, "bob", null, false);
            Waits.until(() -> t.room(0).started(), 5000, "the game to start");
            // the room sets each turn's timer on its own thread, a little after the move before it:
            // a minute passes again until the turn has timed out, so no advance comes before its timer
            passUntil(ticker, red, () -> red.room().index() >= 1, "the first turn to time out");
            passUntil(ticker, red, () -> red.room().index() >= 2, "two turns to time out");
            assertThat(red.deltas().get(0).timedOut).isTrue();
            assertThat(red.deltas().get(0).move).isEqualTo("pass");
            assertThat(red.deltas().get(1).seat).isEqualTo(1);
            red.close();
            blue.close();
        }
    }

    /** A turn's minute passes, again every 50 ms, until {@code done}. */
    private static void passUntil(ManualTicker ticker, Session s, java.util.function.BooleanSupplier done, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            ticker.advance(60_000);
            long minute = System.nanoTime() + 50_000_000L;
            while (!done.getAsBoolean() && System.nanoTime() < minute) {
                s.next(10); // what the minute brought
            }
        }
    }
}
