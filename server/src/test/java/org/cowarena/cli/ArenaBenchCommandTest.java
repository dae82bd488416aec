package org.cowarena.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cowarena.cli.CliRun.run;

import org.junit.jupiter.api.Test;

/** {@code arena-bench} run in-process through {@link ServerCli#run}, with its output captured. */
class ArenaBenchCommandTest {
    @Test
    void printsOneRowPerLevelWithTheCountsAddingUpToTheGames() {
        CliRun r = run("arena-bench", "--level", "arena/land-grab", "--level", "arena/first-touch", "--games", "6",
                "--seed", "3", "--strong", "greedy", "--weak", "random");

        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).hasSize(3);
        assertThat(r.lines().get(0).split(" +")).containsExactly("level", "strong", "weak", "games", "wins", "draws",
                "losses", "win%");
        assertThat(r.lines().get(1)).startsWith("arena/land-grab ");
        assertThat(r.lines().get(2)).startsWith("arena/first-touch ");
        for (String row : r.lines().subList(1, 3)) {
            String[] f = row.split(" +");
            assertThat(f[1]).isEqualTo("greedy");
            assertThat(f[2]).isEqualTo("random");
            assertThat(f[3]).isEqualTo("6");
            assertThat(Integer.parseInt(f[4]) + Integer.parseInt(f[5]) + Integer.parseInt(f[6])).isEqualTo(6);
            assertThat(f[7]).isEqualTo(Integer.parseInt(f[4]) * 100 / 6 + "%");
        }
    }

    @Test
    void theSameArgumentsPrintTheSameTable() {
        assertThat(run("arena-bench", "--games", "5", "--seed", "9").out())
                .isEqualTo(run("arena-bench", "--games", "5", "--seed", "9").out());
    }

    @Test
    void withoutALevelItPlaysEveryBundledArenaLevel() {
        CliRun r = run("arena-bench", "--games", "1");

        assertThat(r.status()).isZero();
        assertThat(r.lines().subList(1, r.lines().size())).allMatch(l -> l.startsWith("arena/"))
                .anyMatch(l -> l.startsWith("arena/zygote "));
    }

    @Test
    void minWinFailsTheRunWhenALevelFallsShort() {
        CliRun r = run("arena-bench", "--level", "arena/land-grab", "--games", "4", "--strong", "random", "--weak",
                "greedy", "--min-win", "100");

        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithAReasonAndStatus2() {
        assertThat(run("arena-bench", "--strong", "smart")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).contains("unknown strategy \"smart\"").contains("random, greedy");
        });
        assertThat(run("arena-bench", "--level", "campaign/01-fork")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).contains("campaign/01-fork: not an arena level");
        });
        assertThat(run("arena-bench", "--games", "0").status()).isEqualTo(2);
        assertThat(run("arena-bench", "--level", "arena/nope").status()).isEqualTo(2);
    }
}
