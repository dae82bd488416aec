package org.cowarena.bench;

import java.util.concurrent.TimeUnit;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.Outcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A write to a page that is already private and writable: no fault, the value
 * changes and nothing else. The writes walk the whole 262,144-page heap, so the
 * page table and frame values are not all in the L1 cache, as in a real game.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PrivateWriteBenchmark {
    private static final String[] VALUES = {"a", "b"};

    private Kernel kernel;
    private int next;

    @Setup(Level.Trial)
    public void writeHeap() {
        kernel = BigProcess.written();
        int zeroFills = kernel.stats().zeroFills();
        Outcome dryRun = kernel.write(BigProcess.PID, BigProcess.HEAP_START, "a");
        if (!dryRun.ok() || !dryRun.events().isEmpty() || kernel.stats().zeroFills() != zeroFills) {
            throw new IllegalStateException("a write to a private page caused " + dryRun);
        }
    }

    @Benchmark
    public Outcome privateWrite() {
        int i = next++;
        int vpn = BigProcess.HEAP_START + (i & (BigProcess.HEAP_PAGES - 1));
        return kernel.write(BigProcess.PID, vpn, VALUES[(i >>> 18) & 1]);
    }
}
