package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Program h: vpn 0 text, 1-3 heap. Frame numbers are spelled out in each setup. Every
 * listed process is mlocked, as a database pins its memory, so reclaim finds nothing
 * and the OOM killer runs (see {@link ReclaimTest} for what happens otherwise).
 */
class OomKillTest {
    private static final String YOU = CheckedKernel.YOU;

    private static CheckedKernel machine(int frames) {
        return new CheckedKernel(MemoryConfig.of(frames, OomPolicy.KILL), Programs.H).lockingEverySpawn();
    }

    @Test
    void theVictimHasTheHighestBadnessAndTheFaultThenSucceeds() {
        CheckedKernel k = machine(5);
        k.spawn(1, "h");            // frame 0
        k.spawn(2, "h");
        k.spawn(3, "h");
        k.ok("write 2 1 A");        // 1
        k.ok("write 2 2 B");        // 2   pid 2: rss 3
        k.ok("write 3 1 C");        // 3   pid 3: rss 2
        k.ok("write 1 1 D");        // 4   pid 1: rss 2; memory full

        assertThat(k.ok("write 3 2 E")).containsExactly(new Event.OomKill(2, 3, "global", YOU, 3),
                new Event.Free(1, FrameKind.ANON), new Event.Free(2, FrameKind.ANON),
                new Event.Alloc(1, FrameKind.ANON, YOU), new Event.ZeroFill(3, 2, 1));

        assertThat(k.state(2)).isEqualTo(TaskState.KILLED);
        assertThat(k.kernel().pageTable(2)).isEmpty();
        assertThat(k.frame(0).refs()).isEqualTo(2);
        assertThat(k.page(3, 2).value()).isEqualTo("E");
        assertThat(k.stats().oomKills()).isEqualTo(1);
        assertThat(k.refused("write 2 1 Z")).contains("killed");
    }

    @Test
    void oomScoreAdjIsScaledByFramesOverAThousandAndRoundedDown() {
        CheckedKernel k = machine(5);
        k.spawn(1, "h", YOU, -100);      // frame 0; -100 * 5 / 1000 = -0.5, rounded down to -1
        k.spawn(2, "h", YOU, 0);
        k.spawn(3, "h", YOU, -1000);
        k.ok("write 1 1 A");             // 1
        k.ok("write 1 2 B");             // 2     pid 1: 3 - 1 = 2 (3 if rounded toward zero)
        k.ok("write 2 1 C");             // 3     pid 2: 2 + 0 = 2
        k.ok("write 3 1 D");             // 4     full

        // a tie at 2 goes to the process created last; rounding toward zero would have picked pid 1
        assertThat(k.ok("write 3 2 E")).startsWith(new Event.OomKill(2, 2, "global", YOU, 3));
        assertThat(k.state(1)).isEqualTo(TaskState.RUNNING);
    }

    @Test
    void aPositiveOomScoreAdjMakesASmallProcessTheVictim() {
        CheckedKernel k = machine(10);
        k.spawn(1, "h", YOU, 0);         // frame 0
        k.spawn(2, "h", YOU, 300);       // 300 * 10 / 1000 = 3
        k.ok("write 1 1 A");
        k.ok("write 1 2 B");
        k.ok("write 1 3 C");             // pid 1: rss 4
        k.spawn(3, "h", YOU, 0);
        k.ok("write 3 1 D");
        k.ok("write 3 2 E");
        k.ok("write 3 3 F");             // pid 3: rss 4
        k.ok("write 2 1 G");             // pid 2: rss 2 + 3 = 5; frames 0-7 used
        k.spawn(4, "h", YOU, -1000);
        k.ok("write 4 1 H");
        k.ok("write 4 2 I");             // full

        assertThat(k.ok("write 4 3 J")).startsWith(new Event.OomKill(2, 5, "global", YOU, 4));
    }

    @Test
    void aProcessWithOomScoreAdjMinusThousandIsNeverKilled() {
        CheckedKernel k = machine(5);
        k.spawn(1, "h", YOU, -1000);     // frame 0
        k.spawn(2, "h", YOU, 0);
        k.ok("write 1 1 A");
        k.ok("write 1 2 B");
        k.ok("write 1 3 C");             // pid 1: rss 4, the biggest by far
        k.ok("write 2 1 D");             // pid 2: rss 2; full

        assertThat(k.ok("write 2 2 E")).containsExactly(new Event.OomKill(2, 2, "global", YOU, 2),
                new Event.Free(4, FrameKind.ANON));
        assertThat(k.state(1)).isEqualTo(TaskState.RUNNING);
    }

    @Test
    void whenNoProcessCanBeKilledTheMoveIsRefusedAndEarlierKillsAreUndone() {
        CheckedKernel k = machine(2);
        k.spawn(1, "h", YOU, -1000);     // frame 0
        k.ok("write 1 1 A");             // 1: full
        k.spawn(2, "h", YOU, 0);         // maps frame 0 only: killing it frees nothing

        assertThat(k.refused("write 1 2 B")).contains("no process can be killed");
        assertThat(k.state(2)).isEqualTo(TaskState.RUNNING);
        assertThat(k.stats().oomKills()).isZero();
    }

    @Test
    void oomTiesGoToTheProcessCreatedLast() {
        CheckedKernel k = machine(4);
        k.spawn(1, "h");                 // frame 0
        k.spawn(2, "h");
        k.spawn(3, "h");
        k.ok("write 3 1 A");             // 1
        k.ok("write 2 1 B");             // 2
        k.ok("write 1 1 C");             // 3: all three have rss 2; full

        // oom_evaluate_task lets an equal score replace the earlier pick: the last one wins.
        assertThat(k.ok("write 1 2 D")).containsExactly(new Event.OomKill(3, 2, "global", YOU, 1),
                new Event.Free(1, FrameKind.ANON), new Event.Alloc(1, FrameKind.ANON, YOU),
                new Event.ZeroFill(1, 2, 1));
    }

    @Test
    void theTieGoesByCreationOrderNotByPid() {
        CheckedKernel k = machine(3);
        k.spawn(5, "h");                 // frame 0; listed first
        k.spawn(2, "h");                 // listed second: created last
        k.ok("write 5 1 A");             // 1
        k.ok("write 2 1 B");             // 2: both rss 2; full
        assertThat(k.ok("write 5 2 C")).startsWith(new Event.OomKill(2, 2, "global", YOU, 5));
    }

    @Test
    void theFaultStartsAgainAfterAKillSoANowExclusivePageIsReusedNotCopied() {
        CheckedKernel k = machine(4);
        k.spawn(1, "h");                 // 0
        k.ok("write 1 1 A");             // 1
        k.ok("fork 1");                  // pid 2 shares 0 and 1
        k.ok("write 2 2 B");             // 2
        k.ok("write 2 3 C");             // 3: pid 2 rss 4, pid 1 rss 2; full

        assertThat(k.ok("write 1 1 Z")).containsExactly(new Event.OomKill(2, 4, "global", YOU, 1),
                new Event.Free(2, FrameKind.ANON), new Event.Free(3, FrameKind.ANON),
                new Event.CowReuse(1, 1, 1));
        assertThat(k.stats().copies()).isZero();
        assertThat(k.stats().reuses()).isEqualTo(1);
        assertThat(k.used()).isEqualTo(2);
        assertThat(k.page(1, 1).value()).isEqualTo("Z");
    }

    @Test
    void theFaultingProcessMayBeTheVictimAndItsMoveEndsThere() {
        CheckedKernel k = machine(4);
        k.spawn(1, "h");                 // 0
        k.ok("write 1 1 A");             // 1: pid 1 rss 2
        k.spawn(2, "h");
        k.ok("write 2 1 B");             // 2
        k.ok("write 2 2 C");             // 3: pid 2 rss 3; full

        assertThat(k.ok("write 2 3 D")).containsExactly(new Event.OomKill(2, 3, "global", YOU, 2),
                new Event.Free(2, FrameKind.ANON), new Event.Free(3, FrameKind.ANON));
        assertThat(k.state(2)).isEqualTo(TaskState.KILLED);
        assertThat(k.stats().zeroFills()).isEqualTo(3);   // only the three writes before
        assertThat(k.used()).isEqualTo(2);
    }

    @Test
    void killingAVforkParentKillsItsChildThatSharesTheAddressSpace() {
        CheckedKernel k = machine(4);
        k.spawn(1, "h");                 // 0
        k.ok("write 1 1 A");             // 1
        k.ok("write 1 2 B");             // 2: pid 1 rss 3
        k.spawn(2, "h");
        k.ok("write 2 1 C");             // 3: pid 2 rss 2; full
        k.ok("vfork 1");                 // pid 3 borrows pid 1's address space

        // pid 1 scores highest; __oom_kill_process kills every process sharing its mm, so
        // its vfork child, the faulting process, dies with it and its move ends there.
        assertThat(k.ok("write 3 3 D")).containsExactly(new Event.OomKill(1, 3, "global", YOU, 3, List.of(3)),
                new Event.Free(1, FrameKind.ANON), new Event.Free(2, FrameKind.ANON));
        assertThat(k.state(1)).isEqualTo(TaskState.KILLED);
        assertThat(k.state(3)).isEqualTo(TaskState.KILLED);
        assertThat(k.stats().oomKills()).isEqualTo(1);
    }

    @Test
    void aVforkChildIsNeverTheVictimWhileItsParentWaitsButDiesWithIt() {
        CheckedKernel k = machine(4);
        k.spawn(1, "h");                 // 0
        k.ok("write 1 1 A");             // 1
        k.ok("write 1 2 B");             // 2: pid 1 rss 3
        k.spawn(2, "h");
        k.ok("write 2 1 C");             // 3: pid 2 rss 2; full
        k.ok("vfork 1");                 // pid 3 (rss 3, in vfork)

        // pid 3 ties with pid 1 and was created last, but a task in vfork is skipped: pid 1
        // is picked, and its child goes with it. pid 2's fault then takes the lowest frame.
        assertThat(k.ok("write 2 2 D")).containsExactly(new Event.OomKill(1, 3, "global", YOU, 2, List.of(3)),
                new Event.Free(1, FrameKind.ANON), new Event.Free(2, FrameKind.ANON),
                new Event.Alloc(1, FrameKind.ANON, YOU), new Event.ZeroFill(2, 2, 1));
        assertThat(k.state(3)).isEqualTo(TaskState.KILLED);
        assertThat(k.state(2)).isEqualTo(TaskState.RUNNING);
    }
}
