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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * fork(2) of a process with 262,144 private writable heap pages: every entry is
 * copied, every frame gets refs +1, and every page becomes COW in parent and child.
 * After each fork, outside the measurement, the child exits and the parent writes
 * its heap again (each write a {@code cow-reuse}), so every measured fork sees all
 * pages private writable, as the first fork of a warm process does.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ForkBenchmark {
    private Kernel kernel;

    @Setup(Level.Trial)
    public void writeParent() {
        kernel = BigProcess.written();
        BigProcess.check(kernel.fork(BigProcess.PID), "fork");
        if (kernel.page(BigProcess.PID, BigProcess.HEAP_START).orElseThrow().refs() != 2) {
            throw new IllegalStateException("fork did not share the heap");
        }
        exitChildAndRewrite();
        if (!kernel.page(BigProcess.PID, BigProcess.HEAP_END - 1).orElseThrow().writable()
                || kernel.used() != BigProcess.HEAP_PAGES + 1) {
            throw new IllegalStateException("the parent's heap is not private writable again");
        }
    }

    @Benchmark
    public Outcome fork() {
        return kernel.fork(BigProcess.PID);
    }

    @TearDown(Level.Invocation)
    public void exitChildAndRewrite() {
        BigProcess.check(kernel.exit(kernel.highestPid()), "exit");
        for (int v = BigProcess.HEAP_START; v < BigProcess.HEAP_END; v++) {
            kernel.write(BigProcess.PID, v, BigProcess.VALUE);
        }
    }
}
