package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CgroupTest {

    @Test
    void theOwnerWhoseMoveAllocatesIsChargedUntilTheFrameIsFreed() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(16, OomPolicy.REJECT)
                .withBudgets(Map.of("alice", 3, "bob", 10)), Programs.P);
        assertThat(k.spawn(1, "p", "alice", 0)).contains(new Event.Alloc(0, FrameKind.FILE, "alice", "code"));
        k.spawn(2, "p", "bob", 0);      // the page cache is already there: bob pays nothing
        assertThat(k.kernel().charged("alice")).isEqualTo(3);
        assertThat(k.kernel().charged("bob")).isZero();

        // bob's copy of alice's page-cache frame is bob's
        assertThat(k.ok("write 2 1 X")).startsWith(new Event.Alloc(3, FrameKind.ANON, "bob"));
        assertThat(k.frame(3).chargedTo()).isEqualTo("bob");
        assertThat(k.frame(1).chargedTo()).isEqualTo("alice");
        assertThat(k.kernel().charged("bob")).isEqualTo(1);

        // pid 1 was the last to map data frame 1 (bob has his copy): it stays in the page
        // cache, still charged to alice, who loaded it; so do 0 and 2 when bob exits
        assertThat(k.ok("exit 1")).containsExactly(new Event.Exit(1), new Event.Cached(1));
        assertThat(k.kernel().charged("alice")).isEqualTo(3);
        assertThat(k.frame(2).chargedTo()).isEqualTo("alice");
        k.ok("exit 2");
        assertThat(k.kernel().charged("alice")).isEqualTo(3);
        assertThat(k.kernel().charged("bob")).isZero();
    }

    /** Budget alice 4; bob's process is the biggest on the machine; memory is plentiful. */
    private static CheckedKernel aliceAtHerBudget(OomPolicy oom) {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(16, oom).withBudgets(Map.of("alice", 4)), Programs.H)
                .lockingEverySpawn();
        k.spawn(1, "h", "alice", 0);    // 0 (alice 1)
        k.spawn(2, "h", "bob", 0);
        k.ok("write 2 1 A");            // 1
        k.ok("write 2 2 B");            // 2
        k.ok("write 2 3 C");            // 3: bob's pid 2 rss 4
        k.ok("fork 1");                 // pid 3, alice's
        k.ok("write 3 1 D");            // 4 (alice 2)
        k.ok("write 3 2 E");            // 5 (alice 3): pid 3 rss 3
        k.ok("write 1 1 F");            // 6 (alice 4): pid 1 rss 2
        assertThat(k.kernel().charged("alice")).isEqualTo(4);
        return k;
    }

    @Test
    void goingOverBudgetKillsTheOwnersOwnWorstProcess() {
        CheckedKernel k = aliceAtHerBudget(OomPolicy.KILL);

        assertThat(k.ok("write 1 2 G")).containsExactly(new Event.OomKill(3, 3, "cgroup", "alice", 1),
                new Event.Free(4, FrameKind.ANON), new Event.Free(5, FrameKind.ANON),
                new Event.Alloc(4, FrameKind.ANON, "alice"), new Event.ZeroFill(1, 2, 4));
        assertThat(k.state(2)).isEqualTo(TaskState.RUNNING);
        assertThat(k.state(3)).isEqualTo(TaskState.KILLED);
        assertThat(k.kernel().charged("alice")).isEqualTo(3);
        assertThat(k.kernel().charged("bob")).isEqualTo(3);
    }

    @Test
    void goingOverBudgetUnderOomRejectIsRefusedAndChangesNothing() {
        CheckedKernel k = aliceAtHerBudget(OomPolicy.REJECT);
        assertThat(k.refused("write 1 2 G")).isEqualTo("owner alice: memory budget full (4 of 4 frames charged, none reclaimable)");
        // bob has no budget and the machine has free frames: bob may still allocate
        k.ok("fork 2");
        k.ok("write 4 1 H");
        assertThat(k.kernel().charged("bob")).isEqualTo(4);
    }

    @Test
    void aForkedChildIsChargedToTheSameOwner() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(16, OomPolicy.REJECT)
                .withBudgets(Map.of("alice", 8)), Programs.H);
        k.spawn(1, "h", "alice", 0);
        k.ok("write 1 1 A");
        k.ok("fork 1");
        assertThat(k.process(2).owner()).isEqualTo("alice");
        assertThat(k.ok("write 2 1 B")).startsWith(new Event.Alloc(2, FrameKind.ANON, "alice"));
        assertThat(k.kernel().charged("alice")).isEqualTo(3);
    }

    @Test
    void theBudgetRefusalNamesTheOwnerAsANameSoItReadsRightForYou() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(16, OomPolicy.REJECT)
                .withBudgets(Map.of("you", 1)), Programs.H).lockingEverySpawn();
        k.spawn(1, "h", "you", 0);
        assertThat(k.refused("write 1 1 A"))
                .isEqualTo("owner you: memory budget full (1 of 1 frame charged, none reclaimable)");
    }

    @Test
    void overBudgetTheOwnerReclaimsItsOwnPageCacheFirstThenTakesTheLowestFreeFrame() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(16, OomPolicy.REJECT)
                .withBudgets(Map.of("alice", 2)), Programs.H, Programs.R);
        k.spawn(1, "h", "bob", 0);          // 0 (bob)
        k.spawn(2, "h", "alice", 0);        // shares bob's page cache: alice pays nothing
        k.spawn(3, "r", "alice", 0);        // r0 in 1, r1 in 2; r2 is over budget: r0 is reclaimed for it
        assertThat(k.kernel().charged("alice")).isEqualTo(2);
        assertThat(k.page(3, 0).mapping()).isEqualTo(PageInfo.Mapping.GONE);
        assertThat(k.frame(1).value()).isEqualTo("r2");
        // alice is at her budget: her coldest page-cache frame goes (r1 and r2 tie: the lower
        // frame), and the zero-fill then takes the lowest free frame.
        assertThat(k.ok("write 2 1 A")).containsExactly(new Event.Reclaim(1, "r", 2, List.of(3), "cgroup"),
                new Event.Alloc(1, FrameKind.ANON, "alice"), new Event.ZeroFill(2, 1, 1));
        assertThat(k.kernel().charged("alice")).isEqualTo(2);
        assertThat(k.kernel().charged("bob")).isEqualTo(1);
    }
}
