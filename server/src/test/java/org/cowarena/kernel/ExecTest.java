package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExecTest {
    private static final String YOU = CheckedKernel.YOU;

    @Test
    void execMapsTextReadOnlyNotCowAndDataReadOnlyCowAndLeavesAnonymousPagesUnmapped() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        assertThat(k.spawn(1, "p")).containsExactly(new Event.Exec(1, "p"),
                new Event.Alloc(0, FrameKind.FILE, YOU, "code"), new Event.Alloc(1, FrameKind.FILE, YOU, "a"),
                new Event.Alloc(2, FrameKind.FILE, YOU, "b"));

        PageInfo text = k.page(1, 0);
        assertThat(text.segment()).isEqualTo(Segment.TEXT);
        assertThat(text.frame()).isZero();
        assertThat(text.kind()).isEqualTo(FrameKind.FILE);
        assertThat(text.value()).isEqualTo("code");
        assertThat(text.writable()).isFalse();
        assertThat(text.cow()).isFalse();

        for (int vpn = 1; vpn <= 2; vpn++) {
            PageInfo data = k.page(1, vpn);
            assertThat(data.segment()).isEqualTo(Segment.DATA);
            assertThat(data.frame()).isEqualTo(vpn);
            assertThat(data.kind()).isEqualTo(FrameKind.FILE);
            assertThat(data.writable()).isFalse();
            assertThat(data.cow()).isTrue();
            assertThat(data.refs()).isEqualTo(1);
        }
        assertThat(k.page(1, 1).value()).isEqualTo("a");
        assertThat(k.page(1, 2).value()).isEqualTo("b");

        for (int vpn = 3; vpn <= 5; vpn++) {
            assertThat(k.page(1, vpn).mapping()).isEqualTo(PageInfo.Mapping.UNMAPPED);
        }
        assertThat(k.page(1, 5).segment()).isEqualTo(Segment.STACK);
        assertThat(k.used()).isEqualTo(3);
    }

    @Test
    void execLoadsTextFirstThenDataIntoTheLowestFreeFrames() {
        ProgramImage filler = ProgramImage.of("filler", 3, List.of(), 0, 0);
        ProgramImage one = ProgramImage.of("one", 1, List.of(), 0, 0);
        ProgramImage td = new ProgramImage("td", List.of("t0", "t1"), List.of("d0", "d1"), 0, 0);
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), filler, one, td);
        k.spawn(1, "filler");   // frames 0-2
        k.spawn(2, "one");      // frame 3
        k.ok("exit 1");         // frames 0-2 stay cached, not free; 3 stays mapped
        k.ok("fork 2");         // pid 3 shares frame 3

        assertThat(k.ok("exec 3 td")).containsExactly(new Event.Exec(3, "td"),
                new Event.Alloc(4, FrameKind.FILE, YOU, "t0"), new Event.Alloc(5, FrameKind.FILE, YOU, "t1"),
                new Event.Alloc(6, FrameKind.FILE, YOU, "d0"), new Event.Alloc(7, FrameKind.FILE, YOU, "d1"));
        assertThat(k.frame(4).value()).isEqualTo("t0");
        assertThat(k.frame(5).value()).isEqualTo("t1");
        assertThat(k.frame(6).value()).isEqualTo("d0");
        assertThat(k.frame(7).value()).isEqualTo("d1");
        assertThat(k.page(3, 3).frame()).isEqualTo(7);
        // A program whose pages are all still cached starts without reading anything.
        assertThat(k.ok("exec 2 filler")).containsExactly(new Event.Exec(2, "filler"), new Event.Cached(3),
                new Event.CacheHit(2, 0, 0), new Event.CacheHit(2, 1, 1), new Event.CacheHit(2, 2, 2));
        assertThat(k.frame(3).refs()).isZero();
    }

    @Test
    void aSecondExecOfACachedProgramCostsNoFrame() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P, Programs.Q);
        k.spawn(1, "p");        // 0-2
        k.spawn(2, "q");        // 3-4
        int peak = k.kernel().peak();

        assertThat(k.ok("exec 2 p")).containsExactly(new Event.Exec(2, "p"),
                new Event.Cached(3), new Event.Cached(4));
        assertThat(k.used()).isEqualTo(3);
        assertThat(k.kernel().cached()).isEqualTo(2);
        assertThat(k.kernel().peak()).isEqualTo(peak);
        for (int vpn = 0; vpn <= 2; vpn++) {
            assertThat(k.page(2, vpn).frame()).isEqualTo(k.page(1, vpn).frame());
            assertThat(k.page(2, vpn).refs()).isEqualTo(2);
        }
        assertThat(k.page(2, 1).cow()).isTrue();
        assertThat(k.page(2, 0).cow()).isFalse();
    }

    @Test
    void execUnmapsEverythingAndFreesOnlyFramesWhoseRefsDropToZero() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P, Programs.Q);
        k.spawn(1, "p");            // 0-2
        k.ok("write 1 3 X");        // 3
        k.ok("read 1 4");           // zero page
        k.ok("fork 1");             // pid 2 shares 0-3

        assertThat(k.ok("exec 2 q")).containsExactly(new Event.Exec(2, "q"),
                new Event.Alloc(4, FrameKind.FILE, YOU, "q0"), new Event.Alloc(5, FrameKind.FILE, YOU, "q1"));
        for (int f = 0; f <= 3; f++) {
            assertThat(k.frame(f).refs()).isEqualTo(1);
        }

        assertThat(k.ok("exec 1 q")).containsExactly(new Event.Exec(1, "q"),
                new Event.Cached(0), new Event.Cached(1), new Event.Cached(2), new Event.Free(3, FrameKind.ANON));
        assertThat(k.frame(4).refs()).isEqualTo(2);
        assertThat(k.process(1).program()).isEqualTo("q");
        assertThat(k.kernel().pageTable(1)).hasSize(3);
        assertThat(k.page(1, 2).mapping()).isEqualTo(PageInfo.Mapping.UNMAPPED);
        assertThat(k.used()).isEqualTo(2);
    }

    @Test
    void execOnAFullMachineReclaimsThePagesItsOwnUnmapLeftCached() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(3, OomPolicy.REJECT), Programs.P, Programs.R);
        k.spawn(1, "p");            // all 3 frames
        assertThat(k.ok("exec 1 r")).containsExactly(new Event.Exec(1, "r"),
                new Event.Cached(0), new Event.Cached(1), new Event.Cached(2),
                // The exec's own code fetch stamped frame 0 last: the data pages go first.
                new Event.Reclaim(1, "p", 1, List.of(), "global"), new Event.Alloc(1, FrameKind.FILE, YOU, "r0"),
                new Event.Reclaim(2, "p", 2, List.of(), "global"), new Event.Alloc(2, FrameKind.FILE, YOU, "r1"),
                new Event.Reclaim(0, "p", 0, List.of(), "global"), new Event.Alloc(0, FrameKind.FILE, YOU, "r2"));
        assertThat(k.frame(0).value()).isEqualTo("r2");
    }

    @Test
    void execThatWouldNotFitEvenAfterReclaimIsRefusedAndChangesNothing() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(4, OomPolicy.REJECT)
                .withOvercommit(Overcommit.ALWAYS, 50), Programs.P, Programs.R);
        k.spawnLocked(1, "p");      // 0-2, pinned by mlock
        k.ok("write 1 3 X");        // 3: memory full
        k.ok("fork 1");             // pid 2's unmap frees nothing: pid 1 still maps it all

        String reason = k.refused("exec 2 r");
        assertThat(reason).contains("out of memory");
        assertThat(k.process(2).program()).isEqualTo("p");
        assertThat(k.frame(0).refs()).isEqualTo(2);
    }

    @Test
    void execOfAnUnknownProgramIsRefused() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(4, OomPolicy.REJECT), Programs.P);
        k.spawn(1, "p");
        assertThat(k.refused("exec 1 nosuch")).contains("unknown program");
    }
}
