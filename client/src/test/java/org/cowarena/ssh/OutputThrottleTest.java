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
        throttle.write(new byte[1_000]);
        assertThat(sent.size()).isEqualTo(1_000);
        long start = System.nanoTime();
        throttle.write(new byte[2_000]); // 2,000 bytes over the budget: 0.2 s at 10,000 bytes a second
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(190));
        assertThat(sent.size()).isEqualTo(3_000);
    }
}
