package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitTest {

    @Test
    void exitFreesOnlyFramesWhoseRefsDropToZero() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        k.spawn(1, "p");        // 0-2
        k.ok("write 1 3 X");    // 3
        k.ok("fork 1");
        k.ok("write 2 4 Y");    // 4, the child's own

        assertThat(k.ok("exit 2")).containsExactly(new Event.Exit(2), new Event.Free(4, FrameKind.ANON));

        for (int f = 0; f <= 3; f++) {
            assertThat(k.frame(f).refs()).isEqualTo(1);
        }
        assertThat(k.frame(4).free()).isTrue();
        assertThat(k.state(2)).isEqualTo(TaskState.EXITED);
        assertThat(k.kernel().pageTable(2)).isEmpty();
        assertThat(k.process(2).rss()).isZero();
        assertThat(k.used()).isEqualTo(4);
    }

    @Test
    void anExitedParentsChildrenKeepRunning() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        k.spawn(1, "p");
        k.ok("write 1 3 X");
        k.ok("fork 1");
        assertThat(k.ok("exit 1")).containsExactly(new Event.Exit(1));
        assertThat(k.state(2)).isEqualTo(TaskState.RUNNING);
        assertThat(k.ok("write 2 3 Y")).containsExactly(new Event.CowReuse(2, 3, 3));
        k.ok("fork 2");
    }

    @Test
    void exitOfTheLastProcessFreesItsAnonymousFramesAndLeavesItsFilePagesCached() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        k.spawn(1, "p");            // file frames 0-2
        k.ok("write 1 1 D");        // anon frame 3; file frame 1 is cached at once
        k.ok("read 1 4");
        k.ok("exit 1");
        assertThat(k.used()).isZero();
        assertThat(k.kernel().cached()).isEqualTo(3);
        for (int f = 0; f < 3; f++) {
            assertThat(k.frame(f).kind()).isEqualTo(FrameKind.FILE);
            assertThat(k.frame(f).refs()).isZero();
        }
        for (int f = 3; f < 8; f++) {
            assertThat(k.frame(f).free()).isTrue();
        }
    }
}
