package org.cowarena.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cowarena.game.Game;
import org.cowarena.game.Score;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelLoader;
import org.cowarena.level.Metrics;
import org.cowarena.move.Move;

/**
 * Deduplication, dominance, symmetry, the move bound and the candidate moves lose
 * nothing: on random small levels the solver finds the same best value per metric, and
 * the same most stars, as trying every sequence of every move (every verb on every pid,
 * every value any goal names and one more on every page) without remembering anything;
 * and the solution count's lowest value per metric is that best.
 */
class SolverPropertiesTest {

    /** Raw choices for one random level. */
    record Shape(int frames, boolean kill, int data, int heap, int second, int allowed, int limit, int goals,
                 int stars, boolean actor) {
    }

    @Provide
    Arbitrary<Shape> shapes() {
        return Arbitraries.integers().between(0, 99).list().ofSize(10).map(r -> new Shape(4 + r.get(0) % 6,
                r.get(1) % 2 == 1, r.get(2) % 2, 1 + r.get(3) % 3, r.get(4) % 3, r.get(5), 2 + r.get(6) % 2, r.get(7),
                r.get(8), r.get(9) % 3 == 0));
    }

    static String yaml(Shape s) {
        int heapStart = 1 + s.data();
        StringBuilder y = new StringBuilder("format: 1\nid: random\ntitle: Random\n");
        y.append("memory: {frames: ").append(s.frames()).append(", oom: ").append(s.kill() ? "kill" : "reject")
                .append("}\n");
        y.append("programs:\n  p: {text: 1, data: [").append(s.data() == 1 ? "d" : "").append("], heap: ")
                .append(s.heap()).append("}\n");
        y.append("processes:\n  - {pid: 1, program: p, heap: [a]}\n");
        boolean two = s.second() > 0;
        if (s.second() == 1) {
            y.append("  - {pid: 2, program: p}\n");
        } else if (s.second() == 2) {
            y.append("setup: [\"fork 1\"]\n");
        }
        List<String> verbs = new ArrayList<>(List.of("write"));
        String[] optional = {"fork", "read", "exit", "exec"};
        for (int i = 0; i < optional.length; i++) {
            if ((s.allowed() >> i & 1) != 0) {
                verbs.add(optional[i]);
            }
        }
        y.append("moves: {allowed: [").append(String.join(", ", verbs)).append("], limit: ").append(s.limit())
                .append("}\n");
        if (s.actor()) {
            y.append("actors:\n  - {name: env, script: [\"write 1 ").append(heapStart).append(" Z\"]}\n");
        }
        y.append("goal:\n");
        int g = s.goals();
        // Now and then a pid that does not exist yet: forked during play.
        int pid = g % 5 == 4 ? (two ? 3 : 2) : two && g % 2 == 1 ? 2 : 1;
        y.append("  - page: {pid: ").append(pid).append(", vpn: ").append(heapStart + g / 2 % s.heap())
                .append(", value: ").append(g / 7 % 2 == 0 ? "X" : "a").append("}\n");
        switch (g / 14 % 5) {
            case 0 -> y.append("  - running: {program: p, atLeast: ").append(two ? 3 : 2).append("}\n");
            case 1 -> y.append("  - maxPeakFrames: ").append(s.frames() - 1).append('\n');
            case 2 -> y.append("  - maxCopies: 0\n");
            case 3 -> y.append("  - running: {program: p, exactly: 1}\n");
            default -> { }
        }
        y.append("stars: {moves: ").append(1 + s.stars() % 2).append(", copies: ").append(s.stars() / 2 % 2)
                .append(", peakFrames: ").append(s.frames() - s.stars() / 4 % 3).append("}\n");
        return y.toString();
    }

    @Property(edgeCases = EdgeCasesMode.NONE, tries = 150, seed = "20261127")
    void theSolverFindsWhatTryingEverySequenceFinds(@ForAll("shapes") Shape shape) throws Exception {
        check(shape);
    }

    @Property(edgeCases = EdgeCasesMode.NONE, tries = 100)
    void theSolverFindsWhatTryingEverySequenceFindsOnFreshSeeds(@ForAll("shapes") Shape shape) throws Exception {
        check(shape);
    }

    private static void check(Shape shape) throws Exception {
        String yaml = yaml(shape);
        Level level;
        try {
            level = LevelLoader.parse(yaml, "random.yaml");
        } catch (LevelException e) {
            Assume.that(false);
            return;
        }
        SolveResult result = new Solver(level, SearchLimits.defaults()).solve();
        assertThat(result.complete()).as(yaml).isTrue();

        int[] best = new int[Solver.METRICS.size()];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        int[] mostStars = {-1};
        everySequence(Game.start(level), 0, level.moves().limit().getAsInt(), best, mostStars);

        Histograms histograms = result.histograms().orElseThrow();
        assertThat(histograms.complete()).as(yaml).isTrue();
        if (mostStars[0] < 0) {
            assertThat(result.best()).as(yaml).isEmpty();
            assertThat(histograms.solutions()).as(yaml).isZero();
            return;
        }
        for (int i = 0; i < best.length; i++) {
            var histogram = histograms.metrics().get(Solver.METRICS.get(i));
            assertThat(histogram.firstKey()).as("lowest %s counted in\n%s", Solver.METRICS.get(i), yaml)
                    .isEqualTo(best[i]);
            assertThat(histogram.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(histograms.solutions());
        }
        for (int i = 0; i < best.length; i++) {
            String metric = Solver.METRICS.get(i);
            assertThat(result.best().get(metric).metrics().get(metric)).as("%s in\n%s", metric, yaml)
                    .isEqualTo(best[i]);
        }
        assertThat(result.mostStars().orElseThrow().stars()).as(yaml).isEqualTo(mostStars[0]);
        for (Solution s : result.solutions()) {
            Game replay = Game.start(level);
            s.moves().forEach(replay::play);
            assertThat(replay.score().met()).as("%s in\n%s", s.notation(), yaml).isTrue();
            assertThat(replay.metrics()).isEqualTo(s.metrics());
        }
    }

    /** Every move of every live process, with the values {@code X}, {@code a} and {@code other}; pass too. */
    static List<Move> everyMove(Game game) {
        List<Move> moves = new ArrayList<>(List.of(new Move.Pass()));
        for (var p : game.kernel().processes()) {
            int pid = p.pid();
            moves.add(new Move.Fork(pid));
            moves.add(new Move.Exit(pid));
            moves.add(new Move.Exec(pid, "p"));
            for (int vpn = 0; vpn < game.kernel().pageTable(pid).size(); vpn++) {
                moves.add(new Move.Read(pid, vpn));
                for (String value : List.of("X", "a", "other")) {
                    moves.add(new Move.Write(pid, vpn, value));
                }
            }
        }
        return moves;
    }

    private static void everySequence(Game game, int depth, int limit, int[] best, int[] mostStars) {
        Score score = game.score();
        if (score.met()) {
            Metrics m = game.metrics();
            for (int i = 0; i < best.length; i++) {
                best[i] = Math.min(best[i], m.get(Solver.METRICS.get(i)));
            }
            mostStars[0] = Math.max(mostStars[0], score.stars());
        }
        if (depth == limit) {
            return;
        }
        for (Move move : everyMove(game)) {
            Game child = game.copy();
            if (child.play(move).outcome().ok()) {
                everySequence(child, depth + 1, limit, best, mostStars);
            }
        }
    }
}
