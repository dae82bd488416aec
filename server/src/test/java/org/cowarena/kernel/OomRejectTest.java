package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OomRejectTest {

    /**
     * Four frames, all used: p's three file pages, pinned by mlock so reclaim cannot take
     * them, and heap page 3. Overcommit is off so that p (5 committed pages) may fork.
     */
    private static CheckedKernel fullMachine() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(4, OomPolicy.REJECT)
                .withOvercommit(Overcommit.ALWAYS, 50), Programs.P);
        k.spawnLocked(1, "p");
        k.ok("write 1 3 X");
        assertThat(k.used()).isEqualTo(4);
        return k;
    }

    @Test
    void zeroFillWithNoFreeFrameAndNothingReclaimableIsRefusedAndChangesNothing() {
        CheckedKernel k = fullMachine();
        String reason = k.refused("write 1 4 Y");   // refused() compares the whole state
        assertThat(reason).contains("out of memory").contains("no clean page-cache page to reclaim");
        assertThat(k.page(1, 4).mapping()).isEqualTo(PageInfo.Mapping.UNMAPPED);
        assertThat(k.stats().kernelRefusals()).isEqualTo(1);
        assertThat(k.stats().oomKills()).isZero();
    }

    @Test
    void withNoFreeFrameReclaimTakesACleanFilePageBeforeAnythingIsRefused() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(4, OomPolicy.REJECT), Programs.P);
        k.spawn(1, "p");
        k.ok("write 1 3 X");            // full: 0-2 file, 3 anon
        // vpn 0 was fetched as code by the write: the data pages are colder.
        assertThat(k.ok("write 1 4 Y")).containsExactly(new Event.Reclaim(1, "p", 1, List.of(1), "global"),
                new Event.Alloc(1, FrameKind.ANON, CheckedKernel.YOU), new Event.ZeroFill(1, 4, 1));
        assertThat(k.page(1, 1).mapping()).isEqualTo(PageInfo.Mapping.GONE);
        assertThat(k.stats().reclaims()).isEqualTo(1);
    }

    @Test
    void cowCopyWithNoFreeFrameIsRefusedAndChangesNothing() {
        CheckedKernel k = fullMachine();
        k.ok("fork 1");
        assertThat(k.refused("write 2 3 Y")).contains("out of memory");
        assertThat(k.page(2, 3).frame()).isEqualTo(3);
        assertThat(k.page(2, 3).cow()).isTrue();
    }

    @Test
    void privateFilePageCopyWithNoFreeFrameIsRefusedEvenAtRefsOne() {
        CheckedKernel k = fullMachine();
        assertThat(k.page(1, 1).refs()).isEqualTo(1);
        k.refused("write 1 1 Z");
        assertThat(k.page(1, 1).kind()).isEqualTo(FrameKind.FILE);
        assertThat(k.page(1, 1).value()).isEqualTo("a");
    }

    @Test
    void cowReuseNeedsNoFrameAndSucceedsOnAFullMachine() {
        CheckedKernel k = fullMachine();
        k.ok("fork 1");
        k.ok("exit 2");
        assertThat(k.ok("write 1 3 Y")).containsExactly(new Event.CowReuse(1, 3, 3));
    }

    @Test
    void readAndForkNeedNoFrameAndSucceedOnAFullMachine() {
        CheckedKernel k = fullMachine();
        assertThat(k.ok("read 1 4")).containsExactly(new Event.ZeroMap(1, 4));
        assertThat(k.ok("fork 1")).containsExactly(new Event.Fork(1, 2));
    }
}
