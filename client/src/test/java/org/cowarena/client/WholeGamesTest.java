package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cowarena.bot.Strategies;
import org.cowarena.protocol.Messages;
import org.cowarena.server.RoomStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bots play whole arena games over real sockets on loopback; a spectator watches. */
class WholeGamesTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private Future<Session> bot(int port, String name, String room, String strategy, long seed) {
        return pool.submit(() -> {
            Session s = new Session("127.0.0.1", port, new Messages.Hello(name, room, null, false));
            int status = new BotPlayer(s, Strategies.create(strategy, seed), null, 0).run(5000);
            s.close();
            assertThat(status).as(name + ": " + s.refusal()).isEqualTo(BotPlayer.ENDED);
            return s;
        });
    }

    @Test
    void botsPlayWholeGamesAndEveryClientEndsWithTheServersState() throws Exception {
        try (TestServer t = TestServer.start(TestServer.config(2).withRooms(2, List.of("ONE", "TWO")))) {
            Session watcher = Waits.join(t.port, "projector", "ONE", true);
            List<Future<Session>> bots = new ArrayList<>();
            bots.add(bot(t.port, "alice", "ONE", "greedy", 1));
            bots.add(bot(t.port, "bob", "ONE", "random", 2));
            bots.add(bot(t.port, "carol", "TWO", "random", 3));
            bots.add(bot(t.port, "dave", "TWO", "random", 4));
            List<Session> players = new ArrayList<>();
            for (Future<Session> f : bots) {
                players.add(f.get(60, TimeUnit.SECONDS));
            }
            Waits.until(watcher, () -> watcher.gameOver() != null, 10_000, "the spectator to see the end");

            for (int room = 0; room < 2; room++) {
                RoomStatus status = t.room(room);
                assertThat(status.over()).isTrue();
                assertThat(status.moves()).isPositive();
                for (Session p : players.subList(2 * room, 2 * room + 2)) {
                    assertThat(p.room().digest()).isEqualTo(status.digest());
                    assertThat(p.gameOver().digest).isEqualTo(status.digest());
                    assertThat(p.resyncs()).isZero();
                    assertThat(p.deltas()).hasSize(status.moves());
                }
            }
            // The spectator saw every move of its room, in order, and ends in the same state.
            int moves = t.room(0).moves();
            assertThat(watcher.deltas()).extracting(d -> d.index).containsExactlyElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, moves).boxed().toList());
            assertThat(watcher.room().digest()).isEqualTo(t.room(0).digest());
            List<String> serverMoves = t.server.moves("ONE");
            assertThat(serverMoves).hasSize(moves);
            for (int i = 0; i < moves; i++) {
                Messages.MoveDelta d = watcher.deltas().get(i);
                assertThat(watcher.room().seat(d.seat) + ": " + d.move).isEqualTo(serverMoves.get(i));
            }
            assertThat(watcher.gameOver().ranks).hasSize(2);
            watcher.close();
        }
    }

    @Test
    void aRoomWithOnePlayerFillsTheOtherSeatWithABot() throws Exception {
        try (TestServer t = TestServer.start(c -> c.withPlayers(1))) {
            Session alice = bot(t.port, "alice", null, "greedy", 5).get(60, TimeUnit.SECONDS);
            assertThat(alice.gameOver().players[1]).isEqualTo("greedy-bot");
            assertThat(alice.room().digest()).isEqualTo(t.room(0).digest());
        }
    }
}
