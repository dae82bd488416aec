package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriteFaultTest {
    private static final String YOU = CheckedKernel.YOU;

    private static CheckedKernel spawnP() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P, Programs.Q);
        k.spawn(1, "p");    // frames 0-2
        return k;
    }

    @Test
    void writeToUntouchedAnonPageZeroFillsAFrameThenStoresTheValue() {
        CheckedKernel k = spawnP();
        assertThat(k.ok("write 1 3 X")).containsExactly(new Event.Alloc(3, FrameKind.ANON, YOU),
                new Event.ZeroFill(1, 3, 3));
        PageInfo page = k.page(1, 3);
        assertThat(page.frame()).isEqualTo(3);
        assertThat(page.kind()).isEqualTo(FrameKind.ANON);
        assertThat(page.value()).isEqualTo("X");
        assertThat(page.refs()).isEqualTo(1);
        assertThat(page.writable()).isTrue();
        assertThat(page.cow()).isFalse();
        assertThat(k.stats().zeroFills()).isEqualTo(1);
        assertThat(k.used()).isEqualTo(4);
    }

    @Test
    void writeToAPrivateWritablePageOnlyChangesTheValue() {
        CheckedKernel k = spawnP();
        k.ok("write 1 3 X");
        Stats before = k.stats();
        assertThat(k.ok("write 1 3 Y")).isEmpty();
        assertThat(k.page(1, 3).value()).isEqualTo("Y");
        assertThat(k.page(1, 3).frame()).isEqualTo(3);
        assertThat(k.stats()).isEqualTo(before);
    }

    @Test
    void writeToSharedAnonPageCopiesIt() {
        CheckedKernel k = spawnP();
        k.ok("write 1 3 X");
        k.ok("fork 1");

        assertThat(k.ok("write 2 3 Y")).containsExactly(new Event.Alloc(4, FrameKind.ANON, YOU),
                new Event.CowCopy(2, 3, 3, 4, 2, FrameKind.ANON));

        PageInfo child = k.page(2, 3);
        assertThat(child.frame()).isEqualTo(4);
        assertThat(child.value()).isEqualTo("Y");
        assertThat(child.writable()).isTrue();
        assertThat(child.cow()).isFalse();
        assertThat(child.refs()).isEqualTo(1);
        PageInfo parent = k.page(1, 3);
        assertThat(parent.frame()).isEqualTo(3);
        assertThat(parent.value()).isEqualTo("X");
        assertThat(parent.refs()).isEqualTo(1);
        assertThat(parent.writable()).isFalse();
        assertThat(parent.cow()).isTrue();
        assertThat(k.stats().copies()).isEqualTo(1);
        assertThat(k.stats().framesCopied()).isEqualTo(1);
        assertThat(k.stats().reuses()).isZero();
    }

    @Test
    void writeToACowPageNobodyElseMapsAnyMoreReusesItInPlace() {
        CheckedKernel k = spawnP();
        k.ok("write 1 3 X");
        k.ok("fork 1");
        k.ok("write 2 3 Y");    // the child copied: frame 3 is the parent's alone

        assertThat(k.ok("write 1 3 Z")).containsExactly(new Event.CowReuse(1, 3, 3));
        assertThat(k.page(1, 3).writable()).isTrue();
        assertThat(k.page(1, 3).cow()).isFalse();
        assertThat(k.page(1, 3).value()).isEqualTo("Z");
        assertThat(k.stats().reuses()).isEqualTo(1);
        assertThat(k.stats().copies()).isEqualTo(1);
        assertThat(k.used()).isEqualTo(5);
    }

    @Test
    void lastSharerWritesInPlaceAfterChildExits() {
        CheckedKernel k = spawnP();
        k.ok("write 1 3 X");
        k.ok("fork 1");
        assertThat(k.ok("exit 2")).containsExactly(new Event.Exit(2));

        assertThat(k.ok("write 1 3 Y")).containsExactly(new Event.CowReuse(1, 3, 3));
        assertThat(k.stats().copies()).isZero();
        assertThat(k.used()).isEqualTo(4);
    }

    @Test
    void lastSharerWritesInPlaceAfterChildExecs() {
        CheckedKernel k = spawnP();
        k.ok("write 1 3 X");
        k.ok("fork 1");
        k.ok("exec 2 q");

        assertThat(k.ok("write 1 3 Y")).containsExactly(new Event.CowReuse(1, 3, 3));
    }

    @Test
    void privateDataPageIsCopiedOnFirstWriteEvenWhenNobodySharesIt() {
        CheckedKernel k = spawnP();
        assertThat(k.page(1, 1).refs()).isEqualTo(1);

        assertThat(k.ok("write 1 1 Z")).containsExactly(new Event.Alloc(3, FrameKind.ANON, YOU),
                new Event.CowCopy(1, 1, 1, 3, 1, FrameKind.FILE), new Event.Cached(1));

        PageInfo page = k.page(1, 1);
        assertThat(page.frame()).isEqualTo(3);
        assertThat(page.kind()).isEqualTo(FrameKind.ANON);
        assertThat(page.value()).isEqualTo("Z");
        assertThat(page.writable()).isTrue();
        assertThat(k.frame(1).kind()).isEqualTo(FrameKind.FILE);
        assertThat(k.frame(1).refs()).isZero();     // cached: kept in the page cache, not used
        assertThat(k.used()).isEqualTo(3);
        assertThat(k.kernel().cached()).isEqualTo(1);
        assertThat(k.stats().copies()).isEqualTo(1);
        assertThat(k.stats().reuses()).isZero();
    }

    @Test
    void aPrivateWriteNeverReachesTheFile() {
        CheckedKernel k = spawnP();
        k.ok("write 1 1 Z");    // data page 1 copied to frame 3, page-cache frame 1 cached

        assertThat(k.spawn(2, "p")).containsExactly(new Event.Exec(2, "p"), new Event.CacheHit(2, 1, 1));
        assertThat(k.page(2, 1).value()).isEqualTo("a");
        assertThat(k.page(2, 1).kind()).isEqualTo(FrameKind.FILE);
        assertThat(k.page(2, 0).refs()).isEqualTo(2);
        assertThat(k.page(1, 1).value()).isEqualTo("Z");
    }

    @Test
    void writeToSharedDataPageCopiesItAndLeavesThePageCacheFrame() {
        CheckedKernel k = spawnP();
        k.spawn(2, "p");

        assertThat(k.ok("write 2 2 Z")).containsExactly(new Event.Alloc(3, FrameKind.ANON, YOU),
                new Event.CowCopy(2, 2, 2, 3, 2, FrameKind.FILE));
        assertThat(k.frame(2).refs()).isEqualTo(1);
        assertThat(k.frame(2).value()).isEqualTo("b");
        assertThat(k.page(1, 2).cow()).isTrue();
    }

    @Test
    void writeToZeroMappedPageZeroFills() {
        CheckedKernel k = spawnP();
        k.ok("read 1 3");
        assertThat(k.ok("write 1 3 X")).containsExactly(new Event.Alloc(3, FrameKind.ANON, YOU),
                new Event.ZeroFill(1, 3, 3));
        assertThat(k.page(1, 3).value()).isEqualTo("X");
        assertThat(k.page(1, 3).writable()).isTrue();
        assertThat(k.stats().zeroFills()).isEqualTo(1);
        assertThat(k.stats().copies()).isZero();
    }

    @Test
    void writeToAZeroPageSharedAfterForkZeroFillsOnlyTheWriter() {
        CheckedKernel k = spawnP();
        k.ok("read 1 3");
        k.ok("fork 1");
        assertThat(k.ok("write 2 3 X")).containsExactly(new Event.Alloc(3, FrameKind.ANON, YOU),
                new Event.ZeroFill(2, 3, 3));
        assertThat(k.page(1, 3).mapping()).isEqualTo(PageInfo.Mapping.ZERO);
        assertThat(k.page(1, 3).value()).isEqualTo("0");
    }
}
