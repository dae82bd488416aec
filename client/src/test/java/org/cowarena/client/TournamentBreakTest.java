package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cowarena.bot.Strategies;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Protocol;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.ServeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The break between rounds: a round's table goes out with the time to the next round, and
 * the next round's matches begin only after it, so that every screen shows the table first.
 */
class TournamentBreakTest {
    private static final long BREAK_MILLIS = 1500;

    @Test
    @Timeout(60)
    void theNextRoundBeginsAfterTheBreakItsTableAnnounced() throws Exception {
        int port = TestServer.freePort();
        List<String> log = new CopyOnWriteArrayList<>();
        ServeConfig config = ServeConfig.defaults(List.of(LevelText.resolve("arena/first-touch"))).withPlayers(3)
                .withPorts(port, 0).withTimers(10_000, 2_000);
        GameServer server = GameServer.createTournament(config, log::add, BREAK_MILLIS);
        server.start();
        Messages.Hello watching = new Messages.Hello("watcher", null, null, true);
        watching.version = Protocol.VERSION;
        Session projector = new Session("127.0.0.1", port, watching);
        List<Thread> bots = new ArrayList<>();
        try {
            projector.connect(5000);
            Waits.until(projector, () -> projector.tournament().started(), 5000, "the projector to join");
            for (int i = 0; i < 3; i++) {
                bots.add(BotThread.start(port, "p" + i, Strategies.create("greedy", i), status -> { }));
            }
            // the first table: sent with the break's time left, and the projector counts it down
            Waits.until(projector, () -> projector.tournament().standings() != null, 30_000, "round 1's table");
            long tableAt = System.nanoTime();
            Messages.TournamentStandings first = projector.tournament().standings();
            assertThat(first.finished).isFalse();
            assertThat(first.nextRoundMillis).isBetween(1, (int) BREAK_MILLIS);
            assertThat(projector.tournament().breakLine()).matches("round 2 starts in [12] s");
            assertThat(log).contains("tournament: round 2 starts in 2 s");
            // round 2's matches are told only once the break is over
            Waits.until(projector, () -> projector.tournament().round().round == 2
                    && projector.tournament().round().room != null, 10_000, "round 2's first match");
            long waited = (System.nanoTime() - tableAt) / 1_000_000;
            assertThat(waited).as("the break, less the table's own way to the projector").isGreaterThanOrEqualTo(
                    BREAK_MILLIS - 500);
            assertThat(projector.tournament().breakLine()).as("the break is over").isNull();
            Waits.until(projector, () -> projector.tournament().finished(), 40_000, "the final table");
            assertThat(projector.tournament().standings().nextRoundMillis).as("no break after the last").isZero();
            assertThat(projector.tournament().breakLine()).isNull();
        } finally {
            projector.close();
            bots.forEach(Thread::interrupt);
            server.close();
        }
    }
}
