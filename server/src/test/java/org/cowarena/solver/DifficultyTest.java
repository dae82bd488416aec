package org.cowarena.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.cowarena.level.Level;
import org.cowarena.move.MoveParser;
import org.junit.jupiter.api.Test;

/**
 * The difficulty measures on levels whose answers are known by hand, and on the campaign: every
 * level of {@code levels/chapters.yaml} searched to the end (a cut-off search fails), its stars
 * equal to the solver's proven optimum, its obvious play meeting the goal short of three stars,
 * and the campaign's totals of long and trade-off levels.
 */
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

    /** The campaign measured once for the tests below: every level solved, histograms off. */
    private static List<CampaignDifficulty.Entry> campaign;

    private static synchronized List<CampaignDifficulty.Entry> campaign() throws Exception {
        if (campaign == null) {
            campaign = CampaignDifficulty.measure(SearchLimits.defaults().withHistogramStates(0));
        }
        return campaign;
    }

    @Test
    void theCampaignIsMeasuredFromTheSolverLevelByLevel() throws Exception {
        List<CampaignDifficulty.Entry> campaign = campaign();

        assertThat(campaign).isNotEmpty();
        for (CampaignDifficulty.Entry e : campaign) {
            assertThat(e.difficulty().proven()).as("%s: the search was cut off (%s after %d states): split the level or"
                    + " lower its move limit", e.id(), e.result().cutOffs(), e.result().states()).isTrue();
            Integer starMoves = e.result().level().stars().get("moves");
            if (starMoves != null) {
                assertThat(e.difficulty().optimumMoves()).as(e.id()).hasValue(starMoves);
            }
            // The stars are the proven optimum of each metric they name, and one play earns all three.
            e.result().level().stars().forEach((metric, threshold) -> assertThat(
                    e.result().best().get(metric).metrics().get(metric))
                    .as("%s: best %s against its three-star threshold", e.id(), metric).isEqualTo(threshold));
            assertThat(e.result().mostStars().orElseThrow().stars()).as("%s: three stars in one play", e.id())
                    .isEqualTo(3);
        }
        assertThat(CampaignDifficulty.withOptimumAtLeast(campaign, 0)).isEqualTo(campaign.size());
        assertThat(CampaignDifficulty.withTradeOff(campaign))
                .isEqualTo(campaign.stream().filter(e -> e.difficulty().tradeOff()).count());
    }

    @Test
    void everyCampaignLevelsObviousPlayMeetsTheGoalAndLosesAStar() throws Exception {
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        for (CampaignDifficulty.Entry e : campaign()) {
            soft.assertThat(e.difficulty().naive()).as("%s needs %s.naive.moves", e.id(), e.id()).isPresent();
            e.difficulty().naive().ifPresent(naive -> {
                soft.assertThat(naive.met()).as("%s: the obvious play must meet the goal", e.id()).isTrue();
                soft.assertThat(naive.stars()).as("%s: the obvious play must lose a star", e.id()).isLessThan(3);
            });
        }
        soft.assertAll();
    }

    /**
     * What the campaign as a whole must offer, from the solver: at least
     * {@value CampaignDifficulty#LONG_LEVELS} levels whose proven optimum is
     * {@value CampaignDifficulty#LONG_MOVES} moves or more, and at least
     * {@value CampaignDifficulty#TRADE_OFF_LEVELS} whose metrics trade off. It prints the figures
     * per chapter; it fails on the campaign's totals only, since the chapters are written by
     * different people and only their sum is the target.
     */
    @Test
    void theCampaignHasLongLevelsAndLevelsWhoseMetricsTradeOff() throws Exception {
        List<CampaignDifficulty.Entry> campaign = campaign();
        String report = CampaignDifficulty.report(campaign);
        System.out.println(report);

        assertThat(campaign.stream().filter(CampaignDifficulty.Entry::isLong).count()).as(report)
                .isGreaterThanOrEqualTo(CampaignDifficulty.LONG_LEVELS);
        assertThat(campaign.stream().filter(CampaignDifficulty.Entry::tradesOff).count()).as(report)
                .isGreaterThanOrEqualTo(CampaignDifficulty.TRADE_OFF_LEVELS);
    }
}
