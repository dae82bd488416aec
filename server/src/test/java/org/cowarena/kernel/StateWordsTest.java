package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cowarena.move.Move;
import org.junit.jupiter.api.Test;

/**
 * {@link Kernel#stateWords}: what a search deduplicates on. Equal words must mean the
 * same state and the same future up to frame numbers (counters and peak aside); a state
 * that differs in anything a move or a goal can see must give other words.
 */
class StateWordsTest {
    private final Map<String, Integer> ids = new HashMap<>();

    private int[] words(CheckedKernel k) {
        return words(k.kernel());
    }

    private int[] words(Kernel k) {
        return k.stateWords(v -> ids.computeIfAbsent(v, x -> ids.size()));
    }

    private static CheckedKernel withTwoPrivatePages() {
        CheckedKernel k = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P, Programs.Q);
        k.spawn(1, "p");
        k.ok("write 1 3 a");
        k.ok("write 1 4 b");
        return k;
    }

    @Test
    void twoMoveOrdersThatReachTheSameStateGiveTheSameWords() {
        CheckedKernel one = withTwoPrivatePages();
        one.ok("write 1 3 X");
        one.ok("write 1 4 Y");
        CheckedKernel other = withTwoPrivatePages();
        other.ok("write 1 4 Y");
        other.ok("write 1 3 X");

        assertThat(words(one)).isEqualTo(words(other));
    }

    @Test
    void whichFreeFrameAPageGotDoesNotCount() {
        CheckedKernel one = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        one.spawn(1, "p");
        one.ok("write 1 3 X");
        one.ok("write 1 4 Y");
        CheckedKernel other = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        other.spawn(1, "p");
        other.ok("write 1 4 Y");
        other.ok("write 1 3 X");

        assertThat(one.page(1, 3).frame()).isNotEqualTo(other.page(1, 3).frame());
        assertThat(words(one)).isEqualTo(words(other));
    }

    @Test
    void countersAndPeakAreLeftOut() {
        CheckedKernel read = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        read.spawn(1, "p");
        read.ok("read 1 3");
        read.ok("write 1 3 X");
        CheckedKernel direct = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        direct.spawn(1, "p");
        direct.ok("write 1 3 X");

        assertThat(read.stats()).isNotEqualTo(direct.stats());
        assertThat(words(read)).isEqualTo(words(direct));
    }

    @Test
    void aDifferentValueGivesDifferentWords() {
        CheckedKernel one = withTwoPrivatePages();
        CheckedKernel other = withTwoPrivatePages();
        other.ok("write 1 4 c");

        assertThat(words(one)).isNotEqualTo(words(other));
    }

    @Test
    void madviseFlagsTheQueriesDoNotShowStillCount() {
        MemoryConfig thp = MemoryConfig.of(16, OomPolicy.REJECT).withHugePages(4, ThpCow.SPLIT);
        CheckedKernel one = new CheckedKernel(thp, Programs.T);
        one.spawn(1, "t");
        CheckedKernel other = new CheckedKernel(thp, Programs.T);
        other.spawn(1, "t");
        other.ok("madvise 1 1-4 nohugepage");

        assertThat(words(one)).isNotEqualTo(words(other));
    }

    @Test
    void aVforkChildAndAForkChildDiffer() {
        CheckedKernel vfork = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        vfork.spawn(1, "p");
        vfork.ok("vfork 1");
        CheckedKernel fork = new CheckedKernel(MemoryConfig.of(8, OomPolicy.REJECT), Programs.P);
        fork.spawn(1, "p");
        fork.ok("fork 1");

        assertThat(words(vfork)).isNotEqualTo(words(fork));
    }

    @Provide
    Arbitrary<RandomPlay.Game> games() {
        return RandomPlay.games(40);
    }

    /**
     * Within random games, any two moments with equal words show the same state through
     * every query but for frame numbers, and the same further moves give both the same
     * refusals, the same events but for frame numbers, and the same counters.
     */
    @Property(edgeCases = EdgeCasesMode.NONE, tries = 200, seed = "2026112701")
    void equalWordsMeanTheSameStateAndTheSameFuture(@ForAll("games") RandomPlay.Game game) {
        Kernel kernel = game.boot();
        List<Kernel> moments = new ArrayList<>();
        List<int[]> words = new ArrayList<>();
        moments.add(kernel.copy());
        words.add(words(kernel));
        for (RandomPlay.Step step : game.steps()) {
            kernel.apply(RandomPlay.move(kernel, step));
            moments.add(kernel.copy());
            words.add(words(kernel));
        }
        for (int i = 0; i < moments.size(); i++) {
            for (int j = i + 1; j < moments.size(); j++) {
                if (!java.util.Arrays.equals(words.get(i), words.get(j))) {
                    continue;
                }
                assertThat(shape(moments.get(j))).as("moments %d and %d of %s", i, j, game)
                        .isEqualTo(shape(moments.get(i)));
                Kernel a = moments.get(i).copy();
                Kernel b = moments.get(j).copy();
                Stats aStart = a.stats();
                Stats bStart = b.stats();
                for (RandomPlay.Step step : game.steps()) {
                    Move move = RandomPlay.move(a, step);
                    String where = move.notation() + " after moments " + i + " and " + j + " of " + game;
                    Outcome x = a.apply(move);
                    Outcome y = b.apply(move);
                    assertThat(y.ok()).as(where).isEqualTo(x.ok());
                    assertThat(y.events().stream().map(Event::type).toList()).as(where)
                            .isEqualTo(x.events().stream().map(Event::type).toList());
                    assertThat(growth(bStart, b.stats())).as(where).isEqualTo(growth(aStart, a.stats()));
                    assertThat(shape(b)).as(where).isEqualTo(shape(a));
                }
            }
        }
    }

    private static List<Integer> growth(Stats from, Stats to) {
        return List.of(to.copies() - from.copies(), to.framesCopied() - from.framesCopied(),
                to.reuses() - from.reuses(), to.zeroFills() - from.zeroFills(), to.zeroMaps() - from.zeroMaps(),
                to.oomKills() - from.oomKills(), to.segv() - from.segv());
    }

    /** Every query's answer with frames renamed in the order the page tables first map them. */
    private static String shape(Kernel kernel) {
        Map<Integer, Integer> renamed = new HashMap<>();
        StringBuilder sb = new StringBuilder();
        sb.append("highestPid=").append(kernel.highestPid()).append(" used=").append(kernel.used()).append('\n');
        for (ProcessInfo p : kernel.processes()) {
            sb.append(p).append('\n');
            for (PageInfo page : kernel.pageTable(p.pid())) {
                int frame = page.frame() < 0 ? page.frame()
                        : renamed.computeIfAbsent(page.frame(), f -> renamed.size());
                FrameInfo f = page.frame() < 0 ? null : kernel.frame(page.frame());
                sb.append("  ").append(new PageInfo(page.vpn(), page.segment(), page.mapping(), frame, page.kind(),
                        page.value(), page.refs(), page.writable(), page.cow(), page.huge(), page.dontfork(),
                        page.wipeonfork())).append(f == null ? "" : " charged to " + f.chargedTo()).append('\n');
            }
        }
        for (String owner : kernel.owners()) {
            sb.append("charged ").append(owner).append('=').append(kernel.charged(owner)).append('\n');
        }
        return sb.toString();
    }
}
