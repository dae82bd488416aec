package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MAP_SHARED | MAP_ANONYMOUS memory: one frame for everyone attached, never copied. */
class SharedMemoryTest {
    private static final String YOU = CheckedKernel.YOU;
    /** vpn 0 text; 1 heap; 2-3 shared. */
    private static final ProgramImage S = new ProgramImage("s", List.of("code"), List.of(), 1, 0, 2);
    private static final ProgramImage T = new ProgramImage("t", List.of("t0"), List.of(), 0, 0);

    private static CheckedKernel machine() {
        return new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), S, T);
    }

    @Test
    void mapSharedWritesAreSeenByParentAndChildWithNoCopy() {
        CheckedKernel k = machine();
        k.spawn(1, "s");                                    // code in 0
        assertThat(k.ok("write 1 2 a")).containsExactly(new Event.Alloc(1, FrameKind.SHM, YOU),
                new Event.ShmFill(1, 2, 1), new Event.SharedWrite(1, 2, 1, "a"));
        k.ok("fork 1");
        PageInfo child = k.page(2, 2);
        assertThat(child.frame()).isEqualTo(1);
        assertThat(child.writable()).as("a shared mapping is never write-protected").isTrue();
        assertThat(child.cow()).isFalse();

        assertThat(k.ok("write 2 2 b")).containsExactly(new Event.SharedWrite(2, 2, 1, "b"));
        assertThat(k.page(1, 2).value()).isEqualTo("b");
        assertThat(k.stats().copies()).isZero();
        assertThat(k.used()).isEqualTo(2);
    }

    @Test
    void aPageOneProcessFilledIsMappedByTheOtherWithoutAnAllocation() {
        CheckedKernel k = machine();
        k.spawn(1, "s");
        k.ok("fork 1");
        assertThat(k.ok("read 2 3")).containsExactly(new Event.Alloc(1, FrameKind.SHM, YOU), new Event.ShmFill(2, 3, 1));
        assertThat(k.ok("read 1 3")).containsExactly(new Event.ShmMap(1, 3, 1));
        assertThat(k.frame(1).refs()).isEqualTo(2);
        assertThat(k.stats().zeroFills()).as("a shm fill is not a zero fill").isZero();
    }

    @Test
    void theObjectsFramesAreFreedWhenTheLastProcessDetaches() {
        CheckedKernel k = machine();
        k.spawn(1, "s");
        k.ok("write 1 2 a");                                // shm frame 1
        k.ok("fork 1");
        assertThat(k.ok("exec 1 t")).doesNotContain(new Event.Free(1, FrameKind.SHM));
        assertThat(k.frame(1).kind()).isEqualTo(FrameKind.SHM);
        assertThat(k.kernel().committed()).as("s's heap 1 + its object's 2, and t nothing").isEqualTo(3);
        assertThat(k.ok("exit 2")).contains(new Event.Free(1, FrameKind.SHM));
        assertThat(k.kernel().committed()).isZero();
    }

    @Test
    void anUnmappedShmFrameStillCountsAsUsedWhileItsObjectLives() {
        CheckedKernel k = machine();
        k.spawn(1, "s");
        k.ok("fork 1");
        k.ok("write 2 2 a");                                // filled by the child
        k.ok("madvise 1 2-3 dontfork");
        k.ok("exit 2");                                     // pid 1 never mapped it, yet is attached
        assertThat(k.frame(1).kind()).isEqualTo(FrameKind.SHM);
        assertThat(k.frame(1).refs()).isZero();
        assertThat(k.used()).isEqualTo(2);
        assertThat(k.ok("read 1 2")).containsExactly(new Event.ShmMap(1, 2, 1));
        assertThat(k.page(1, 2).value()).isEqualTo("a");
    }

    @Test
    void dontforkKeepsAChildOutOfTheSharedPagesAndWipeonforkIsRefusedThere() {
        CheckedKernel k = machine();
        k.spawn(1, "s");
        k.ok("write 1 2 a");
        k.ok("madvise 1 2-3 dontfork");
        k.ok("fork 1");
        assertThat(k.page(2, 2).mapping()).isEqualTo(PageInfo.Mapping.ABSENT);
        assertThat(k.ok("read 2 2")).containsExactly(new Event.Segv(2, 2, "dontfork", false));
        assertThat(k.refused("madvise 1 2 wipeonfork")).contains("private anonymous memory only");
    }

    @Test
    void keeponforkIsAcceptedOnAnyMappingTextIncludedAndOnlyClearsWipeonfork() {
        CheckedKernel k = machine();
        k.spawn(1, "s");
        assertThat(k.ok("madvise 1 0 keeponfork")).containsExactly(new Event.Madvise(1, 0, 0,
                org.cowarena.move.Advice.KEEPONFORK));
        k.ok("madvise 1 2 keeponfork");
        k.ok("madvise 1 1 wipeonfork");
        k.ok("madvise 1 1 keeponfork");
        assertThat(k.page(1, 1).wipeonfork()).isFalse();
    }

    @Test
    void smapsCountsSharedMemoryInRssButNotAsAnonymousAndAWrittenShmFrameIsDirty() {
        CheckedKernel k = machine();
        k.spawn(1, "s");
        k.ok("read 1 3");                                   // a clean shm page
        k.ok("write 1 2 a");                                // a dirty one
        k.ok("fork 1");
        Smaps parent = k.process(1).smaps();
        assertThat(parent.rss()).isEqualTo(3);
        assertThat(parent.anonymous()).isZero();
        assertThat(parent.sharedDirty()).isEqualTo(1);
        assertThat(parent.sharedClean()).as("the code and the unwritten shm page").isEqualTo(2);
    }
}
