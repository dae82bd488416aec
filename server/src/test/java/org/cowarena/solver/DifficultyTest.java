package org.cowarena.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.cowarena.level.Level;
import org.cowarena.move.MoveParser;
import org.junit.jupiter.api.Test;

/** The difficulty measures on levels whose answers are known by hand, and on the campaign. */
class DifficultyTest {
    private static final String PICK = SolverTest.FORKED + String.join("\n",
            "moves: {allowed: [write, exit], limit: 3}",
            "goal:",
            "  - page: {pid: 1, vpn: 2, value: X}",
            "stars: {moves: 1, copies: 0}", "");

    private static Difficulty measure(String yaml, String... naive) throws Exception {
        Level level = SolverTest.level(yaml);
        SolveResult result = new Solver(level, SearchLimits.defaults().withHistogramStates(0)).solve();
        List<org.cowarena.move.Move> moves = new java.util.ArrayList<>();
        for (String m : naive) {
            moves.add(MoveParser.parseMove(m));
        }
        return Difficulty.of(result, naive.length == 0 ? Optional.empty() : Optional.of(moves));
    }

    @Test
    void writingAtOnceCostsACopyAndWaitingCostsAMoveSoTheMetricsTradeOff() throws Exception {
        Difficulty d = measure(PICK, "write 1 2 X");

        assertThat(d.optimumMoves()).hasValue(1);
        assertThat(d.proven()).isTrue();
        assertThat(d.tradeOff()).isTrue();
        assertThat(d.naive().orElseThrow().losesAStar()).as("one copy over the threshold").isTrue();
    }

    @Test
    void whenOneSolutionIsBestOnEverythingThereIsNoTradeOff() throws Exception {
        // pid 2's exit first is both the shortest and the cheapest way for pid 1 to hold X with pid 2 gone.
        Difficulty d = measure(PICK.replace("  - page: {pid: 1, vpn: 2, value: X}",
                "  - page: {pid: 1, vpn: 2, value: X}\n  - exited: {pid: 2}").replace("moves: 1,", "moves: 2,"),
                "exit 2", "write 1 2 X");

        assertThat(d.optimumMoves()).hasValue(2);
        assertThat(d.tradeOff()).isFalse();
        assertThat(d.naive().orElseThrow().met()).isTrue();
        assertThat(d.naive().orElseThrow().losesAStar()).isFalse();
    }

    @Test
    void aNaivePlayThatMissesTheGoalLosesNoStarItEarnsNone() throws Exception {
        Difficulty d = measure(PICK, "exit 2");

        assertThat(d.naive().orElseThrow().met()).isFalse();
        assertThat(d.naive().orElseThrow().losesAStar()).isFalse();
    }

    @Test
    void theCampaignIsMeasuredFromTheSolverLevelByLevel() throws Exception {
        List<CampaignDifficulty.Entry> campaign = CampaignDifficulty.measure(
                SearchLimits.defaults().withHistogramStates(0));

        assertThat(campaign).isNotEmpty();
        for (CampaignDifficulty.Entry e : campaign) {
            assertThat(e.difficulty().proven()).as(e.id()).isTrue();
            Integer starMoves = e.result().level().stars().get("moves");
            if (starMoves != null) {
                assertThat(e.difficulty().optimumMoves()).as(e.id()).hasValue(starMoves);
            }
        }
        assertThat(CampaignDifficulty.withOptimumAtLeast(campaign, 0)).isEqualTo(campaign.size());
        assertThat(CampaignDifficulty.withTradeOff(campaign))
                .isEqualTo(campaign.stream().filter(e -> e.difficulty().tradeOff()).count());
    }
}
