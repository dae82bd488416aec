package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.esotericsoftware.kryonet.Client;
import com.esotericsoftware.kryonet.Connection;
import com.esotericsoftware.kryonet.Listener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Protocol;
import org.cowarena.server.LevelText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A room's life beyond one game: chat, a new game in the same room, a reader too slow to keep. */
class RoomLifeTest {
    @TempDir
    Path dir;

    private static void finish(Session a, Session b) throws InterruptedException {
        while (!a.room().over()) {
            Session mover = a.room().turn() == 0 ? a : b;
            int next = mover.room().index() + 1;
            mover.play("pass");
            Waits.until(a, () -> a.room().index() == next, 5000, "the pass");
            Waits.until(b, () -> b.room().index() == next, 5000, "the pass");
        }
        Waits.until(a, () -> a.gameOver() != null, 5000, "the end");
        Waits.until(b, () -> b.gameOver() != null, 5000, "the end");
    }

    @Test
    void afterAGameEndsThePlayersStartANewOneInTheSameRoomWithItsOwnJournal() throws Exception {
        try (TestServer t = TestServer.start(c -> c.withJournal(java.util.Optional.of(dir))
                .withRooms(1, List.of("AGAIN")))) {
            Session a = Waits.join(t.port, "alice", null, false);
            Session b = Waits.join(t.port, "bob", null, false);
            Waits.until(a, () -> a.room().started(), 5000, "the game to start");
            finish(a, b);
            // One live process each; red's shell loaded the page cache (code and data), so red is charged more.
            assertThat(a.gameOver().charged).containsExactly(3, 1);
            // No goal names a seat's process here: the standings go by live processes, then fewer frames.
            assertThat(a.gameOver().jobsMet).containsExactly(0, 0);
            assertThat(a.gameOver().ranks).containsExactly(2, 1);

            a.send(new Messages.NewGameRequest());
            Waits.until(a, () -> a.room().gameNo() == 2, 5000, "the new game");
            Waits.until(b, () -> b.room().gameNo() == 2, 5000, "the new game");
            assertThat(a.room().index()).isZero();
            assertThat(a.room().over()).isFalse();
            assertThat(a.gameOver()).isNull();
            assertThat(b.room().you()).isEqualTo(1);
            a.play("fork 1");
            Waits.until(b, () -> b.room().index() == 1, 5000, "the first move of game 2");
            assertThat(Files.readString(dir.resolve("AGAIN-2.moves"))).contains("# seat 0 ").contains("red: fork 1");
            assertThat(Files.readString(dir.resolve("AGAIN-1.moves"))).contains("# over");
            // A journal is a moves file: play replays the finished game on the level kept beside it.
            java.io.StringWriter out = new java.io.StringWriter();
            int status = org.cowarena.cli.ServerCli.run(new java.io.PrintWriter(out),
                    new java.io.PrintWriter(new java.io.StringWriter()), "play", "--level",
                    dir.resolve("AGAIN-1.level.yaml").toString(), "--moves", dir.resolve("AGAIN-1.moves").toString(),
                    "--json");
            assertThat(status).isZero();
            assertThat(out.toString().lines().filter(l -> l.startsWith("{\"type\":\"move\""))).hasSize(30)
                    .allMatch(l -> l.contains("\"ok\":true"));
            a.close();
            b.close();
        }
    }

    @Test
    void theFirstSeatTakenHearsTheTurnsTimeWhenTheLastSeatStartsTheGame() throws Exception {
        try (TestServer t = TestServer.start(c -> c.withTimers(45_000, 30_000))) {
            Session a = Waits.join(t.port, "alice", null, false);
            assertThat(a.room().started()).as("alone in the room").isFalse();
            Messages.Seats[] started = new Messages.Seats[1];
            Session b = Waits.join(t.port, "bob", null, false);
            Waits.until(a, () -> started[0] != null, 5000, "the start", seats -> {
                if (seats.started) {
                    started[0] = seats;
                }
            });
            // alice's snapshot went out before the game began: the Seats that says it began has the clock
            assertThat(started[0].turnMillisLeft).isBetween(40_000, 45_000);
            a.close();
            b.close();
        }
    }

    @Test
    void chatReachesTheRoomWithControlCharactersStripped() throws Exception {
        try (TestServer t = TestServer.start(c -> c)) {
            Session a = Waits.join(t.port, "al\u001b[31mice", null, false);
            Session watcher = Waits.join(t.port, "projector", null, true);
            assertThat(a.welcome().name).isEqualTo("al[31mice");
            Messages.ChatLine[] got = new Messages.ChatLine[1];
            a.chat("hello\u0007 \u001b[2Jroom " + "x".repeat(50_000));
            while (got[0] == null) {
                Object m = watcher.next(5000);
                if (m instanceof Messages.ChatLine line) {
                    got[0] = line;
                }
                assertThat(m).as("a chat line within 5 s").isNotNull();
            }
            assertThat(got[0].from).isEqualTo("al[31mice");
            assertThat(got[0].text).startsWith("hello [2Jroom xxx").hasSize(Protocol.MAX_CHAT_LENGTH);
            a.close();
            watcher.close();
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndTheRoomPlaysOn() throws Exception {
        String big = TestServer.DUEL.replace("kind: arena\n", "kind: arena\nbriefing: " + "w".repeat(100_000) + "\n");
        try (TestServer t = TestServer.start(c -> c.withLevels(List.of(levelText(big))))) {
            Session a = Waits.join(t.port, "alice", null, false);
            Session b = Waits.join(t.port, "bob", null, false);
            Waits.until(a, () -> a.room().started(), 5000, "the game to start");

            Client stuck = new Client(Protocol.CLIENT_WRITE_BUFFER, Protocol.CLIENT_OBJECT_BUFFER);
            Protocol.register(stuck.getKryo());
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch blocked = new CountDownLatch(1);
            CountDownLatch dropped = new CountDownLatch(1);
            stuck.addListener(new Listener() {
                @Override
                public void received(Connection c, Object m) {
                    if (m instanceof Messages.Snapshot) {
                        blocked.countDown();
                        try {
                            release.await(); // this client's network thread stops reading here
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }

                @Override
                public void disconnected(Connection c) {
                    dropped.countDown();
                }
            });
            stuck.start();
            stuck.connect(5000, "127.0.0.1", t.port);
            stuck.sendTCP(new Messages.Hello("slow", null, null, true));
            blocked.await();
            long connectionsBefore = t.server.connections();
            for (int i = 0; i < 75; i++) {
                stuck.sendTCP(new Messages.SnapshotRequest()); // ~7.5 MB of snapshots it will never read
            }
            Waits.until(() -> t.server.connections() == connectionsBefore - 1, 10_000,
                    "the server to drop the reader that fell behind");
            a.play("fork 1");
            Waits.until(b, () -> b.room().index() == 1, 5000, "the room to play on");
            release.countDown();
            stuck.stop();
            a.close();
            b.close();
        }
    }

    private static LevelText levelText(String yaml) {
        try {
            return LevelText.of(yaml, "big.yaml");
        } catch (org.cowarena.level.LevelException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
