package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.cowarena.server.LevelText;
import org.cowarena.solver.Histograms;
import org.cowarena.solver.SearchLimits;
import org.cowarena.solver.Solver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The space of a level's solutions: the solver's count, on a thread of its own, kept under the level's hash. */
class SolutionSpaceTest {
    @TempDir
    Path dir;

    @Test
    void theCountIsTheSolversAndIsKeptUnderTheLevelsHash() throws Exception {
        LevelText level = LevelText.resolve("campaign/01-fork");
        SolutionSpace.Counted counted = SolutionSpace.count(level, dir).get(60, TimeUnit.SECONDS);
        Histograms solver = new Solver(level.level(), SearchLimits.defaults().withThreads(1)).solve().histograms()
                .orElseThrow();
        assertThat(counted.complete()).isTrue();
        assertThat(counted.solutions()).isEqualTo(solver.solutions());
        assertThat(counted.metrics()).isEqualTo(solver.metrics());
        assertThat(counted.maxMoves()).isEqualTo(level.level().moves().limit().orElseThrow());

        Path cached = dir.resolve(SolutionSpace.hash(level.text()) + ".txt");
        assertThat(cached).exists();
        // the kept count is what the next opening reads, not a new search: change it and see it come back
        SolutionSpace.Counted edited = new SolutionSpace.Counted(1, 7, java.util.List.of("STATES"),
                Map.of("moves", new TreeMap<>(Map.of(1, 7L))));
        Files.writeString(cached, SolutionSpace.format(edited));
        assertThat(SolutionSpace.countNow(level, dir)).isEqualTo(edited);
        // a changed level is another hash, so it is counted afresh
        LevelText changed = LevelText.of(level.text() + "\n# a comment\n", "changed.yaml");
        assertThat(SolutionSpace.countNow(changed, dir).solutions()).isEqualTo(solver.solutions());
    }

    @Test
    void aLevelOpenedAgainWhileItIsCountedJoinsThatCount() throws Exception {
        LevelText level = unique("campaign/07-exec-vs-write"); // seconds of search: still running below
        var first = SolutionSpace.count(level, dir);
        var again = SolutionSpace.count(level, dir);
        assertThat(again).as("one search of one space at a time").isSameAs(first);
        SolutionSpace.Counted counted = first.get(120, TimeUnit.SECONDS);
        // once done, a new count is answered at once: a new future with the same figures
        var later = SolutionSpace.count(level, dir);
        assertThat(later).isNotSameAs(first);
        assertThat(later.get(60, TimeUnit.SECONDS)).isEqualTo(counted);
    }

    @Test
    void aClassOpeningOneLevelCountsItOnceForEveryPlayer(@TempDir Path ann, @TempDir Path bob, @TempDir Path cid)
            throws Exception {
        // SSH play: each student has a cache directory of their own, in one process
        LevelText level = unique("campaign/zero-table"); // seconds of search: still running below
        var first = SolutionSpace.count(level, ann);
        var second = SolutionSpace.count(level, bob);
        assertThat(second).as("bob joins the count ann started").isSameAs(first);
        SolutionSpace.Counted counted = first.get(120, TimeUnit.SECONDS);
        var third = SolutionSpace.count(level, cid);
        assertThat(third.isDone()).as("counted already: no second search").isTrue();
        assertThat(third.get()).isSameAs(counted);
        String file = SolutionSpace.hash(level.text()) + ".txt";
        for (Path player : java.util.List.of(ann, bob, cid)) {
            Path kept = player.resolve(file);
            waitFor(() -> Files.isRegularFile(kept)); // bob's copy is written as the count completes
            assertThat(SolutionSpace.parse(Files.readString(kept))).as("%s", player).isEqualTo(counted);
        }
    }

    /**
     * The bundled level {@code id} as a text no other test counts (a comment of its own): this
     * process counts a level once, so a level another test counted would be answered at once.
     */
    private static LevelText unique(String id) throws Exception {
        LevelText level = LevelText.resolve(id);
        return LevelText.of(level.text() + "\n# counted by " + java.util.UUID.randomUUID() + "\n", id + ".yaml");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10); // the poll interval; the wait is on the condition
        }
        assertThat(condition.getAsBoolean()).as("within 10 s").isTrue();
    }

    @Test
    void aDamagedCacheEntryIsCountedAgain() throws Exception {
        LevelText level = LevelText.resolve("campaign/01-fork");
        Files.writeString(dir.resolve(SolutionSpace.hash(level.text()) + ".txt"), "# cowarena histograms 1\nmetric x 1=\n");
        assertThat(SolutionSpace.countNow(level, dir).complete()).isTrue();
        assertThat(SolutionSpace.parse(Files.readString(dir.resolve(SolutionSpace.hash(level.text()) + ".txt")))
                .complete()).isTrue();
    }

    @Test
    void theFileFormatRoundTripsAndRefusesOthers() {
        SolutionSpace.Counted c = new SolutionSpace.Counted(6, 42, java.util.List.of(),
                Map.of("moves", new TreeMap<>(Map.of(2, 2L, 3, 40L)), "copies", new TreeMap<>(Map.of(0, 42L))));
        assertThat(SolutionSpace.parse(SolutionSpace.format(c))).isEqualTo(c);
        assertThatThrownBy(() -> SolutionSpace.parse("solutions 3\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SolutionSpace.parse("# cowarena histograms 1\nsolutions 3\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyPuzzlesWithAGoalAreCounted() throws Exception {
        assertThat(SolutionSpace.countable(LevelText.resolve("campaign/01-fork").level())).isTrue();
        assertThat(SolutionSpace.countable(LevelText.resolve(CampaignBook.SANDBOX).level())).isFalse();
        assertThat(SolutionSpace.countable(LevelText.resolve("arena/zygote").level())).isFalse();
    }
}
