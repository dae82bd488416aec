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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Solver throughput: one invocation solves a BGSAVE-like puzzle completely (every
 * sequence of up to 4 moves: fork, vfork, exec, write, read, exit on a process with
 * six pages). The {@code states} and {@code tried} counters report distinct states
 * kept and moves played on copies, per second.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SolverBenchmark {
    static final String LEVEL = String.join("\n",
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

    /** Work done, summed over the invocations of an iteration; JMH reports each per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Work {
        public long states;
        public long tried;
    }

    private Level level;

    @Setup
    public void load() throws LevelException {
        level = LevelLoader.parse(LEVEL, "bench.yaml");
        SolveResult check = new Solver(level, SearchLimits.defaults()).solve();
        if (!check.complete() || check.mostStars().isEmpty() || check.mostStars().get().stars() != 3) {
            throw new IllegalStateException("the benchmark level should be solved completely with 3 stars: "
                    + check.cutOffs() + " " + check.mostStars());
        }
    }

    @Benchmark
    public SolveResult solve(Work work) throws LevelException {
        SolveResult result = new Solver(level, SearchLimits.defaults()).solve();
        work.states += result.states();
        work.tried += result.tried();
        return result;
    }
}
