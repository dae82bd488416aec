package org.cowarena.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The solution count on levels small enough to count by hand. */
class HistogramsTest {
    private static Histograms count(String yaml) throws Exception {
        SolveResult r = new Solver(SolverTest.level(yaml), SearchLimits.defaults()).solve();
        return r.histograms().orElseThrow();
    }

    @Test
    void everyWayToWriteTheParentsPageWithinTwoMovesCountedByHand() throws Exception {
        // pid 1 (data cfg, heap a b) forked pid 2. Goal: pid 1's page 2 holds X, in at most 2 moves.
        // In one move: write 1 2 X (a copy: pid 2 shares the page).
        // In two: any of the 8 other first moves that neither meet the goal nor kill pid 1,
        // then write 1 2 X. Copies, move by move:
        //   exit 2              -> the page is pid 1's alone, reused: 0
        //   write 1 2 w         -> copied once, then written in place: 1
        //   write 2 2 X / w     -> pid 2 copies, pid 1 then reuses: 1 each
        //   write 1 1 w, write 1 3 w, write 2 1 w, write 2 3 w -> a copy each, then pid 1's: 2 each
        Histograms h = count(SolverTest.FORKED + String.join("\n",
                "moves: {allowed: [write, exit], limit: 2}",
                "goal:",
                "  - page: {pid: 1, vpn: 2, value: X}", ""));

        assertThat(h.complete()).isTrue();
        assertThat(h.solutions()).isEqualTo(9);
        assertThat(h.metrics().get("moves")).isEqualTo(Map.of(1, 1L, 2, 8L));
        assertThat(h.metrics().get("copies")).isEqualTo(Map.of(0, 1L, 1, 4L, 2, 4L));
        assertThat(h.metrics().get("framesCopied")).isEqualTo(h.metrics().get("copies"));
        assertThat(h.metrics().keySet()).containsExactlyElementsOf(Solver.METRICS);
    }

    @Test
    void playEndsWhenTheGoalIsFirstMetSoNothingIsCountedPastIt() throws Exception {
        // Goal: pid 2 has exited. exit 2 meets it at once; every other first move is
        // followed by exit 2 (7 of them: writes of w or X, pid 1's exit kills no goal).
        Histograms h = count(SolverTest.FORKED + String.join("\n",
                "moves: {allowed: [write, exit], limit: 2}",
                "goal:",
                "  - exited: {pid: 2}", ""));

        assertThat(h.metrics().get("moves")).containsEntry(1, 1L);
        assertThat(h.metrics().get("moves").get(2)).isEqualTo(h.solutions() - 1);
        assertThat(h.solutions()).isEqualTo(1 + 7);
    }

    @Test
    void twinsCountAsTwoSolutions() throws Exception {
        // pid 1 forked 2 and 3 (twins); three processes must become four: fork 1, fork 2 or
        // fork 3 — three solutions though the search plays two of them.
        Histograms h = count(ReductionsTest.TWINS.replace("OOM", "reject").replace("LIMIT", "1")
                .replace("atLeast: 6", "atLeast: 4"));

        assertThat(h.solutions()).isEqualTo(3);
        assertThat(h.metrics().get("moves")).isEqualTo(Map.of(1, 3L));
    }

    @Test
    void aCountPastItsStateLimitSaysItWasCutOff() throws Exception {
        SolveResult r = new Solver(SolverTest.level(SolverTest.FORKED + String.join("\n",
                "moves: {allowed: [write, exit], limit: 3}",
                "goal:",
                "  - page: {pid: 1, vpn: 2, value: X}", "")), SearchLimits.defaults().withHistogramStates(3)).solve();

        assertThat(r.complete()).isTrue();
        assertThat(r.histograms().orElseThrow().cutOffs()).containsExactly(CutOff.STATES);
    }
}
