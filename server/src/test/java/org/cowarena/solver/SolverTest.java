package org.cowarena.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cowarena.game.Game;
import org.cowarena.level.Level;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.Move;
import org.cowarena.move.MoveParser;
import org.junit.jupiter.api.Test;

/** The solver on small levels whose optimum is known by hand. */
class SolverTest {
    /** shell: vpn 0 text, 1 data cfg, 2-3 heap; pid 1 holds a, b and forked pid 2 in the setup. */
    static final String FORKED = String.join("\n",
            "format: 1",
            "id: forked",
            "title: Forked",
            "memory: {frames: 6}",
            "programs:",
            "  shell: {text: 1, data: [cfg], heap: 2}",
            "processes:",
            "  - {pid: 1, program: shell, heap: [a, b]}",
            "setup: [\"fork 1\"]",
            "");

    static Level level(String yaml) throws Exception {
        return LevelLoader.parse(yaml, "t.yaml");
    }

    static SolveResult solve(String yaml) throws Exception {
        return new Solver(level(yaml), SearchLimits.defaults()).solve();
    }

    private static List<String> notation(Solution s) {
        return s.moves().stream().map(Move::notation).toList();
    }

    @Test
    void oneWriteCopiesTheSharedPage() throws Exception {
        SolveResult r = solve(FORKED + String.join("\n",
                "moves: {allowed: [fork, write, read, exit], limit: 4}",
                "goal:",
                "  - page: {pid: 2, vpn: 3, value: X}",
                "  - page: {pid: 1, vpn: 3, value: b}",
                "  - running: {program: shell, exactly: 2}",
                "stars: {moves: 1, copies: 1}", ""));

        assertThat(r.complete()).isTrue();
        assertThat(r.maxMoves()).isEqualTo(4);
        assertThat(notation(r.best().get("moves"))).containsExactly("write 2 3 X");
        assertThat(r.best().get("copies").metrics().copies()).isEqualTo(1);
        assertThat(r.best().get("peakFrames").metrics().peakFrames()).isEqualTo(5);
        assertThat(r.mostStars().orElseThrow().stars()).isEqualTo(3);
    }

    @Test
    void theLastSharerWritesForFreeWhenTheChildExitsFirst() throws Exception {
        SolveResult r = solve(FORKED + String.join("\n",
                "moves: {allowed: [write, read, exit], limit: 4}",
                "goal:",
                "  - page: {pid: 1, vpn: 2, value: X}",
                "  - running: {program: shell, exactly: 1}",
                "stars: {moves: 2, copies: 0}", ""));

        assertThat(r.complete()).isTrue();
        Solution best = r.best().get("moves");
        assertThat(notation(best)).containsExactly("exit 2", "write 1 2 X");
        assertThat(best.metrics().copies()).isZero();
        assertThat(r.best().get("copies")).isSameAs(best);
        assertThat(r.solutions()).containsExactly(best);
    }

    @Test
    void eachMetricGetsItsOwnBestWhenNoSolutionHasAllOfThem() throws Exception {
        // Writing at once costs a copy; letting the child exit first costs a move.
        SolveResult r = solve(FORKED + String.join("\n",
                "moves: {allowed: [write, exit], limit: 3}",
                "goal:",
                "  - page: {pid: 1, vpn: 2, value: X}",
                "stars: {moves: 1, copies: 0}", ""));

        assertThat(notation(r.best().get("moves"))).containsExactly("write 1 2 X");
        assertThat(r.best().get("moves").metrics().copies()).isEqualTo(1);
        assertThat(notation(r.best().get("copies"))).containsExactly("exit 2", "write 1 2 X");
        assertThat(r.best().get("peakFrames").metrics().peakFrames()).isEqualTo(4);
        assertThat(r.mostStars().orElseThrow().stars()).isEqualTo(2);
        assertThat(r.mostStars().orElseThrow()).isSameAs(r.best().get("moves"));
    }

    @Test
    void scriptedActorsMoveAfterEachPlayerMoveAsInPlay() throws Exception {
        // The actor writes Z into pid 1 right after the first move: a fork before it keeps
        // a for the child, and the actor's write does pid 1's part. Without the actor, two moves.
        String yaml = String.join("\n",
                "format: 1",
                "id: actor",
                "title: Actor",
                "memory: {frames: 8}",
                "programs:",
                "  shell: {text: 1, data: [cfg], heap: 2}",
                "processes:",
                "  - {pid: 1, program: shell, heap: [a, b]}",
                "moves: {allowed: [fork, write], limit: 3}",
                "actors:",
                "  - {name: redis, script: [\"write 1 2 Z\"]}",
                "goal:",
                "  - page: {pid: 2, vpn: 2, value: a}",
                "  - page: {pid: 1, vpn: 2, value: Z}",
                "stars: {moves: 1, copies: 1}", "");
        SolveResult r = solve(yaml);

        assertThat(notation(r.best().get("moves"))).containsExactly("fork 1");
        assertThat(r.best().get("moves").metrics().copies()).isEqualTo(1);
        assertThat(r.complete()).isTrue();
        // The solution replays through Game to the same score.
        Game game = Game.start(level(yaml));
        for (Move m : r.best().get("moves").moves()) {
            game.play(m);
        }
        assertThat(game.score().stars()).isEqualTo(3);
    }

    @Test
    void aPassLetsTheActorMoveWhenWaitingIsAllTheGoalNeeds() throws Exception {
        String yaml = String.join("\n",
                "format: 1",
                "id: waiting",
                "title: Waiting",
                "memory: {frames: 8}",
                "programs:",
                "  shell: {text: 1, data: [cfg], heap: 2}",
                "processes:",
                "  - {pid: 1, program: shell, heap: [a, b]}",
                "moves: {allowed: [exit], limit: 4}",
                "actors:",
                "  - {name: tick, script: [\"pass\", \"write 1 3 T\"], loop: true}",
                "goal:",
                "  - page: {pid: 1, vpn: 3, value: T}",
                "  - page: {pid: 1, vpn: 2, value: a}",
                "stars: {moves: 2}", "");
        SolveResult r = solve(yaml);

        assertThat(r.best().get("moves").metrics().moves()).isEqualTo(2);
        assertThat(notation(r.best().get("moves"))).containsExactly("pass", "pass");
    }

    @Test
    void aLevelWithoutAMoveLimitIsCutOffAtTheSearchLimit() throws Exception {
        SolveResult r = new Solver(level(FORKED + String.join("\n",
                "moves: {allowed: [fork, write, exit]}",
                "goal:",
                "  - running: {program: shell, atLeast: 4}", "")), SearchLimits.defaults().withMaxMoves(1)).solve();

        assertThat(r.cutOffs()).containsExactly(CutOff.MOVES);
        assertThat(r.complete()).isFalse();
        assertThat(r.maxMoves()).isEqualTo(1);
        assertThat(r.best()).isEmpty();
        assertThat(r.mostStars()).isEmpty();
    }

    @Test
    void theStateLimitStopsTheSearchAndKeepsWhatItFound() throws Exception {
        String yaml = FORKED + String.join("\n",
                "moves: {allowed: [fork, write, read, exit], limit: 4}",
                "goal:",
                "  - page: {pid: 2, vpn: 3, value: X}", "");
        SolveResult full = new Solver(level(yaml), SearchLimits.defaults()).solve();
        SolveResult cut = new Solver(level(yaml), SearchLimits.defaults().withMaxStates(30)).solve();

        assertThat(full.complete()).isTrue();
        assertThat(cut.cutOffs()).containsExactly(CutOff.STATES);
        assertThat(cut.states()).isEqualTo(30);
        assertThat(notation(cut.best().get("moves"))).containsExactly("write 2 3 X");
    }

    @Test
    void theSearchStopsAtTheLevelsLimitEvenWhenAskedForMore() throws Exception {
        Solver solver = new Solver(level(FORKED + "moves: {allowed: [write], limit: 2}\ngoal:\n"
                + "  - page: {pid: 1, vpn: 2, value: X}\n  - page: {pid: 2, vpn: 2, value: X}\n"
                + "  - page: {pid: 1, vpn: 3, value: X}\n"), SearchLimits.defaults().withMaxMoves(9));
        SolveResult r = solver.solve();

        assertThat(r.maxMoves()).isEqualTo(2);
        assertThat(r.complete()).isTrue();
        assertThat(r.best()).isEmpty();
    }

    @Test
    void theSameLevelGivesTheSameResult() throws Exception {
        String yaml = FORKED + "moves: {allowed: [fork, write, read, exit], limit: 3}\ngoal:\n"
                + "  - running: {program: shell, exactly: 3}\n  - page: {pid: 3, vpn: 2, value: Q}\n";
        SolveResult one = solve(yaml);
        SolveResult two = solve(yaml);

        assertThat(two.states()).isEqualTo(one.states());
        assertThat(two.tried()).isEqualTo(one.tried());
        assertThat(two.solutions()).isEqualTo(one.solutions());
    }

    @Test
    void oneThreadOrThreeFindTheSameByTheSameWork() throws Exception {
        // Batches of more than one share each, on a level large enough to need several.
        Level level = LevelLoader.loadBundled("campaign/10-madvise");
        SolveResult one = new Solver(level, SearchLimits.defaults().withThreads(1)).solve();
        SolveResult three = new Solver(level, SearchLimits.defaults().withThreads(3)).solve();

        assertThat(one.states()).isGreaterThan(Solver.BATCH);
        assertThat(three.states()).isEqualTo(one.states());
        assertThat(three.expanded()).isEqualTo(one.expanded());
        assertThat(three.tried()).isEqualTo(one.tried());
        assertThat(three.solutions()).isEqualTo(one.solutions());
        assertThat(three.front()).isEqualTo(one.front());
        assertThat(three.histograms()).isEqualTo(one.histograms());
    }

    @Test
    void arenaLevelsAreRefused() throws Exception {
        Level arena = level(FORKED.replace("title: Forked", "title: Forked\nkind: arena"));
        assertThatThrownBy(() -> new Solver(arena, SearchLimits.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arena");
    }

    @Test
    void writesTryTheValuesGoalsNameForThatPageAndOneOther() throws Exception {
        Level level = level(FORKED + "goal:\n  - page: {pid: 1, vpn: 2, value: w}\n"
                + "  - page: {pid: 2, vpn: 2, value: X}\n");
        CandidateMoves candidates = new CandidateMoves(level);

        assertThat(candidates.values()).containsExactly("w", "X", "w1");
        assertThat(candidates.valuesAt(2)).containsExactly("w", "X", "w1");
        assertThat(candidates.valuesAt(3)).containsExactly("w1");
        List<Move> moves = candidates.of(Game.start(level), 0);
        assertThat(moves).contains(MoveParser.parseMove("write 1 2 w1"), MoveParser.parseMove("write 2 2 X"),
                        MoveParser.parseMove("write 2 3 w1"))
                .doesNotContain(MoveParser.parseMove("write 1 0 w1"), MoveParser.parseMove("write 2 3 X"),
                        new Move.Pass());
    }
}
