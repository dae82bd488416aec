package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cowarena.bot.Strategies;
import org.cowarena.bot.Strategy;
import org.cowarena.game.Game;
import org.cowarena.move.Move;
import org.cowarena.move.MoveParser;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.StateDigest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Undo and restart in a one-player room go back to the game's kept states, in the same room:
 * the state after undo is exactly the one before the move (same digest), and the client is
 * sent a snapshot of it.
 */
class UndoTest {
    private static final List<String> LEVELS = List.of("campaign/01-fork", "campaign/02-cow-copy",
            "campaign/04-exec", "campaign/06-zero-page", "campaign/08-oom", "campaign/09-vfork");

    /** A solo server on {@code level}, its player, and what the player saw. */
    private static final class Solo implements AutoCloseable {
        final GameServer server;
        final LocalPlayer player;
        final String room;
        final String owner;
        final String level;
        Game replica;
        /** The server's digest after each number of moves: {@code digests.get(i)} after {@code i}. */
        final List<Long> digests = new ArrayList<>();
        private int seq;

        Solo(String level, ServeConfig config) throws Exception {
            server = GameServer.create(config);
            player = LocalPlayer.join(server, new Messages.Hello("ada", null, null, false));
            Messages.Welcome w = player.await(Messages.Welcome.class, 5000);
            room = w.room;
            owner = w.owner;
            Messages.Snapshot s = player.await(Messages.Snapshot.class, 5000);
            this.level = level;
            replica = rebuilt(level, s);
            digests.add(s.digest);
        }

        Solo(String level) throws Exception {
            this(level, ServeConfig.defaults(List.of(LevelText.resolve(level))).withPorts(0, 0).withPlayers(1));
        }

        /** Plays {@code move}; the delta, or null when the server refused it. */
        Messages.MoveDelta play(Move move) throws Exception {
            player.link.send(new Messages.PlayMove(++seq, move.notation()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                Object m = player.link.poll(100);
                if (m instanceof Messages.MoveRefused r && r.seq == seq) {
                    return null;
                }
                if (m instanceof Messages.MoveDelta d) {
                    replica.play(java.util.Optional.of(owner), MoveParser.parseMove(d.move));
                    assertThat(d.digest).isEqualTo(StateDigest.of(replica));
                    digests.add(d.digest);
                    return d;
                }
            }
            throw new AssertionError("no answer to " + move.notation());
        }

        /** The snapshot an undo or restart sends; the test's replica is rebuilt from it. */
        Messages.Snapshot snapshot() throws Exception {
            Messages.Snapshot s = player.await(Messages.Snapshot.class, 5000);
            replica = rebuilt(level, s);
            assertThat(StateDigest.of(replica)).isEqualTo(s.digest);
            return s;
        }

        @Override
        public void close() {
            player.close();
            server.close();
        }
    }

    @Property(tries = 25)
    void undoingKMovesRestoresTheExactStateAfterTheOthers(@ForAll("levels") String level, @ForAll long seed,
                                                         @ForAll @IntRange(min = 1, max = 8) int count,
                                                         @ForAll @IntRange(min = 1, max = 8) int undos) throws Exception {
        try (Solo solo = new Solo(level)) {
            Strategy bot = Strategies.create("random", seed);
            boolean over = false;
            for (int i = 0; i < count * 3 && solo.digests.size() <= count && !over; i++) {
                Messages.MoveDelta d = solo.play(bot.choose(solo.replica, solo.owner));
                over = d != null && d.over;
            }
            int played = solo.digests.size() - 1;
            int taken = Math.min(undos, played);
            Messages.Snapshot s = null;
            for (int k = 0; k < taken; k++) {
                assertThat(solo.server.undo(solo.room)).isNull();
                s = solo.snapshot();
            }
            if (taken < undos) {
                assertThat(solo.server.undo(solo.room)).isEqualTo("no move to take back");
            }
            if (s != null) {
                assertThat(s.moves).hasSize(played - taken);
                assertThat(s.digest).isEqualTo(solo.digests.get(played - taken));
                assertThat(s.over).isFalse();
            }
            assertThat(solo.server.rooms()).singleElement()
                    .satisfies(r -> assertThat(r.moves()).isEqualTo(played - taken));
        }
    }

    /** The level's game with a snapshot's moves played. */
    private static Game rebuilt(String level, Messages.Snapshot s) throws Exception {
        Game game = Game.start(LevelText.resolve(level).level());
        for (String line : s.moves) {
            var parsed = MoveParser.parseLine(line, 1).orElseThrow();
            game.play(parsed.player(), parsed.move());
        }
        return game;
    }

    @Provide
    Arbitrary<String> levels() {
        return Arbitraries.of(LEVELS);
    }

    @Example
    void undoThenTheSameMoveAgainReachesTheSameDigestAndRestartGoesBackToTheStart() throws Exception {
        try (Solo solo = new Solo("campaign/02-cow-copy")) {
            Move write = MoveParser.parseMove("write 2 3 X");
            solo.play(MoveParser.parseMove("fork 1"));
            long afterWrite = solo.play(write).digest;
            assertThat(solo.server.undo(solo.room)).isNull();
            Messages.Snapshot back = solo.snapshot();
            assertThat(back.moves).hasSize(1);
            assertThat(back.digest).isEqualTo(solo.digests.get(1));

            Messages.MoveDelta again = solo.play(write);
            assertThat(again.index).isEqualTo(2);
            assertThat(again.digest).isEqualTo(afterWrite);

            assertThat(solo.server.restart(solo.room)).isNull();
            Messages.Snapshot start = solo.snapshot();
            assertThat(start.moves).isEmpty();
            assertThat(start.digest).isEqualTo(solo.digests.get(0));
            assertThat(start.started).isTrue();
            assertThat(solo.server.undo(solo.room)).isEqualTo("no move to take back");
        }
    }

    @Example
    void aGameOverIsTakenBackToo() throws Exception {
        try (Solo solo = new Solo("campaign/01-fork")) {
            Messages.MoveDelta last = null;
            for (int i = 0; i < 6; i++) {
                last = solo.play(MoveParser.parseMove("fork 1"));
            }
            assertThat(last.over).isTrue();
            solo.player.await(Messages.GameOver.class, 5000);
            assertThat(solo.server.undo(solo.room)).isNull();
            Messages.Snapshot s = solo.snapshot();
            assertThat(s.over).isFalse();
            assertThat(s.digest).isEqualTo(solo.digests.get(5));
            assertThat(solo.play(MoveParser.parseMove("pass")).index).isEqualTo(6);
        }
    }

    @Example
    void aRoomOfTwoPlayersOrWithAJournalCannotTakeMovesBack() throws Exception {
        try (GameServer two = GameServer.create(Duel.config(0))) {
            String code = two.rooms().get(0).code();
            assertThat(two.undo(code)).isEqualTo("moves are taken back in a one-player room only");
            assertThat(two.restart(code)).isEqualTo("moves are taken back in a one-player room only");
            assertThat(two.undo("NOPE")).isEqualTo("no room NOPE on this server");
        }
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("undo-journal");
        try (Solo solo = new Solo("campaign/01-fork", ServeConfig.defaults(List.of(LevelText.resolve("campaign/01-fork")))
                .withPorts(0, 0).withPlayers(1).withJournal(java.util.Optional.of(dir)))) {
            solo.play(MoveParser.parseMove("fork 1"));
            assertThat(solo.server.undo(solo.room)).isEqualTo("room " + solo.room
                    + " keeps a journal: its moves cannot be taken back");
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
