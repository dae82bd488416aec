package org.cowarena.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.cowarena.level.Level;
import org.cowarena.level.LevelKind;
import org.cowarena.level.LevelLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled puzzle: the solver proves the same best per metric as the plain search
 * it replaced ({@link ReferenceSearch}), wherever that one completes. And wherever the
 * search completes within {@link #MAX_STATES} states: the
 * solver's best per starred metric is exactly the level's three-star threshold (the
 * stars can be reached and nothing does better), and one solution earns all three.
 * A search that is cut off is skipped with the reason, not failed: the state cap keeps
 * this test within its time whatever levels are added.
 */
class BundledLevelsSolverTest {
    static final int MAX_STATES = 150_000;
    /** The plain search keeps every state's game: past this many it gives up. */
    static final int REFERENCE_STATES = 300_000;

    static Stream<String> bundledLevels() {
        return LevelLoader.bundledIds().stream();
    }

    /** The bundled level {@code id}; the test is skipped, saying why, for an arena level. */
    static Level puzzle(String id) throws Exception {
        Level level = LevelLoader.loadBundled(id);
        Assumptions.assumeTrue(level.kind() == LevelKind.PUZZLE, id + " is an arena level: the solver searches"
                + " puzzles");
        Assumptions.assumeFalse(level.goals().isEmpty(), id + " has no goal (a sandbox): there is nothing to solve");
        return level;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledLevels")
    void theStarsAreExactlyTheBestTheLevelAllows(String id) throws Exception {
        Level level = puzzle(id);
        SolveResult result = new Solver(level, SearchLimits.defaults().withMaxStates(MAX_STATES)).solve();
        Assumptions.assumeTrue(result.complete(), () -> id + ": the search was cut off (" + result.cutOffs()
                + " after " + result.states() + " states, up to " + result.maxMoves() + " moves)");

        assertThat(result.best()).as("%s: no solution", id).isNotEmpty();
        for (Map.Entry<String, Integer> star : level.stars().entrySet()) {
            Solution best = result.best().get(star.getKey());
            assertThat(best.metrics().get(star.getKey()))
                    .as("%s: best %s (by %s) against the 3-star threshold", id, star.getKey(), best.notation())
                    .isEqualTo(star.getValue());
        }
        assertThat(result.mostStars().orElseThrow().stars()).as("%s: three stars in one solution", id)
                .isEqualTo(3);
        Histograms histograms = result.histograms().orElseThrow();
        assertThat(histograms.complete()).as("%s: every solution counted", id).isTrue();
        for (String metric : Solver.METRICS) {
            assertThat(histograms.metrics().get(metric).firstKey()).as("%s: lowest %s counted", id, metric)
                    .isEqualTo(result.best().get(metric).metrics().get(metric));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledLevels")
    void theSolverProvesWhatThePlainSearchProves(String id) throws Exception {
        Level level = puzzle(id);
        var reference = ReferenceSearch.bests(level, REFERENCE_STATES);
        Assumptions.assumeTrue(reference.isPresent(), () -> id + ": the plain search needs more than "
                + REFERENCE_STATES + " states");
        SolveResult result = new Solver(level, SearchLimits.defaults()).solve();

        assertThat(result.complete()).as(id).isTrue();
        for (int i = 0; i < Solver.METRICS.size(); i++) {
            String metric = Solver.METRICS.get(i);
            int expected = reference.get()[i];
            Solution best = result.best().get(metric);
            assertThat(best == null ? Integer.MAX_VALUE : best.metrics().get(metric)).as("%s: best %s", id, metric)
                    .isEqualTo(expected);
        }
    }
}
