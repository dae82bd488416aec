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
 * Zero fills: first writes to untouched heap pages, each allocating the lowest free
 * frame. One invocation is a batch of 262,144 first writes on a freshly spawned
 * process; the spawn happens in the setup, outside the measurement.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ZeroFillBenchmark {
    private Kernel kernel;

    @Setup(Level.Trial)
    public void checkBatch() {
        freshProcess();
        for (int v = BigProcess.HEAP_START; v < BigProcess.HEAP_END; v++) {
            BigProcess.check(kernel.write(BigProcess.PID, v, BigProcess.VALUE), "write");
        }
        if (kernel.stats().zeroFills() != BigProcess.HEAP_PAGES) {
            throw new IllegalStateException("the batch was not all zero fills: " + kernel.stats());
        }
    }

    @Setup(Level.Invocation)
    public void freshProcess() {
        kernel = BigProcess.spawned();
    }

    @Benchmark
    @OperationsPerInvocation(BigProcess.HEAP_PAGES)
    public void zeroFill(Blackhole blackhole) {
        Kernel k = kernel;
        for (int v = BigProcess.HEAP_START; v < BigProcess.HEAP_END; v++) {
            blackhole.consume(k.write(BigProcess.PID, v, BigProcess.VALUE));
        }
    }
}
