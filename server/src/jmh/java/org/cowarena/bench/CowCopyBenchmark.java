package org.cowarena.bench;

import java.util.concurrent.TimeUnit;
import org.cowarena.kernel.Kernel;
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
 * Copy-on-write faults: after a fork of the big process, the child writes each
 * shared heap page once, and each write is a {@code cow-copy} (refs 2, anonymous).
 * One invocation is a batch of 262,144 faults on a freshly forked child; the copy
 * of the parent's kernel and the fork happen in the setup, outside the measurement.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CowCopyBenchmark {
    private Kernel parent;
    private Kernel kernel;

    @Setup(Level.Trial)
    public void writeParent() {
        parent = BigProcess.written();
        freshChild();
        kernel.resetCounters();
        for (int v = BigProcess.HEAP_START; v < BigProcess.HEAP_END; v++) {
            BigProcess.check(kernel.write(BigProcess.CHILD_PID, v, BigProcess.VALUE), "write");
        }
        if (kernel.stats().copies() != BigProcess.HEAP_PAGES || kernel.stats().reuses() != 0) {
            throw new IllegalStateException("the batch was not all cow-copies: " + kernel.stats());
        }
    }

    @Setup(Level.Invocation)
    public void freshChild() {
        kernel = parent.copy();
        BigProcess.check(kernel.fork(BigProcess.PID), "fork");
    }

    @Benchmark
    @OperationsPerInvocation(BigProcess.HEAP_PAGES)
    public void cowCopy(Blackhole blackhole) {
        Kernel k = kernel;
        for (int v = BigProcess.HEAP_START; v < BigProcess.HEAP_END; v++) {
            blackhole.consume(k.write(BigProcess.CHILD_PID, v, BigProcess.VALUE));
        }
    }
}
