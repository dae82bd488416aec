package org.cowarena.solver;

import static org.assertj.core.api.Assertions.assertThat;

import org.cowarena.game.Game;
import org.cowarena.move.MoveParser;
import org.junit.jupiter.api.Test;

/** The key states are deduplicated on: equal for the same state, different when a goal or the future can tell. */
class StateKeyTest {
    private final StateKey.Encoder keys = new StateKey.Encoder(java.util.Set.of("X", "Y"));

    private static Game play(String yaml, String... moves) throws Exception {
        Game game = Game.start(SolverTest.level(yaml));
        for (String m : moves) {
            assertThat(game.play(MoveParser.parseMove(m)).outcome().ok()).as(m).isTrue();
        }
        return game;
    }

    private static final String LEVEL = SolverTest.FORKED + "moves: {allowed: [fork, write, read, exit]}\n";

    @Test
    void twoMoveOrdersReachingTheSameStateHaveOneKey() throws Exception {
        Game one = play(LEVEL, "exit 2", "write 1 2 X", "write 1 3 Y");
        Game other = play(LEVEL, "exit 2", "write 1 3 Y", "write 1 2 X");

        assertThat(keys.key(one, -1)).isEqualTo(keys.key(other, -1));
    }

    @Test
    void theSameStateWithOtherMetricsHasTheSameKey() throws Exception {
        // A zero-page map first costs a move and a fault: the solver compares that by dominance.
        String level = LEVEL.replace("heap: 2}", "heap: 3}");
        Game one = play(level, "read 1 4", "write 1 4 X");
        Game other = play(level, "write 1 4 X");

        assertThat(one.metrics()).isNotEqualTo(other.metrics());
        assertThat(keys.key(one, -1)).isEqualTo(keys.key(other, -1));
    }

    @Test
    void aValueAGoalChecksChangesTheKey() throws Exception {
        Game one = play(LEVEL, "exit 2", "write 1 2 X");
        Game other = play(LEVEL, "exit 2", "write 1 2 Y");

        assertThat(keys.key(one, -1)).isNotEqualTo(keys.key(other, -1));
    }

    @Test
    void valuesNoGoalNamesAreAllAlike() throws Exception {
        Game one = play(LEVEL, "exit 2", "write 1 2 P");
        Game other = play(LEVEL, "exit 2", "write 1 2 Q");
        Game named = play(LEVEL, "exit 2", "write 1 2 X");

        assertThat(keys.key(one, -1)).isEqualTo(keys.key(other, -1)).isNotEqualTo(keys.key(named, -1));
        assertThat(new StateKey.Encoder(java.util.Set.of("P")).key(one, -1))
                .isNotEqualTo(new StateKey.Encoder(java.util.Set.of("P")).key(other, -1));
    }

    @Test
    void whoIsAliveChangesTheKey() throws Exception {
        assertThat(keys.key(play(LEVEL, "exit 2"), -1)).isNotEqualTo(keys.key(play(LEVEL, "exit 1"), -1));
    }

    @Test
    void theTurnCountsWhileActorsStillHaveMoves() throws Exception {
        Game game = play(LEVEL);

        assertThat(keys.key(game, 1)).isNotEqualTo(keys.key(game, 2));
        assertThat(keys.key(game, -1)).isEqualTo(keys.key(game.copy(), -1));
    }
}
