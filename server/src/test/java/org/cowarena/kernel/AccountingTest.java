package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AccountingTest {

    @Test
    void rssPssAndUssFollowSharing() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        k.spawn(1, "p");
        k.ok("write 1 3 X");
        k.ok("read 1 4");           // the zero page counts in none of them
        ProcessInfo alone = k.process(1);
        assertThat(alone.rss()).isEqualTo(4);
        assertThat(alone.uss()).isEqualTo(4);
        assertThat(alone.pss()).isCloseTo(4.0, within(1e-9));

        k.ok("fork 1");
        ProcessInfo parent = k.process(1);
        assertThat(parent.rss()).isEqualTo(4);
        assertThat(parent.uss()).isZero();
        assertThat(parent.pss()).isCloseTo(2.0, within(1e-9));

        k.ok("write 2 3 Y");        // the child copies page 3
        ProcessInfo child = k.process(2);
        assertThat(child.rss()).isEqualTo(4);
        assertThat(child.uss()).isEqualTo(1);
        assertThat(child.pss()).isCloseTo(2.5, within(1e-9));
        assertThat(k.process(1).uss()).isEqualTo(1);
        assertThat(k.process(1).pss() + child.pss()).isCloseTo(k.used(), within(1e-9));
    }

    @Test
    void countersAndPeakStartWhenPlayStarts() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        k.spawn(1, "p");
        k.ok("write 1 3 X");
        k.ok("write 1 4 Y");
        k.ok("fork 1");
        k.ok("write 2 3 Z");        // 6 frames used
        k.ok("exit 2");             // 5
        k.refused("exec 1 nosuch");

        k.kernel().resetCounters();
        assertThat(k.stats()).isEqualTo(new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        // The peak is counted from the start of play: it begins at what is in use then,
        // never below it.
        assertThat(k.kernel().peak()).isEqualTo(5);

        k.ok("write 1 5 S");
        assertThat(k.kernel().peak()).isEqualTo(6);
        assertThat(k.stats().zeroFills()).isEqualTo(1);
    }

    @Test
    void aSegvCountsInSegvOnlyAndARefusalInRefusalsOnly() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        k.spawn(1, "p");
        k.ok("write 1 0 X");
        k.refused("write 1 7 X");
        assertThat(k.stats()).isEqualTo(new Stats(0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0));
    }
}
