package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Commit accounting and the three overcommit modes (vm.overcommit_memory). */
class CommitTest {
    /** vpn 0 text; 1 data; 2-5 heap: 5 private writable pages. */
    private static final ProgramImage REDIS = new ProgramImage("redis", List.of("code"), List.of("cfg"), 4, 0);
    private static final ProgramImage SAVE = new ProgramImage("save", List.of("s0"), List.of(), 1, 0);

    private static CheckedKernel machine(int frames, Overcommit mode, int ratio) {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(frames, OomPolicy.KILL).withOvercommit(mode, ratio),
                REDIS, SAVE);
        k.spawn(1, "redis");
        return k;
    }

    @Test
    void neverRefusesAForkWhoseCommitPassesCommitLimitWhileAlwaysLetsItThrough() {
        CheckedKernel never = machine(16, Overcommit.NEVER, 50);      // CommitLimit 8
        assertThat(never.kernel().committed()).isEqualTo(5);
        assertThat(never.ok("fork 1")).containsExactly(new Event.Enomem(1, "fork", 5, 5, 8, Overcommit.NEVER));
        assertThat(never.kernel().pids()).containsExactly(1);
        assertThat(never.stats().enomem()).isEqualTo(1);
        assertThat(never.kernel().operations()).as("an ENOMEM move is played").isEqualTo(1);

        CheckedKernel always = machine(16, Overcommit.ALWAYS, 50);
        assertThat(always.ok("fork 1")).containsExactly(new Event.Fork(1, 2));
        assertThat(always.kernel().committed()).isEqualTo(10);
    }

    @Test
    void heuristicRefusesOnlyACommitLargerThanAllOfMemory() {
        CheckedKernel small = machine(4, Overcommit.HEURISTIC, 50);
        assertThat(small.ok("fork 1")).containsExactly(new Event.Enomem(1, "fork", 5, 5, 2, Overcommit.HEURISTIC));
        CheckedKernel big = machine(5, Overcommit.HEURISTIC, 50);
        assertThat(big.ok("fork 1")).containsExactly(new Event.Fork(1, 2));
        assertThat(big.ok("fork 1")).as("the total may pass all of memory").containsExactly(new Event.Fork(1, 3));
    }

    @Test
    void execCommitsTheNewImageAndUncommitsTheOldAndIsCheckedWithTheOldStillCounted() {
        CheckedKernel k = machine(16, Overcommit.NEVER, 50);          // CommitLimit 8
        k.ok("madvise 1 2-5 dontfork");
        k.ok("fork 1");                                               // the child commits its data page only
        assertThat(k.kernel().committed()).isEqualTo(6);
        k.ok("exec 2 save");
        assertThat(k.kernel().committed()).isEqualTo(6);               // 6 - 1 + 1
        assertThat(k.ok("exec 2 redis")).containsExactly(new Event.Enomem(2, "exec", 5, 6, 8, Overcommit.NEVER));
        assertThat(k.process(2).program()).isEqualTo("save");
        k.ok("exit 2");
        assertThat(k.kernel().committed()).isEqualTo(5);
    }

    @Test
    void vforkCommitsNothingAndAVforkChildsExecLeavesTheParentsCommit() {
        CheckedKernel k = machine(16, Overcommit.NEVER, 50);
        k.ok("vfork 1");
        assertThat(k.kernel().committed()).isEqualTo(5);
        k.ok("exec 2 save");
        assertThat(k.kernel().committed()).isEqualTo(6);
    }

    @Test
    void aChildsPrivateDirtyCountsItsCopyOnWriteCopies() {
        CheckedKernel k = machine(16, Overcommit.ALWAYS, 50);
        k.ok("write 1 2 a");
        k.ok("write 1 3 b");
        k.ok("fork 1");
        assertThat(k.process(2).smaps().privateDirty()).isZero();
        assertThat(k.process(2).smaps().sharedDirty()).isEqualTo(2);
        k.ok("write 2 2 x");                                          // one COW copy
        k.ok("write 2 1 y");                                          // a copy of the data page
        Smaps child = k.process(2).smaps();
        assertThat(child.privateDirty()).as("Redis's copy-on-write figure").isEqualTo(2);
        assertThat(child.sharedDirty()).isEqualTo(1);
        assertThat(child.sharedClean()).as("the code").isEqualTo(1);
        assertThat(child.anonymous()).isEqualTo(3);
    }
}
