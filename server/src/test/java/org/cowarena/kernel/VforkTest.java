package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VforkTest {
    private static final String YOU = CheckedKernel.YOU;

    private static CheckedKernel vforked() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P, Programs.Q);
        k.spawn(1, "p");        // 0-2
        k.ok("write 1 3 X");    // 3
        assertThat(k.ok("vfork 1")).containsExactly(new Event.VFork(1, 2));
        return k;
    }

    @Test
    void vforkSharesTheAddressSpaceWithoutTouchingRefsAndBlocksTheParent() {
        CheckedKernel k = vforked();
        assertThat(k.state(1)).isEqualTo(TaskState.BLOCKED);
        assertThat(k.state(2)).isEqualTo(TaskState.RUNNING);
        assertThat(k.process(2).inVfork()).isTrue();
        assertThat(k.used()).isEqualTo(4);
        for (int f = 0; f <= 3; f++) {
            assertThat(k.frame(f).refs()).isEqualTo(1);
        }
        assertThat(k.kernel().pageTable(2)).isEqualTo(k.kernel().pageTable(1));
        assertThat(k.page(1, 3).writable()).isTrue();
    }

    @Test
    void aBlockedParentsMovesAreRefusedUntilTheChildExecs() {
        CheckedKernel k = vforked();
        for (String move : new String[] {"write 1 3 Y", "read 1 4", "fork 1", "vfork 1", "exit 1",
                "exec 1 q", "madvise 1 3 dontfork"}) {
            assertThat(k.refused(move)).as(move).contains("blocked");
        }
    }

    @Test
    void theParentSeesTheVforkChildsWrites() {
        CheckedKernel k = vforked();
        assertThat(k.ok("write 2 3 Y")).isEmpty();
        assertThat(k.ok("write 2 4 Z")).containsExactly(new Event.Alloc(4, FrameKind.ANON, YOU),
                new Event.ZeroFill(2, 4, 4));
        assertThat(k.page(1, 3).value()).isEqualTo("Y");
        assertThat(k.page(1, 4).value()).isEqualTo("Z");
        assertThat(k.page(1, 4).refs()).isEqualTo(1);
        assertThat(k.page(1, 4).writable()).isTrue();
    }

    @Test
    void aVforkChildMayOnlyReadWriteExecOrExit() {
        CheckedKernel k = vforked();
        assertThat(k.refused("fork 2")).contains("vfork child");
        assertThat(k.refused("vfork 2")).contains("vfork child");
        assertThat(k.refused("madvise 2 3 dontfork")).contains("vfork child");
        k.ok("read 2 4");
        k.ok("write 2 3 Y");
    }

    @Test
    void execByTheVforkChildLeavesTheParentsAddressSpaceUntouchedAndUnblocksIt() {
        CheckedKernel k = vforked();
        k.ok("write 2 3 Y");
        String parentTable = k.kernel().pageTable(1).toString();

        assertThat(k.ok("exec 2 q")).containsExactly(new Event.Exec(2, "q"), new Event.Unblock(1, 2),
                new Event.Alloc(4, FrameKind.FILE, YOU, "q0"), new Event.Alloc(5, FrameKind.FILE, YOU, "q1"));

        assertThat(k.kernel().pageTable(1).toString()).isEqualTo(parentTable);
        assertThat(k.state(1)).isEqualTo(TaskState.RUNNING);
        assertThat(k.process(2).inVfork()).isFalse();
        assertThat(k.process(2).program()).isEqualTo("q");
        assertThat(k.page(1, 3).value()).isEqualTo("Y");
        // the child is an ordinary process now, the parent may move again
        k.ok("fork 2");
        k.ok("write 1 3 Z");
    }

    @Test
    void exitByTheVforkChildUnmapsNothingAndUnblocksTheParent() {
        CheckedKernel k = vforked();
        k.ok("write 2 4 Z");
        String parentTable = k.kernel().pageTable(1).toString();

        assertThat(k.ok("exit 2")).containsExactly(new Event.Exit(2), new Event.Unblock(1, 2));

        assertThat(k.kernel().pageTable(1).toString()).isEqualTo(parentTable);
        assertThat(k.used()).isEqualTo(5);
        assertThat(k.state(1)).isEqualTo(TaskState.RUNNING);
        assertThat(k.state(2)).isEqualTo(TaskState.EXITED);
        assertThat(k.ok("write 1 4 W")).isEmpty();
    }

    @Test
    void aVforkChildsCowFaultIsSeenByTheParent() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        k.spawn(1, "p");
        k.ok("write 1 3 X");    // 3
        k.ok("fork 1");         // pid 2 shares frame 3
        k.ok("vfork 1");        // pid 3 borrows pid 1's address space

        assertThat(k.ok("write 3 3 Y")).containsExactly(new Event.Alloc(4, FrameKind.ANON, YOU),
                new Event.CowCopy(3, 3, 3, 4, 2, FrameKind.ANON));
        assertThat(k.page(1, 3).frame()).isEqualTo(4);
        assertThat(k.page(1, 3).value()).isEqualTo("Y");
        assertThat(k.page(2, 3).value()).isEqualTo("X");
    }

    @Test
    void vforkChildExecRefusedUnderOomRejectLeavesTheParentBlocked() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(4, OomPolicy.REJECT), Programs.P, Programs.R);
        k.spawnLocked(1, "p");  // mlocked: reclaim cannot take its pages
        k.ok("write 1 3 X");    // memory full
        k.ok("vfork 1");
        assertThat(k.refused("exec 2 r")).contains("out of memory");
        assertThat(k.state(1)).isEqualTo(TaskState.BLOCKED);
        assertThat(k.process(2).inVfork()).isTrue();
    }
}
