package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cowarena.move.Advice;
import org.junit.jupiter.api.Test;

/** Program t: vpn 0 text, 1-6 heap; with 4-page huge pages the heap is group 1-4 and a short 5-6. */
class HugePageTest {
    private static final String YOU = CheckedKernel.YOU;

    private static CheckedKernel machine(int frames, ThpCow cow) {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(frames, OomPolicy.REJECT).withHugePages(4, cow),
                Programs.T);
        k.spawn(1, "t");    // frame 0
        return k;
    }

    private static Event.Alloc anon(int frame) {
        return new Event.Alloc(frame, FrameKind.ANON, YOU);
    }

    @Test
    void firstWriteToAnUntouchedFullHeapGroupAllocatesAllItsFramesWithOneZeroFill() {
        CheckedKernel k = machine(16, ThpCow.SPLIT);

        assertThat(k.ok("write 1 2 X")).containsExactly(anon(1), anon(2), anon(3), anon(4),
                new Event.HugeZeroFill(1, 2, 1, List.of(1, 2, 3, 4)));

        for (int vpn = 1; vpn <= 4; vpn++) {
            PageInfo page = k.page(1, vpn);
            assertThat(page.huge()).isTrue();
            assertThat(page.writable()).isTrue();
            assertThat(page.frame()).isEqualTo(vpn);
            assertThat(page.value()).isEqualTo(vpn == 2 ? "X" : "0");
        }
        assertThat(k.stats().zeroFills()).isEqualTo(1);
        assertThat(k.used()).isEqualTo(5);
        assertThat(k.ok("write 1 4 Y")).isEmpty();
    }

    @Test
    void aShorterLastGroupStaysSmallPages() {
        CheckedKernel k = machine(16, ThpCow.SPLIT);
        assertThat(k.ok("write 1 6 X")).containsExactly(anon(1), new Event.ZeroFill(1, 6, 1));
        assertThat(k.page(1, 6).huge()).isFalse();
        assertThat(k.page(1, 5).mapping()).isEqualTo(PageInfo.Mapping.UNMAPPED);
    }

    @Test
    void withFewerThanNFreeFramesTheFaultFallsBackToOneSmallPage() {
        CheckedKernel k = machine(4, ThpCow.SPLIT);     // 3 free frames, a huge page needs 4
        assertThat(k.ok("write 1 2 X")).containsExactly(anon(1), new Event.ZeroFill(1, 2, 1));
        assertThat(k.page(1, 2).huge()).isFalse();
        assertThat(k.page(1, 1).mapping()).isEqualTo(PageInfo.Mapping.UNMAPPED);
    }

    @Test
    void nohugepageKeepsTheGroupSmall() {
        CheckedKernel k = machine(16, ThpCow.SPLIT);
        k.ok("madvise 1 1-4 nohugepage");
        assertThat(k.ok("write 1 2 X")).containsExactly(anon(1), new Event.ZeroFill(1, 2, 1));
        k.ok("madvise 1 1-4 hugepage");
        assertThat(k.ok("write 1 5 X")).containsExactly(anon(2), new Event.ZeroFill(1, 5, 2));
    }

    private static CheckedKernel hugePageSharedAfterFork(ThpCow cow, int frames) {
        CheckedKernel k = machine(frames, cow);
        k.ok("write 1 2 X");    // huge page in frames 1-4
        k.ok("fork 1");
        for (int vpn = 1; vpn <= 4; vpn++) {
            assertThat(k.page(2, vpn).huge()).isTrue();
            assertThat(k.page(2, vpn).cow()).isTrue();
            assertThat(k.page(1, vpn).cow()).isTrue();
        }
        return k;
    }

    @Test
    void withCopyHugeACowFaultCopiesAllNFramesOfASharedHugePage() {
        CheckedKernel k = hugePageSharedAfterFork(ThpCow.COPY_HUGE, 16);

        assertThat(k.ok("write 2 3 Y")).containsExactly(anon(5), anon(6), anon(7), anon(8),
                new Event.HugeCowCopy(2, 3, 1, List.of(1, 2, 3, 4), List.of(5, 6, 7, 8)));

        assertThat(k.stats().copies()).isEqualTo(1);
        assertThat(k.stats().framesCopied()).isEqualTo(4);
        for (int vpn = 1; vpn <= 4; vpn++) {
            PageInfo child = k.page(2, vpn);
            assertThat(child.frame()).isEqualTo(vpn + 4);
            assertThat(child.writable()).isTrue();
            assertThat(child.huge()).isTrue();
            assertThat(k.page(1, vpn).refs()).isEqualTo(1);
        }
        assertThat(k.page(2, 3).value()).isEqualTo("Y");
        assertThat(k.page(2, 2).value()).isEqualTo("X");
        assertThat(k.page(1, 3).value()).isEqualTo("0");

        // the parent's huge page is now exclusive: reused whole, in place
        assertThat(k.ok("write 1 1 Z")).containsExactly(new Event.HugeCowReuse(1, 1, 1, List.of(1, 2, 3, 4)));
        assertThat(k.stats().reuses()).isEqualTo(1);
        for (int vpn = 1; vpn <= 4; vpn++) {
            assertThat(k.page(1, vpn).writable()).isTrue();
        }
    }

    @Test
    void withSplitACowFaultSplitsTheHugePageAndCopiesOnePage() {
        CheckedKernel k = hugePageSharedAfterFork(ThpCow.SPLIT, 16);

        assertThat(k.ok("write 2 3 Y")).containsExactly(new Event.Split(2, 1, 4, Event.Split.COW), anon(5),
                new Event.CowCopy(2, 3, 3, 5, 2, FrameKind.ANON));

        assertThat(k.stats().copies()).isEqualTo(1);
        assertThat(k.stats().framesCopied()).isEqualTo(1);
        for (int vpn = 1; vpn <= 4; vpn++) {
            assertThat(k.page(2, vpn).huge()).isFalse();
            assertThat(k.page(1, vpn).huge()).isTrue();
        }
        assertThat(k.page(2, 3).frame()).isEqualTo(5);
        assertThat(k.page(2, 2).frame()).isEqualTo(2);
        assertThat(k.page(2, 2).cow()).isTrue();

        // the parent's group is no longer wholly exclusive, but page 3 is: split, then reuse
        assertThat(k.ok("write 1 3 Z")).containsExactly(new Event.Split(1, 1, 4, Event.Split.COW), new Event.CowReuse(1, 3, 3));
    }

    @Test
    void anExclusiveHugePageIsReusedWholeAfterTheChildExits() {
        CheckedKernel k = hugePageSharedAfterFork(ThpCow.SPLIT, 16);
        k.ok("exit 2");
        assertThat(k.ok("write 1 4 Z")).containsExactly(new Event.HugeCowReuse(1, 4, 1, List.of(1, 2, 3, 4)));
        assertThat(k.stats().copies()).isZero();
    }

    @Test
    void copyHugeShortOfFramesFallsBackToSplittingAndCopyingOnePage() {
        // Linux never calls the OOM killer for a huge page: it falls back to small pages.
        CheckedKernel k = hugePageSharedAfterFork(ThpCow.COPY_HUGE, 6);    // 1 frame free
        assertThat(k.ok("write 2 3 Y")).containsExactly(new Event.Split(2, 1, 4, Event.Split.COW), anon(5),
                new Event.CowCopy(2, 3, 3, 5, 2, FrameKind.ANON));
        assertThat(k.stats().framesCopied()).isEqualTo(1);
    }

    @Test
    void madviseThatCutsThroughAHugePageSplitsIt() {
        CheckedKernel k = machine(16, ThpCow.SPLIT);
        k.ok("write 1 2 X");
        assertThat(k.ok("madvise 1 3-6 dontfork")).containsExactly(new Event.Split(1, 1, 4, Event.Split.MADVISE),
                new Event.Madvise(1, 3, 6, Advice.DONTFORK));
        assertThat(k.page(1, 1).huge()).isFalse();
    }

    @Test
    void madviseCoveringWholeHugePagesDoesNotSplitThem() {
        CheckedKernel k = machine(16, ThpCow.SPLIT);
        k.ok("write 1 2 X");
        assertThat(k.ok("madvise 1 1-4 dontfork")).containsExactly(
                new Event.Madvise(1, 1, 4, Advice.DONTFORK));
        assertThat(k.page(1, 1).huge()).isTrue();
        k.ok("fork 1");
        assertThat(k.page(2, 2).mapping()).isEqualTo(PageInfo.Mapping.ABSENT);
        assertThat(k.page(1, 2).writable()).isTrue();
        assertThat(k.page(1, 2).huge()).isTrue();
    }

    @Test
    void aChildsWriteInAHugeGroupPartlyLeftOutByDontforkIsAnOrdinaryFault() {
        CheckedKernel k = machine(16, ThpCow.SPLIT);
        k.ok("madvise 1 1 dontfork");
        k.ok("write 1 2 X");
        k.ok("fork 1");
        assertThat(k.page(2, 1).mapping()).isEqualTo(PageInfo.Mapping.ABSENT);
        int shared = k.page(2, 2).frame();
        int lowestFree = k.used();     // nothing was ever freed: frames are used from 0 up
        assertThat(k.ok("write 2 2 Y")).contains(new Event.CowCopy(2, 2, shared, lowestFree, 2, FrameKind.ANON));
        assertThat(k.page(1, 2).value()).isEqualTo("X");
        assertThat(k.page(2, 2).value()).isEqualTo("Y");
    }

    @Test
    void aHugePageNeverSpansPagesWithDifferentForkAdvice() {
        // madvise splits a VMA; a huge page cannot straddle two VMAs (transhuge_vma_suitable)
        CheckedKernel k = machine(16, ThpCow.SPLIT);
        k.ok("madvise 1 1 dontfork");
        assertThat(k.ok("write 1 2 X")).containsExactly(anon(1), new Event.ZeroFill(1, 2, 1));
        k.ok("fork 1");
        assertThat(k.ok("write 2 2 Y")).containsExactly(anon(2), new Event.CowCopy(2, 2, 1, 2, 2, FrameKind.ANON));
    }

    @Test
    void aHugePageNeverSpansPagesWithDifferentWipeAdvice() {
        CheckedKernel k = machine(16, ThpCow.SPLIT);
        k.ok("madvise 1 4 wipeonfork");
        assertThat(k.ok("write 1 2 X")).containsExactly(anon(1), new Event.ZeroFill(1, 2, 1));
        k.ok("write 1 4 W");
        k.ok("fork 1");
        assertThat(k.page(2, 4).mapping()).isEqualTo(PageInfo.Mapping.UNMAPPED);
        k.ok("write 2 2 Y");
    }

    @Test
    void doforkOnPartOfADontforkHugePageSplitsItSoTheChildNeverSeesHalfAHugePage() {
        CheckedKernel k = machine(16, ThpCow.SPLIT);
        k.ok("write 1 2 X");
        k.ok("madvise 1 1-4 dontfork");
        assertThat(k.ok("madvise 1 1 dofork")).containsExactly(new Event.Split(1, 1, 4, Event.Split.MADVISE),
                new Event.Madvise(1, 1, 1, Advice.DOFORK));
        k.ok("fork 1");
        assertThat(k.page(2, 1).huge()).isFalse();
        assertThat(k.page(2, 2).mapping()).isEqualTo(PageInfo.Mapping.ABSENT);
        assertThat(k.ok("write 2 1 Y")).containsExactly(anon(5), new Event.CowCopy(2, 1, 1, 5, 2, FrameKind.ANON));
    }
}
