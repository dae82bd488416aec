package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameAllocationTest {
    private static final String YOU = CheckedKernel.YOU;

    @Test
    void allocationTakesTheLowestFreeFrame() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P, Programs.Q);
        k.spawn(1, "q");                        // frames 0, 1
        k.spawn(2, "p");                        // frames 2, 3, 4
        assertThat(k.ok("exit 1")).containsExactly(new Event.Exit(1),
                new Event.Free(0, FrameKind.FILE), new Event.Free(1, FrameKind.FILE));

        assertThat(k.ok("write 2 3 X")).containsExactly(new Event.Alloc(0, FrameKind.ANON, YOU),
                new Event.ZeroFill(2, 3, 0));
        assertThat(k.ok("write 2 4 Y")).containsExactly(new Event.Alloc(1, FrameKind.ANON, YOU),
                new Event.ZeroFill(2, 4, 1));
        assertThat(k.ok("write 2 5 Z")).containsExactly(new Event.Alloc(5, FrameKind.ANON, YOU),
                new Event.ZeroFill(2, 5, 5));
        assertThat(k.used()).isEqualTo(6);
        assertThat(k.frame(6).free()).isTrue();
    }

    @Test
    void theZeroPageIsNotOneOfTheFrames() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(3, OomPolicy.REJECT), Programs.P);
        k.spawn(1, "p");
        k.ok("read 1 3");
        k.ok("read 1 4");
        k.ok("read 1 5");
        assertThat(k.used()).isEqualTo(3);
        assertThat(k.process(1).rss()).isEqualTo(3);
        for (int f = 0; f < 3; f++) {
            assertThat(k.frame(f).kind()).isEqualTo(FrameKind.FILE);
        }
    }
}
