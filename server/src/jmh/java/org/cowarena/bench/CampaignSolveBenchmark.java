package org.cowarena.bench;

import java.util.concurrent.TimeUnit;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelLoader;
import org.cowarena.solver.SearchLimits;
import org.cowarena.solver.SolveResult;
import org.cowarena.solver.Solver;
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
 * What {@code solve} costs on a bundled level: the whole of it (the best per metric and
 * the histograms), on all cores, one solve per measurement. The default levels are the
 * campaign's slowest; pass others with {@code -p level=campaign/01-fork,...}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CampaignSolveBenchmark {
    @Param({"campaign/shell-script", "campaign/three-workers"})
    public String level;

    private Level loaded;

    @Setup
    public void load() throws LevelException {
        loaded = LevelLoader.loadBundled(level);
    }

    @Benchmark
    public SolveResult solve() throws LevelException {
        SolveResult result = new Solver(loaded, SearchLimits.defaults()).solve();
        if (!result.complete() || !result.histograms().orElseThrow().complete()) {
            throw new IllegalStateException(level + ": the search or the count was cut off");
        }
        return result;
    }
}
