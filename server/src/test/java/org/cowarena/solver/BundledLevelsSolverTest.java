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
 * Every bundled puzzle whose search completes within {@link #MAX_STATES} states: the
 * solver's best per starred metric is exactly the level's three-star threshold (the
 * stars can be reached and nothing does better), and one solution earns all three.
 * A search that is cut off is skipped with the reason, not failed: the state cap keeps
 * this test within its time whatever levels are added.
 */
class BundledLevelsSolverTest {
    static final int MAX_STATES = 150_000;

    static Stream<String> bundledLevels() {
        return LevelLoader.bundledIds().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledLevels")
    void theStarsAreExactlyTheBestTheLevelAllows(String id) throws Exception {
        Level level = LevelLoader.loadBundled(id);
        Assumptions.assumeTrue(level.kind() == LevelKind.PUZZLE, id + " is an arena level: the solver searches"
                + " puzzles");
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
    }
}
