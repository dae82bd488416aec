package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cowarena.protocol.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Turn timers, grace periods and the race clock run on the server's ticker: these tests
 * say how much time passes (a {@link ManualTicker}) instead of waiting for it.
 */
class TimersTest {
    @RegisterExtension
    final LoopbackServers servers = new LoopbackServers();
    private final ManualTicker ticker = new ManualTicker();

    private GameServer duel(long turnMillis, long graceMillis) throws Exception {
        return servers.start(c -> GameServer.create(c.withTicker(ticker).withTimers(turnMillis, graceMillis)));
    }

    private LoopbackPlayer join(String name) throws Exception {
        LoopbackPlayer p = LoopbackPlayer.join(servers.port(), new Messages.Hello(name, null, null, false));
        assertThat(p.answer(5000)).isInstanceOf(Messages.Welcome.class);
        return p;
    }

    @Test
    void aTurnNotPlayedByItsDeadlinePasses() throws Exception {
        GameServer server = duel(60_000, 600_000);
        try (LoopbackPlayer alice = join("alice"); LoopbackPlayer bob = join("bob")) {
            Waits.until(() -> server.rooms().get(0).started(), 5000, "the game to start (its turn timer set)");
            ticker.advance(60_000);
            Messages.MoveDelta first = alice.await(Messages.MoveDelta.class, 5000);
            assertThat(first.timedOut).isTrue();
            assertThat(first.move).isEqualTo("pass");
            assertThat(first.seat).isZero();
            assertThat(bob.await(Messages.MoveDelta.class, 5000).index).isEqualTo(1);
        }
    }

    @Test
    void aBotTakesADroppedSeatWhenTheGracePeriodEnds() throws Exception {
        GameServer server = duel(600_000, 30_000);
        try (LoopbackPlayer alice = join("alice")) {
            LoopbackPlayer bob = join("bob");
            Waits.until(() -> server.rooms().get(0).started(), 5000, "the game to start");
            bob.close();
            alice.await(Messages.Seats.class, s -> s.players[1] != null && !s.connected[1] && !s.bots[1], 5000);
            ticker.advance(29_999);
            ticker.advance(1);
            Messages.Seats seats = alice.await(Messages.Seats.class, s -> s.bots[1], 5000);
            assertThat(seats.players[1]).isEqualTo("bob");
        }
    }

    @Test
    void theRaceClockIsTheTickersAndStopsTheRaceAtItsLimit() throws Exception {
        RaceConfig race = new RaceConfig(List.of(LevelText.resolve("campaign/01-fork")), 60_000, false);
        servers.start(c -> GameServer.createRace(c.withTicker(ticker), race));
        try (LoopbackPlayer ann = join("ann")) {
            ann.await(Messages.RaceState.class, 5000);
            ticker.advance(25_000);
            try (LoopbackPlayer projector = LoopbackPlayer.join(servers.port(),
                    new Messages.Hello("projector", null, null, true))) {
                Messages.RaceState now = projector.await(Messages.RaceState.class, 5000);
                assertThat(now.elapsedMillis).isEqualTo(25_000);
                assertThat(now.millisLeft).isEqualTo(35_000);
            }
            ticker.advance(35_000);
            assertThat(ann.await(Messages.RaceState.class, s -> "stopped".equals(s.state), 5000).elapsedMillis)
                    .isEqualTo(60_000);
        }
    }
}
