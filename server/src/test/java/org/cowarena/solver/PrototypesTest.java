package org.cowarena.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.cowarena.level.Level;
import org.cowarena.level.LevelLoader;
import org.junit.jupiter.api.Test;

/**
 * Prototype puzzles of the depth the campaign asks for, proved by the solver: a starting
 * point for level design and a check that such levels stay within reach of the search.
 */
class PrototypesTest {
    private static Level prototype(String name) throws Exception {
        try (InputStream in = PrototypesTest.class.getResourceAsStream("/solver/" + name + ".yaml")) {
            return LevelLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".yaml");
        }
    }

    @Test
    void aZygoteTreeOfEightMovesIsProvedOptimal() throws Exception {
        // Load the framework in one process, fork the three apps from it, and each writes its own
        // page: 2 + 3 + 3 moves, and 6 frames (text, cls, res, three own pages).
        SolveResult r = new Solver(prototype("zygote-tree"), SearchLimits.defaults().withHistogramStates(0)).solve();

        assertThat(r.complete()).isTrue();
        assertThat(r.best().get("moves").metrics().moves()).isEqualTo(8);
        assertThat(r.best().get("peakFrames").metrics().peakFrames()).isEqualTo(6);
        assertThat(r.mostStars().orElseThrow().stars()).isEqualTo(3);
    }

    @Test
    void rewritingDuringTheSnapshotIsShortAndWaitingForItIsCheapTheMetricsTradeOff() throws Exception {
        SolveResult r = new Solver(prototype("rehash-after-snapshot"), SearchLimits.defaults()).solve();
        Difficulty d = Difficulty.of(r, Optional.empty());

        assertThat(r.complete()).isTrue();
        // Four writes at once copy every page the child still shares (and the clients copy two more);
        // four passes first let the child exit, and only the clients' two copies are left.
        assertThat(r.best().get("moves").metrics().copies()).isEqualTo(6);
        assertThat(r.best().get("copies").metrics().moves()).isEqualTo(8);
        assertThat(r.best().get("copies").metrics().copies()).isEqualTo(2);
        assertThat(d.optimumMoves()).hasValue(4);
        assertThat(d.tradeOff()).isTrue();
        Histograms h = r.histograms().orElseThrow();
        assertThat(h.complete()).isTrue();
        assertThat(h.metrics().get("moves")).as("the 4! orders of the four writes").containsEntry(4, 24L);
        assertThat(h.metrics().get("copies").firstKey()).isEqualTo(2);
        assertThat(h.metrics().get("moves").values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(h.solutions());
    }
}
