package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForkTest {

    private static CheckedKernel parentWithAnonAndZeroPages() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P, Programs.Q);
        k.spawn(1, "p");        // 0-2
        k.ok("write 1 3 X");    // 3, private writable
        k.ok("read 1 4");       // zero page
        return k;
    }

    @Test
    void forkAllocatesNothingAndBumpsTheRefsOfEveryMappedFrame() {
        CheckedKernel k = parentWithAnonAndZeroPages();
        int peak = k.kernel().peak();

        assertThat(k.ok("fork 1")).containsExactly(new Event.Fork(1, 2));

        assertThat(k.used()).isEqualTo(4);
        assertThat(k.kernel().peak()).isEqualTo(peak);
        for (int f = 0; f <= 3; f++) {
            assertThat(k.frame(f).refs()).as("refs of frame %d", f).isEqualTo(2);
        }
        for (int vpn = 0; vpn <= 5; vpn++) {
            PageInfo parent = k.page(1, vpn);
            PageInfo child = k.page(2, vpn);
            assertThat(child.mapping()).isEqualTo(parent.mapping());
            assertThat(child.frame()).isEqualTo(parent.frame());
            assertThat(child.value()).isEqualTo(parent.value());
        }
        assertThat(k.page(2, 4).mapping()).isEqualTo(PageInfo.Mapping.ZERO);
        assertThat(k.stats().copies()).isZero();
    }

    @Test
    void forkMakesPrivateWritablePagesReadOnlyCowInBothAndLeavesTextAlone() {
        CheckedKernel k = parentWithAnonAndZeroPages();
        assertThat(k.page(1, 3).writable()).isTrue();

        k.ok("fork 1");

        for (int pid = 1; pid <= 2; pid++) {
            PageInfo heap = k.page(pid, 3);
            assertThat(heap.writable()).isFalse();
            assertThat(heap.cow()).isTrue();
            PageInfo text = k.page(pid, 0);
            assertThat(text.writable()).isFalse();
            assertThat(text.cow()).isFalse();
            PageInfo data = k.page(pid, 1);
            assertThat(data.writable()).isFalse();
            assertThat(data.cow()).isTrue();
        }
    }

    @Test
    void forkChildGetsTheHighestPidEverUsedPlusOne() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P, Programs.Q);
        k.spawn(1, "p");
        k.spawn(7, "q");
        assertThat(k.ok("fork 1")).containsExactly(new Event.Fork(1, 8));
        k.ok("exit 8");
        assertThat(k.ok("fork 7")).containsExactly(new Event.Fork(7, 9));
        assertThat(k.kernel().highestPid()).isEqualTo(9);
    }

    @Test
    void forkChildInheritsOwnerOomScoreAdjAndProgram() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        k.spawn(1, "p", "alice", 300);
        k.ok("fork 1");
        ProcessInfo child = k.process(2);
        assertThat(child.ppid()).isEqualTo(1);
        assertThat(child.owner()).isEqualTo("alice");
        assertThat(child.oomScoreAdj()).isEqualTo(300);
        assertThat(child.program()).isEqualTo("p");
        assertThat(child.state()).isEqualTo(TaskState.RUNNING);
        assertThat(child.inVfork()).isFalse();
    }
}
