package org.cowarena.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cowarena.move.Move;
import org.junit.jupiter.api.Test;

/**
 * {@link Kernel#stateWords}: what a search deduplicates on. Equal words must mean the
 * same state (counters and peak aside) and the same future; a state that differs in
 * anything a move or a goal can see must give other words.
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
     * every query, and the same further moves give both the same events.
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
                assertThat(stateOnly(moments.get(j))).as("moments %d and %d of %s", i, j, game)
                        .isEqualTo(stateOnly(moments.get(i)));
                Kernel a = moments.get(i).copy();
                Kernel b = moments.get(j).copy();
                for (RandomPlay.Step step : game.steps()) {
                    Move move = RandomPlay.move(a, step);
                    assertThat(b.apply(move)).as("%s after moments %d and %d of %s", move.notation(), i, j, game)
                            .isEqualTo(a.apply(move));
                }
            }
        }
    }

    /** The fingerprint without the counters and the peak. */
    private static String stateOnly(Kernel kernel) {
        return Fingerprint.of(kernel).lines()
                .filter(l -> !l.startsWith("used=") && !l.startsWith("copies="))
                .collect(Collectors.joining("\n"));
    }
}
