package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reclaim before the OOM killer, major faults, the code fetch and mlock. */
class ReclaimTest {
    private static final String YOU = CheckedKernel.YOU;
    /** vpn 0 text "a0"; 1 heap. */
    private static final ProgramImage A = new ProgramImage("a", List.of("a0"), List.of(), 1, 0);
    /** vpn 0 text "b0"; 1 heap. */
    private static final ProgramImage B = new ProgramImage("b", List.of("b0"), List.of(), 1, 0);
    /** vpn 0 text "c0". */
    private static final ProgramImage C = new ProgramImage("c", List.of("c0"), List.of(), 0, 0);

    @Test
    void reclaimPicksTheCachedFrameUnusedLongestNotTheLowestNumbered() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(4, OomPolicy.KILL), A, B, C);
        k.spawn(1, "a");                // 0
        k.spawn(2, "b");                // 1
        k.spawn(3, "c");                // 2
        k.ok("exit 3");                 // c0 cached: its code fetch stamped it at operation 1
        k.ok("exit 2");                 // b0 cached, stamped at operation 2: warmer
        k.ok("write 1 1 x");            // 3: the last free frame
        k.ok("fork 1");
        assertThat(k.kernel().cached()).isEqualTo(2);
        assertThat(k.ok("write 4 1 y")).containsExactly(new Event.Reclaim(2, "c", 0, List.of(), "global"),
                new Event.Alloc(2, FrameKind.ANON, YOU), new Event.CowCopy(4, 1, 3, 2, 2, FrameKind.ANON));
        assertThat(k.stats().reclaims()).isEqualTo(1);
        assertThat(k.frame(1).kind()).as("b0 stays cached").isEqualTo(FrameKind.FILE);
    }

    @Test
    void aCachedFrameIsReclaimedBeforeAMappedOneAndAMappedOneIsUnmappedFromEveryProcess() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(3, OomPolicy.KILL), A, C);
        k.spawn(1, "a");                // 0
        k.ok("fork 1");                 // pid 2 shares a0
        k.spawn(3, "c");                // 1
        k.ok("exit 3");                 // c0 cached
        k.ok("write 1 1 x");            // 2: the last free frame
        assertThat(k.ok("write 2 1 y")).containsExactly(new Event.Reclaim(1, "c", 0, List.of(), "global"),
                new Event.Alloc(1, FrameKind.ANON, YOU), new Event.ZeroFill(2, 1, 1));
        // Nothing is cached now: the next allocation takes a mapped clean page, a0, from both.
        k.ok("exit 2");                 // frees frame 1
        k.ok("fork 1");                 // pid 4
        assertThat(k.ok("write 4 1 z")).noneMatch(e -> e instanceof Event.Reclaim)
                .contains(new Event.CowCopy(4, 1, 2, 1, 2, FrameKind.ANON));
        k.ok("fork 1");                 // pid 5 (pid 4 wrote its own copy)
        assertThat(k.ok("write 5 1 w")).startsWith(new Event.Reclaim(0, "a", 0, List.of(1, 4, 5), "global"));
        for (int pid : List.of(1, 4, 5)) {
            assertThat(k.page(pid, 0).mapping()).isEqualTo(PageInfo.Mapping.GONE);
        }
        assertThat(k.kernel().invariantViolations()).isEmpty();
    }

    @Test
    void aReclaimedTextPageComesBackByMajorFaultAtTheNextMoveOfItsProcess() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(2, OomPolicy.KILL), A, C);
        k.spawn(1, "a");                // 0
        k.spawn(2, "c");                // 1: full
        k.ok("write 1 1 x");            // reclaim takes c0 from pid 2 (pid 1 just fetched a0)
        assertThat(k.page(2, 0).mapping()).isEqualTo(PageInfo.Mapping.GONE);

        // pid 2's next move reads its code back first: a major fault, which reclaims a0.
        List<Event> events = k.ok("read 2 0");
        assertThat(events).containsExactly(new Event.Reclaim(0, "a", 0, List.of(1), "global"),
                new Event.Alloc(0, FrameKind.FILE, YOU, "c0"), new Event.MajorFault(2, 0, 0));
        assertThat(k.stats().majorFaults()).isEqualTo(1);
        assertThat(k.page(2, 0).value()).isEqualTo("c0");
        // A move of pid 1 now starts the same way.
        assertThat(k.ok("pass")).isEmpty();
        assertThat(k.ok("write 1 1 y")).contains(new Event.MajorFault(1, 0, 0));
    }

    @Test
    void aWriteToAReclaimedDataPageReadsItBackThenCopiesIt() {
        ProgramImage d = new ProgramImage("d", List.of(), List.of("cfg"), 1, 0);
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(3, OomPolicy.KILL), d, C);
        k.spawn(1, "d");                // 0: cfg
        k.ok("write 1 1 x");            // 1
        k.spawn(3, "c");                // 2: full
        k.ok("fork 1");                 // pid 4
        // cfg and c0 tie (neither used since the start): the lower frame goes, from pids 1 and 4
        assertThat(k.ok("write 4 1 y")).startsWith(new Event.Reclaim(0, "d", 0, List.of(1, 4), "global"));
        assertThat(k.page(1, 0).mapping()).isEqualTo(PageInfo.Mapping.GONE);
        assertThat(k.page(1, 0).cow()).as("a gone data page keeps its COW mark").isTrue();
        k.ok("exit 4");                 // frees y
        k.ok("exit 3");                 // c0 cached
        assertThat(k.ok("write 1 0 mine")).containsExactly(new Event.Alloc(0, FrameKind.FILE, YOU, "cfg"),
                new Event.MajorFault(1, 0, 0), new Event.Reclaim(2, "c", 0, List.of(), "global"),
                new Event.Alloc(2, FrameKind.ANON, YOU), new Event.CowCopy(1, 0, 0, 2, 1, FrameKind.FILE),
                new Event.Cached(0));
        assertThat(k.page(1, 0).value()).isEqualTo("mine");
        assertThat(k.page(1, 0).kind()).isEqualTo(FrameKind.ANON);
    }

    @Test
    void aWriteToAReclaimedTextPageIsAPlainSegvWithNothingReadBack() {
        ProgramImage two = new ProgramImage("two", List.of("t0", "t1"), List.of(), 0, 0);
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(3, OomPolicy.KILL), two, A);
        k.spawn(1, "two");              // 0, 1
        k.spawn(2, "a");                // 2: full
        k.ok("read 1 0");               // t0 is used: t1 is now the coldest
        k.ok("write 2 1 x");            // reclaim takes t1
        assertThat(k.page(1, 1).mapping()).isEqualTo(PageInfo.Mapping.GONE);
        assertThat(k.ok("write 1 1 z")).containsExactly(new Event.Segv(1, 1, "text", false));
        assertThat(k.stats().majorFaults()).isZero();
    }

    @Test
    void mlockMakesTheOomKillerRunInsteadOfReclaim() {
        CheckedKernel free = new CheckedKernel(MemoryConfig.of(3, OomPolicy.KILL), A, C);
        free.spawn(1, "a");             // 0
        free.spawn(2, "c");             // 1
        free.ok("write 1 1 x");         // 2: full
        free.ok("fork 1");
        assertThat(free.ok("write 3 1 y")).first().isInstanceOf(Event.Reclaim.class);

        CheckedKernel locked = new CheckedKernel(MemoryConfig.of(3, OomPolicy.KILL), A, C).lockingEverySpawn();
        locked.spawn(1, "a");
        locked.spawn(2, "c");
        locked.ok("write 1 1 x");
        locked.ok("fork 1");
        assertThat(locked.ok("write 3 1 y")).first().isInstanceOf(Event.OomKill.class);
        assertThat(locked.stats().reclaims()).isZero();
    }

    @Test
    void mlockBelongsToTheAddressSpaceItStartedWithAVforkChildSharesItAForkChildAndExecDoNot() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.KILL), A, C);
        k.spawnLocked(1, "a");
        assertThat(k.process(1).locked()).isTrue();
        k.ok("vfork 1");
        assertThat(k.process(2).locked()).isTrue();
        k.ok("exec 2 c");
        assertThat(k.process(2).locked()).isFalse();
        k.ok("fork 1");
        assertThat(k.process(3).locked()).isFalse();
        k.ok("exec 1 c");
        assertThat(k.process(1).locked()).isFalse();
    }

    @Test
    void aRefusedMoveLeavesTheOperationCountAndEveryStampAsTheyWere() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(2, OomPolicy.REJECT), A, C).lockingEverySpawn();
        k.spawn(1, "a");
        k.spawn(2, "c");
        int operations = k.kernel().operations();
        k.refused("write 1 1 x");       // refused() compares the whole state, stamps included
        assertThat(k.kernel().operations()).isEqualTo(operations);
    }
}
