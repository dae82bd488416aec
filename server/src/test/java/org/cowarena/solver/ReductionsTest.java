package org.cowarena.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cowarena.game.Game;
import org.cowarena.level.Level;
import org.cowarena.move.Move;
import org.cowarena.move.MoveParser;
import org.junit.jupiter.api.Test;

/** What the search leaves out: twins' moves, and states the move bound rules out. */
class ReductionsTest {
    /** pid 1 forked 2 and 3 in the setup: 2 and 3 are twins (same parent, same frames). */
    static final String TWINS = String.join("\n",
            "format: 1",
            "id: twins",
            "title: Twins",
            "memory: {frames: 12, oom: OOM}",
            "programs:",
            "  app: {text: 1, heap: 2}",
            "processes:",
            "  - {pid: 1, program: app, heap: [a, b]}",
            "setup: [\"fork 1\", \"fork 1\"]",
            "moves: {allowed: [fork, write, exit], limit: LIMIT}",
            "goal:",
            "  - running: {program: app, atLeast: 6}",
            "");

    private static Level twins(String oom, int limit) throws Exception {
        return SolverTest.level(TWINS.replace("OOM", oom).replace("LIMIT", Integer.toString(limit)));
    }

    private static Move move(String notation) throws Exception {
        return MoveParser.parseMove(notation);
    }

    @Test
    void aTwinsMovesAreLeftToTheFirstOfThem() throws Exception {
        Level level = twins("reject", 5);
        List<Move> moves = new CandidateMoves(level).of(Game.start(level), 0);

        assertThat(moves).contains(move("fork 1"), move("fork 2"), move("write 2 1 w"), move("exit 2"))
                .doesNotContain(move("fork 3"), move("write 3 1 w"), move("exit 3"));
    }

    @Test
    void aTwinWhoseFramesDifferIsNoTwin() throws Exception {
        Level level = twins("reject", 5);
        Game game = Game.start(level);
        game.play(move("write 2 1 w"));

        assertThat(new CandidateMoves(level).of(game, 1)).contains(move("fork 3"), move("exit 3"));
    }

    @Test
    void underTheOomKillerTwinsAreNotSwappedItsTiesGoToTheNewest() throws Exception {
        Level level = twins("kill", 5);

        assertThat(new CandidateMoves(level).of(Game.start(level), 0)).contains(move("fork 3"));
    }

    @Test
    void sixAppsTakeThreeForksAndTheBoundKnowsIt() throws Exception {
        Level level = twins("reject", 3);
        SolveResult r = new Solver(level, SearchLimits.defaults()).solve();

        assertThat(r.complete()).isTrue();
        assertThat(r.best().get("moves").metrics().moves()).isEqualTo(3);
        assertThat(new MoveBound(level).of(Game.start(level))).isEqualTo(3);
        // Two moves are not enough: nothing meets the goal, and the search says so completely.
        SolveResult short2 = new Solver(twins("reject", 2), SearchLimits.defaults()).solve();
        assertThat(short2.complete()).isTrue();
        assertThat(short2.best()).isEmpty();
        assertThat(short2.states()).isEqualTo(1);
    }

    @Test
    void theBoundCountsMissingPidsAndUnmetPagesAndGivesUpOnTheDead() throws Exception {
        Level level = SolverTest.level(SolverTest.FORKED + String.join("\n",
                "moves: {allowed: [fork, write, exit], limit: 6}",
                "goal:",
                "  - page: {pid: 2, vpn: 2, value: X}",
                "  - page: {pid: 2, vpn: 3, value: Y}",
                "  - page: {pid: 3, vpn: 2, value: X}", ""));
        Game game = Game.start(level);

        assertThat(new MoveBound(level).of(game)).as("fork 3, then two writes in 2").isEqualTo(3);
        game.play(move("write 2 2 X"));
        assertThat(new MoveBound(level).of(game)).isEqualTo(2);
        game.play(move("exit 2"));
        assertThat(new MoveBound(level).of(game)).isEqualTo(MoveBound.NEVER);
    }
}
