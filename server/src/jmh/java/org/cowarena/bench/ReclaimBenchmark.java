package org.cowarena.bench;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cowarena.kernel.Kernel;
import org.cowarena.kernel.MemoryConfig;
import org.cowarena.kernel.OomPolicy;
import org.cowarena.kernel.ProgramImage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Allocation on a full machine: 524,288 frames, all but one holding a cached page-cache
 * page (a program that ran and exited), so every allocation has to reclaim one — the
 * coldest, found at the head of the reclaim order, not by a scan. One invocation is a
 * batch of 262,144 first writes to untouched heap pages (zero fills), each reclaiming a
 * cached frame first; the machine is filled in the setup, outside the measurement.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReclaimBenchmark {
    static final int FRAMES = 524_288;
    /** A program whose code fills every frame but one: it runs, exits, and leaves it all cached. */
    static final ProgramImage PAGE_CACHE = new ProgramImage("cat", Collections.nCopies(FRAMES - 1, "c"), List.of(),
            0, 0);
    static final ProgramImage WRITER = ProgramImage.of("writer", 1, List.of(), BigProcess.HEAP_PAGES, 0);

    private Kernel kernel;

    @Setup(Level.Trial)
    public void checkBatch() {
        fullMachine();
        zeroFillAll();
        if (kernel.stats().reclaims() != BigProcess.HEAP_PAGES || kernel.stats().zeroFills() != BigProcess.HEAP_PAGES) {
            throw new IllegalStateException("the batch did not reclaim for every allocation: " + kernel.stats());
        }
    }

    @Setup(Level.Invocation)
    public void fullMachine() {
        kernel = new Kernel(MemoryConfig.of(FRAMES, OomPolicy.REJECT), List.of(PAGE_CACHE, WRITER));
        BigProcess.check(kernel.spawn(2, PAGE_CACHE.name(), "bench", 0), "spawn cat");
        BigProcess.check(kernel.exit(2), "exit cat");
        BigProcess.check(kernel.spawn(1, WRITER.name(), "bench", 0), "spawn writer");
        if (kernel.free() != 0 || kernel.cached() != FRAMES - 1) {
            throw new IllegalStateException("the machine is not full of cached pages: " + kernel.free() + " free, "
                    + kernel.cached() + " cached");
        }
        kernel.resetCounters();
    }

    private void zeroFillAll() {
        int start = WRITER.heapStart();
        for (int v = start; v < start + BigProcess.HEAP_PAGES; v++) {
            BigProcess.check(kernel.write(1, v, BigProcess.VALUE), "write");
        }
    }

    @Benchmark
    @OperationsPerInvocation(BigProcess.HEAP_PAGES)
    public void allocationThatReclaims(Blackhole blackhole) {
        Kernel k = kernel;
        int start = WRITER.heapStart();
        for (int v = start; v < start + BigProcess.HEAP_PAGES; v++) {
            blackhole.consume(k.write(1, v, BigProcess.VALUE));
        }
    }
}
