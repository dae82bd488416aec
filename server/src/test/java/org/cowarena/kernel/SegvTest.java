package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegvTest {

    @Test
    void writeToTextIsASegvAndNothingChanges() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        k.spawn(1, "p");
        k.ok("write 1 3 X");
        k.ok("fork 1");
        String tables = k.kernel().pageTable(1) + " " + k.kernel().pageTable(2);
        String frames = k.frame(0) + " " + k.frame(3);

        assertThat(k.ok("write 1 0 X")).containsExactly(new Event.Segv(1, 0, "text", false));

        assertThat(k.kernel().pageTable(1) + " " + k.kernel().pageTable(2)).isEqualTo(tables);
        assertThat(k.frame(0) + " " + k.frame(3)).isEqualTo(frames);
        assertThat(k.frame(0).value()).isEqualTo("code");
        assertThat(k.state(1)).isEqualTo(TaskState.RUNNING);
        assertThat(k.stats().segv()).isEqualTo(1);
        assertThat(k.stats().kernelRefusals()).isZero();
        assertThat(k.stats().copies()).isZero();
    }

    @Test
    void withSegvKillRuleASegvKillsTheProcess() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT).withSegvKills(true), Programs.P);
        k.spawn(1, "p");
        k.ok("write 1 3 X");

        assertThat(k.ok("write 1 0 Y")).containsExactly(new Event.Segv(1, 0, "text", true),
                new Event.Cached(0), new Event.Cached(1), new Event.Cached(2), new Event.Free(3, FrameKind.ANON));

        assertThat(k.state(1)).isEqualTo(TaskState.KILLED);
        assertThat(k.used()).isZero();
        assertThat(k.kernel().pageTable(1)).isEmpty();
        assertThat(k.stats().segv()).isEqualTo(1);
        assertThat(k.refused("write 1 3 Z")).contains("killed");
    }
}
