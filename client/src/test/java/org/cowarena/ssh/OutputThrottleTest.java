package org.cowarena.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A session's output past its burst waits for the rate: a board redrawn in a loop slows only itself. */
class OutputThrottleTest {
    @Test
    void theBurstGoesAtOnceAndTheRestAtTheRate() throws IOException {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        OutputThrottle throttle = new OutputThrottle(sent, 10_000, 1_000);
        long start = System.nanoTime();
        throttle.write(new byte[1_000]);
        long burst = System.nanoTime() - start;
        throttle.write(new byte[2_000]);
        long all = System.nanoTime() - start;
        // whatever refilled meanwhile, the budget holds at most the burst: 1,000 bytes wait at least 0.1 s
        assertThat(all).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(burst).isLessThan(all);
        assertThat(sent.size()).isEqualTo(3_000);
    }
}
