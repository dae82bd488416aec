package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameAllocationTest {
    private static final String YOU = CheckedKernel.YOU;

    @Test
    void allocationTakesTheLowestFreeFrameAndACachedFrameIsNotFree() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P, Programs.Q);
        k.spawn(1, "q");                        // frames 0, 1
        k.spawn(2, "p");                        // frames 2, 3, 4
        k.ok("write 2 3 X");                    // frame 5
        assertThat(k.ok("exit 1")).containsExactly(new Event.Exit(1), new Event.Cached(0), new Event.Cached(1));
        assertThat(k.kernel().cached()).isEqualTo(2);

        assertThat(k.ok("write 2 4 Y")).containsExactly(new Event.Alloc(6, FrameKind.ANON, YOU),
                new Event.ZeroFill(2, 4, 6));
        assertThat(k.ok("exit 2")).contains(new Event.Free(5, FrameKind.ANON));
        assertThat(k.spawn(3, "p")).containsExactly(new Event.Exec(3, "p"), new Event.CacheHit(3, 0, 2),
                new Event.CacheHit(3, 1, 3), new Event.CacheHit(3, 2, 4));
        assertThat(k.ok("write 3 3 Z")).containsExactly(new Event.Alloc(5, FrameKind.ANON, YOU),
                new Event.ZeroFill(3, 3, 5));
        assertThat(k.used()).isEqualTo(4);
        assertThat(k.frame(0).kind()).isEqualTo(FrameKind.FILE);
        assertThat(k.frame(7).free()).isTrue();
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
