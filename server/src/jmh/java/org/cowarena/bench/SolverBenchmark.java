package org.cowarena.bench;

import java.util.concurrent.TimeUnit;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelLoader;
import org.cowarena.solver.SearchLimits;
import org.cowarena.solver.SolveResult;
import org.cowarena.solver.Solver;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Solver throughput: one invocation proves a puzzle's best results completely (the
 * search alone, no histograms), on all cores. The {@code states} and {@code tried}
 * counters report distinct states kept and moves played on copies, per second.
 * {@code snapshot}: a BGSAVE-like puzzle, every sequence of up to 4 moves on a process
 * with six pages; {@code zygote-tree}: an 8-move zygote tree (a zygote loads two
 * pages, forks three apps, each writes its own page) searched to 9 moves.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SolverBenchmark {
    static final String SNAPSHOT = String.join("\n",
            "format: 1",
            "id: bench-snapshot",
            "title: Snapshot while serving writes",
            "memory: {frames: 12, oom: reject}",
            "programs:",
            "  redis: {text: 1, data: [conf], heap: 4}",
            "  saver: {text: 1, heap: 1}",
            "processes:",
            "  - {pid: 1, program: redis, heap: [k1, k2, k3, k4]}",
            "moves: {allowed: [fork, vfork, exec, write, read, exit], limit: 4}",
            "goal:",
            "  - page: {pid: 1, vpn: 2, value: v1}",
            "  - page: {pid: 2, vpn: 2, value: k1}",
            "  - running: {program: saver, exactly: 1}",
            "  - maxPeakFrames: 9",
            "stars: {moves: 4, copies: 1}",
            "");

    static final String ZYGOTE_TREE = String.join("\n",
            "format: 1",
            "id: bench-zygote-tree",
            "title: Three apps from one zygote",
            "memory: {frames: 9, oom: reject}",
            "programs:",
            "  app_process: {text: 1, heap: 3}",
            "processes:",
            "  - {pid: 1, program: app_process}",
            "moves: {allowed: [fork, write, exit], limit: 9}",
            "goal:",
            "  - running: {program: app_process, atLeast: 4}",
            "  - page: {pid: 2, vpn: 1, value: cls}",
            "  - page: {pid: 3, vpn: 1, value: cls}",
            "  - page: {pid: 4, vpn: 1, value: cls}",
            "  - page: {pid: 2, vpn: 2, value: res}",
            "  - page: {pid: 3, vpn: 2, value: res}",
            "  - page: {pid: 4, vpn: 2, value: res}",
            "  - page: {pid: 2, vpn: 3, value: a}",
            "  - page: {pid: 3, vpn: 3, value: b}",
            "  - page: {pid: 4, vpn: 3, value: c}",
            "stars: {moves: 8, peakFrames: 6}",
            "");

    /** Work done, summed over the invocations of an iteration; JMH reports each per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Work {
        public long states;
        public long tried;
    }

    @Param({"snapshot", "zygote-tree"})
    public String puzzle;

    private Level level;
    private SearchLimits limits;

    @Setup
    public void load() throws LevelException {
        level = LevelLoader.parse(puzzle.equals("snapshot") ? SNAPSHOT : ZYGOTE_TREE, puzzle + ".yaml");
        limits = SearchLimits.defaults().withHistogramStates(0);
        SolveResult check = new Solver(level, limits).solve();
        if (!check.complete() || check.mostStars().isEmpty() || check.mostStars().get().stars() != 3) {
            throw new IllegalStateException("the benchmark level should be solved completely with 3 stars: "
                    + check.cutOffs() + " " + check.mostStars());
        }
    }

    @Benchmark
    public SolveResult solve(Work work) throws LevelException {
        SolveResult result = new Solver(level, limits).solve();
        work.states += result.states();
        work.tried += result.tried();
        return result;
    }
}
