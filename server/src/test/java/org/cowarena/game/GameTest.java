package org.cowarena.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.cowarena.kernel.Outcome;
import org.cowarena.level.Level;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.Move;
import org.cowarena.move.MoveParser;
import org.junit.jupiter.api.Test;

class GameTest {
    private static final String LEVEL = String.join("\n",
            "format: 1",
            "id: game-rules",
            "title: Game rules",
            "memory: {frames: 8}",
            "programs:",
            "  p: {text: 1, data: [d], heap: 2}",
            "processes:",
            "  - {pid: 1, program: p, owner: alice, heap: [a, b]}",
            "  - {pid: 2, program: p, owner: bob}",
            "moves:",
            "  allowed: [fork, write, exit]",
            "  limit: 3",
            "goal:",
            "  - running: {program: p, atLeast: 3}",
            "  - page: {pid: 1, vpn: 2, value: X}",
            "stars: {moves: 2, copies: 0}",
            "");

    private static Game game() throws Exception {
        Level level = LevelLoader.parse(LEVEL, "rules.yaml");
        return Game.start(level);
    }

    private static Move move(String text) throws Exception {
        return MoveParser.parseMove(text);
    }

    @Test
    void setupIsNotCountedAndPeakStartsAtTheStart() throws Exception {
        Game game = game();
        assertThat(game.metrics().moves()).isZero();
        assertThat(game.metrics().peakFrames()).isEqualTo(game.kernel().used());
        assertThat(game.kernel().stats().zeroFills()).isZero();
    }

    @Test
    void aMoveTheLevelDoesNotAllowIsRefusedAndChangesNothing() throws Exception {
        Game game = game();
        Turn turn = game.play(move("read 1 3"));
        assertThat(turn.outcome()).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused) turn.outcome()).reason()).contains("\"read\" is not allowed");
        assertThat(game.kernel().stats().zeroMaps()).isZero();
        assertThat(game.metrics().rejected()).isEqualTo(1);
        assertThat(game.metrics().moves()).isZero();
    }

    @Test
    void passIsAlwaysAllowedAndCountsAsAMove() throws Exception {
        Game game = game();
        assertThat(game.play(new Move.Pass()).outcome().ok()).isTrue();
        assertThat(game.metrics().moves()).isEqualTo(1);
    }

    @Test
    void movesPastTheLimitAreRefused() throws Exception {
        Game game = game();
        game.play(move("fork 1"));
        game.play(move("fork 1"));
        game.play(move("fork 2"));
        Turn fourth = game.play(move("fork 1"));
        assertThat(fourth.outcome().ok()).isFalse();
        assertThat(((Outcome.Refused) fourth.outcome()).reason()).contains("no moves left");
        assertThat(game.kernel().processes()).hasSize(5);
        assertThat(fourth.n()).isEqualTo(4);
    }

    @Test
    void aPlayerMayOnlyMoveTheirOwnProcesses() throws Exception {
        Game game = game();
        Turn forged = game.play(Optional.of("bob"), move("write 1 2 X"));
        assertThat(forged.outcome().ok()).isFalse();
        assertThat(((Outcome.Refused) forged.outcome()).reason()).isEqualTo("process 1 belongs to alice");
        assertThat(game.kernel().page(1, 2).orElseThrow().value()).isEqualTo("a");
        assertThat(game.play(Optional.of("alice"), move("write 1 2 X")).outcome().ok()).isTrue();
    }

    @Test
    void childrenInheritTheirParentsOwner() throws Exception {
        Game game = game();
        game.play(Optional.of("bob"), move("fork 2"));
        assertThat(game.kernel().process(3).orElseThrow().owner()).isEqualTo("bob");
        assertThat(game.play(Optional.of("alice"), move("exit 3")).outcome().ok()).isFalse();
    }

    @Test
    void noStarsWhileAGoalFails() throws Exception {
        Game game = game();
        game.play(move("write 2 2 Y"));
        Score score = game.score();
        assertThat(score.met()).isFalse();
        assertThat(score.stars()).isZero();
        assertThat(score.checks()).extracting(GoalCheck::met).containsExactly(false, false);
    }

    @Test
    void threeStarsAtTheBestKnownResultAndOneFewerPerMetricPastIt() throws Exception {
        Game best = game();
        best.play(move("write 1 2 X"));
        best.play(move("fork 1"));
        assertThat(best.score().met()).isTrue();
        assertThat(best.score().stars()).isEqualTo(3);

        Game costly = game();
        costly.play(move("fork 1"));
        costly.play(move("write 1 2 X"));
        Score score = costly.score();
        assertThat(score.met()).isTrue();
        assertThat(score.stars()).isEqualTo(2);
        assertThat(score.overruns()).containsExactly(new Overrun("copies", 1, 0));
    }

    @Test
    void movesOnlyLimitsThePlayerToItsPidsAndTheProcessesTheyForkInPlay() throws Exception {
        String yaml = LEVEL.replace("  limit: 3\n", "  limit: 3\n  only: [1]\n");
        Game game = Game.start(LevelLoader.parse(yaml, "only.yaml"));
        Turn refused = game.play(move("write 2 2 Y"));
        assertThat(((Outcome.Refused) refused.outcome()).reason())
                .isEqualTo("pid 2 is not yours to move in this level (yours: 1, and the processes they fork)");
        assertThat(game.play(move("fork 1")).outcome().ok()).isTrue();
        assertThat(game.play(move("write 3 2 Y")).outcome().ok()).as("a child forked in play").isTrue();
    }

    @Test
    void movesOnlyMustNameAPidThatExistsWhenPlayStarts() {
        String yaml = LEVEL.replace("  limit: 3\n", "  limit: 3\n  only: [1, 7]\n");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> LevelLoader.parse(yaml, "only.yaml")))
                .hasMessageContaining("only.yaml:13:")
                .hasMessageContaining("moves.only names pid 7, which no process has when play starts");
    }

    @Test
    void anAttemptTheRulesOrTheKernelRefuseLeavesTheGameAsItWasCountersIncluded() throws Exception {
        Game game = game();
        game.attempt(Optional.of("alice"), move("fork 1"));
        long before = org.cowarena.protocol.StateDigest.of(game);
        var metricsBefore = game.metrics();
        var statsBefore = game.stats();
        for (String refused : new String[] {"read 1 3", "fork 2", "exit 9", "write 9 1 X"}) {
            Turn turn = game.attempt(Optional.of("alice"), move(refused));
            assertThat(turn.outcome()).as(refused).isInstanceOf(Outcome.Refused.class);
        }
        assertThat(game.metrics()).isEqualTo(metricsBefore);
        assertThat(game.stats()).isEqualTo(statsBefore);
        assertThat(org.cowarena.protocol.StateDigest.of(game)).isEqualTo(before);

        Game replica = game();
        replica.attempt(Optional.of("alice"), move("fork 1"));
        assertThat(org.cowarena.protocol.StateDigest.of(replica)).isEqualTo(before);
        assertThat(game.attempt(Optional.of("alice"), move("write 1 2 X")).outcome().ok()).isTrue();
        assertThat(game.metrics().moves()).isEqualTo(2);
    }
}
