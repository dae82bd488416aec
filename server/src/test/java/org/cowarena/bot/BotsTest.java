package org.cowarena.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cowarena.game.Game;
import org.cowarena.game.Turn;
import org.cowarena.level.Level;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.Move;
import org.junit.jupiter.api.Test;

class BotsTest {
    static Level duel() throws Exception {
        try (InputStream in = BotsTest.class.getResourceAsStream("/arena/duel.yaml")) {
            return LevelLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "arena/duel.yaml");
        }
    }

    private static List<String> playOut(Strategy red, Strategy blue) throws Exception {
        Game game = Game.start(duel());
        List<String> moves = new ArrayList<>();
        String[] owners = {"red", "blue"};
        Strategy[] bots = {red, blue};
        for (int i = 0; game.movesLeft() > 0; i++) {
            String owner = owners[i % 2];
            Game before = game.copy();
            Move move = bots[i % 2].choose(game, owner);
            assertThat(org.cowarena.protocol.StateDigest.of(game)).as("choosing changes nothing")
                    .isEqualTo(org.cowarena.protocol.StateDigest.of(before));
            Turn turn = game.play(Optional.of(owner), move);
            assertThat(turn.outcome().ok()).as(owner + ": " + move.notation()).isTrue();
            moves.add(owner + ": " + move.notation());
        }
        return moves;
    }

    @Test
    void everyMoveABotChoosesIsLegalToTheEndOfTheGame() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(playOut(new RandomLegal(seed), new Greedy(seed))).hasSize(30);
        }
    }

    @Test
    void theSameSeedPlaysTheSameGame() throws Exception {
        assertThat(playOut(new RandomLegal(7), new RandomLegal(8)))
                .isEqualTo(playOut(new RandomLegal(7), new RandomLegal(8)));
    }

    @Test
    void greedyPicksAMoveThatChargesTheFewestFrames() throws Exception {
        Game game = Game.start(duel());
        Move move = new Greedy(1).choose(game, "red");
        Game after = game.copy();
        after.play(Optional.of("red"), move);
        int chosen = after.kernel().charged("red");
        for (Move m : Candidates.of(game, "red")) {
            Optional<Game> other = Candidates.tryMove(game, "red", m);
            other.filter(g -> Candidates.alive(g, "red") > 0).ifPresent(g -> assertThat(g.kernel().charged("red"))
                    .as(m.notation()).isGreaterThanOrEqualTo(chosen));
        }
    }

    @Test
    void greedyKeepsItsLastProcessAliveThoughExitingWouldFreeItsFrames() throws Exception {
        // One shell holding every frame: exit would leave nothing charged, fork costs nothing.
        Game game = Game.start(LevelLoader.loadBundled("campaign/01-fork"));
        assertThat(new Greedy(1).choose(game, "you")).isEqualTo(new Move.Fork(1));
    }

    @Test
    void greedyTakesAJobBeforeSavingAFrame() throws Exception {
        // land-grab: each seat's jobs are its letter in heap pages 1 and 2 (alice owns pid 3).
        Game game = Game.start(LevelLoader.loadBundled("arena/land-grab"));
        Move move = new Greedy(3).choose(game, "alice");
        assertThat(move).isIn(new Move.Write(3, 1, "A"), new Move.Write(3, 2, "A"));
        assertThat(Candidates.tryMove(game, "alice", move).map(g -> Candidates.jobsMet(g, "alice"))).contains(1);
    }

    @Test
    void unknownStrategiesAreNamedInTheError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Strategies.create("smart", 1))
                .hasMessageContaining("random, greedy, lookahead");
    }

    @Test
    void lookaheadMovingLastOverwritesTheOtherRowOfASharedLedgerForFree() throws Exception {
        // shared-ledger after five moves: both rows and heap pages hold their letters; Bob has the last move.
        Game game = Game.start(LevelLoader.loadBundled("arena/shared-ledger"));
        for (String line : List.of("alice: write 2 1 A", "bob: write 3 1 B", "alice: write 2 2 A", "bob: write 3 3 B",
                "alice: pass")) {
            var parsed = org.cowarena.move.MoveParser.parseLine(line, 1).orElseThrow();
            assertThat(game.attempt(parsed.player(), parsed.move()).outcome().ok()).as(line).isTrue();
        }
        for (long seed = 1; seed <= 3; seed++) {
            long before = org.cowarena.protocol.StateDigest.of(game);
            Move move = new Lookahead(seed).choose(game, "bob");
            assertThat(org.cowarena.protocol.StateDigest.of(game)).as("choosing changes nothing").isEqualTo(before);
            assertThat(move).isInstanceOfSatisfying(Move.Write.class, w -> {
                assertThat(w.pid()).isEqualTo(3);
                assertThat(w.vpn()).isEqualTo(2);
                assertThat(w.value()).isNotEqualTo("A");
            });
        }
    }

    @Test
    void lookaheadWithTheSameSeedChoosesTheSameMove() throws Exception {
        Game game = Game.start(LevelLoader.loadBundled("arena/zygote"));
        assertThat(new Lookahead(11).choose(game, "alice")).isEqualTo(new Lookahead(11).choose(game, "alice"));
    }

    @Test
    void strategiesThatJudgeTheirMovesNeverWriteToCode() throws Exception {
        // commit-limit after both databases started: every job of Alice's is met, and a write
        // to a page of code (a segv that changes nothing) would be as cheap as any move.
        Game game = Game.start(LevelLoader.loadBundled("arena/commit-limit"));
        for (String line : List.of("alice: exec 1 db", "bob: exec 4 true", "alice: write 1 2 A", "bob: exec 2 db")) {
            var parsed = org.cowarena.move.MoveParser.parseLine(line, 1).orElseThrow();
            assertThat(game.attempt(parsed.player(), parsed.move()).outcome().ok()).as(line).isTrue();
        }
        for (long seed = 1; seed <= 5; seed++) {
            for (Strategy bot : List.of(new Greedy(seed), new Lookahead(seed))) {
                Move move = bot.choose(game, "alice");
                if (move instanceof Move.Write w) {
                    assertThat(game.kernel().pageTable(w.pid()).get(w.vpn()).segment()).as(bot.name() + " " + seed)
                            .isNotEqualTo(org.cowarena.kernel.Segment.TEXT);
                }
            }
        }
    }
}
