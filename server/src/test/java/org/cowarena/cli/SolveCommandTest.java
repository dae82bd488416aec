package org.cowarena.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cowarena.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solve} run in-process through {@link ServerCli#run}, with its output captured. */
class SolveCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void printsTheBestSolutionPerMetricInTheMoveNotation() {
        CliRun run = run("solve", "--level", "campaign/03-last-sharer");

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(String.join("\n",
                "Level last-sharer: The last sharer writes for free",
                "Searched move sequences of up to 4 moves (the level's limit): 29 states, 12 expanded, 144 moves"
                        + " tried",
                "Search complete: nothing the level allows does better than the results below.",
                "Best per metric:",
                "  moves         2      3 stars at 2      solution 1",
                "  copies        0      3 stars at 0      solution 1",
                "  framesCopied  0                        solution 1",
                "  peakFrames    4                        solution 1",
                "  faults        1                        solution 1",
                "  reclaims      0                        solution 1",
                "  majorFaults   0                        solution 1",
                "Most stars: 3 of 3, solution 1",
                "Solution 1: moves 2, copies 0, framesCopied 0, peakFrames 4, faults 1, reclaims 0, majorFaults 0;"
                        + " 3 stars",
                "  exit 2",
                "  write 1 2 X",
                "Distinct solutions within 4 moves: 342 (every one counted); value: how many, per metric:",
                "  moves         2: 2, 3: 30, 4: 310",
                "  copies        0: 23, 1: 133, 2: 156, 3: 30",
                "  framesCopied  0: 23, 1: 133, 2: 156, 3: 30",
                "  peakFrames    4: 23, 5: 139, 6: 180",
                "  faults        1: 48, 2: 170, 3: 112, 4: 12",
                "  reclaims      0: 312, 1: 18, 2: 12",
                "  majorFaults   0: 330, 1: 12",
                "Difficulty: optimum 2 moves (proven); no trade-off: one solution is best on moves, copies and peak"
                        + " frames; the naive play meets the goal with 2 stars (it loses a star).",
                ""));
    }

    @Test
    void theSameLevelGivesTheSameOutputByteForByte() {
        CliRun one = run("solve", "--level", "campaign/02-cow-copy");
        CliRun two = run("solve", "--level", "campaign/02-cow-copy");

        assertThat(two.out()).isEqualTo(one.out());
        CliRun json = run("solve", "--level", "campaign/02-cow-copy", "--json");
        assertThat(run("solve", "--level", "campaign/02-cow-copy", "--json").out()).isEqualTo(json.out());
    }

    @Test
    void jsonIsOneObjectWithTheBestPerMetricAndTheSolutions() throws Exception {
        CliRun run = run("solve", "--level", "campaign/02-cow-copy", "--json");

        assertThat(run.status()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.get("type").asText()).isEqualTo("solve");
        assertThat(r.get("level").asText()).isEqualTo("cow-copy");
        assertThat(r.get("complete").asBoolean()).isTrue();
        assertThat(r.get("cutOff")).isEmpty();
        assertThat(r.get("best").get("moves").get("value").asInt()).isEqualTo(1);
        assertThat(r.get("best").get("moves").get("threeStarsAt").asInt()).isEqualTo(1);
        assertThat(r.get("best").get("peakFrames").get("threeStarsAt").isNull()).isTrue();
        assertThat(r.get("mostStars").get("stars").asInt()).isEqualTo(3);
        JsonNode solution = r.get("solutions").get(r.get("best").get("copies").get("solution").asInt());
        assertThat(solution.get("moves").get(0).asText()).isEqualTo("write 2 3 X");
        assertThat(solution.get("metrics").get("copies").asInt()).isEqualTo(1);
        JsonNode histograms = r.get("histograms");
        assertThat(histograms.get("complete").asBoolean()).isTrue();
        assertThat(histograms.get("cutOff")).isEmpty();
        long total = histograms.get("solutions").asLong();
        assertThat(total).isPositive();
        for (String metric : org.cowarena.solver.Solver.METRICS) {
            JsonNode h = histograms.get("metrics").get(metric);
            long sum = 0;
            for (var it = h.fields(); it.hasNext(); ) {
                sum += it.next().getValue().asLong();
            }
            assertThat(sum).as(metric).isEqualTo(total);
            assertThat(h.fieldNames().next()).as("lowest %s", metric)
                    .isEqualTo(r.get("best").get(metric).get("value").asText());
        }
    }

    @Test
    void jsonGivesTheDifficultyWithTheNaivePlayBesideALevelFile() throws Exception {
        Path level = dir.resolve("pick.yaml");
        Files.writeString(level, String.join("\n",
                "format: 1", "id: pick", "title: Pick",
                "memory: {frames: 6}",
                "programs:", "  shell: {text: 1, data: [cfg], heap: 2}",
                "processes:", "  - {pid: 1, program: shell, heap: [a, b]}",
                "setup: [\"fork 1\"]",
                "moves: {allowed: [write, exit], limit: 3}",
                "goal:", "  - page: {pid: 1, vpn: 2, value: X}",
                "stars: {moves: 1, copies: 0}", ""));
        Files.writeString(dir.resolve("pick.naive.moves"), "write 1 2 X\n");

        JsonNode d = JSON.readTree(run("solve", "--level", level.toString(), "--json").out()).get("difficulty");
        assertThat(d.get("optimumMoves").asInt()).isEqualTo(1);
        assertThat(d.get("proven").asBoolean()).isTrue();
        assertThat(d.get("tradeOff").asBoolean()).as("1 move costs a copy, 0 copies cost 2 moves").isTrue();
        assertThat(d.get("naive").get("met").asBoolean()).isTrue();
        assertThat(d.get("naive").get("stars").asInt()).isEqualTo(2);
        assertThat(d.get("naive").get("losesAStar").asBoolean()).isTrue();
        assertThat(d.get("naive").get("metrics").get("copies").asInt()).isEqualTo(1);

        Files.writeString(dir.resolve("pick.naive.moves"), "write 1 2\n");
        CliRun bad = run("solve", "--level", level.toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).startsWith(dir.resolve("pick.naive.moves") + ":1:");
    }

    @Test
    void histogramsCanBeLeftOutAndACutOffCountSaysSo() throws Exception {
        JsonNode none = JSON.readTree(run("solve", "--level", "campaign/02-cow-copy", "--json",
                "--histogram-states", "0").out());
        assertThat(none.get("histograms").isNull()).isTrue();
        CliRun cut = run("solve", "--level", "campaign/03-last-sharer", "--histogram-states", "2");
        assertThat(cut.out()).contains("(count cut off (states): at least these)");
        assertThat(run("solve", "--level", "campaign/02-cow-copy", "--histogram-states", "-1").status())
                .isEqualTo(2);
    }

    @Test
    void aCutOffSearchSaysSoAndShowsWhatItFound() {
        CliRun states = run("solve", "--level", "campaign/02-cow-copy", "--max-states", "20");
        assertThat(states.status()).isZero();
        assertThat(states.out()).contains("Search cut off: it reached the state limit (--max-states 20)")
                .contains("not proven best").contains("  write 2 3 X").doesNotContain("Search complete");

        CliRun moves = run("solve", "--level", "campaign/01-fork", "--max-moves", "1");
        assertThat(moves.status()).isZero();
        assertThat(moves.out()).contains("up to 1 move:")
                .contains("Search cut off: longer sequences were not tried (--max-moves 1; the level allows 6)")
                .contains("No solution found in what was searched.");
    }

    @Test
    void aBrokenLevelExitsTwoWithOneLine() throws Exception {
        Path level = Files.writeString(dir.resolve("broken.yaml"),
                "format: 1\nid: x\ntitle: X\nmemory: {frames: 4, colour: red}\nprograms:\n  p: {text: 1}\n"
                        + "processes:\n  - {pid: 1, program: p}\n");
        CliRun run = run("solve", "--level", level.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly(level + ":4:21: unknown key \"colour\" in memory (allowed:"
                + " frames, oom, hugePage, thpCow, budget, budgets, overcommit, overcommitRatio)");
    }

    @Test
    void aMissingLevelAndBadLimitsExitTwoWithoutAStackTrace() {
        CliRun missing = run("solve", "--level", "campaign/99-none");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err().lines()).hasSize(1);

        CliRun negative = run("solve", "--level", "campaign/01-fork", "--max-moves", "-1");
        assertThat(negative.status()).isEqualTo(2);
        assertThat(negative.err().strip()).isEqualTo("--max-moves -1: must be 0 or more");

        CliRun zero = run("solve", "--level", "campaign/01-fork", "--max-states", "0");
        assertThat(zero.status()).isEqualTo(2);
        assertThat(zero.err().strip()).isEqualTo("--max-states 0: must be 1 or more");

        CliRun notANumber = run("solve", "--level", "campaign/01-fork", "--max-states", "many");
        assertThat(notANumber.status()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--max-states").doesNotContain("\tat ");
    }

    @Test
    void anArenaLevelExitsTwo() throws Exception {
        Path level = Files.writeString(dir.resolve("arena.yaml"), String.join("\n",
                "format: 1", "id: arena", "title: Arena", "kind: arena", "memory: {frames: 8}",
                "programs:", "  p: {text: 1, heap: 1}",
                "processes:", "  - {pid: 1, program: p, owner: alice}", "  - {pid: 2, program: p, owner: bob}", ""));
        CliRun run = run("solve", "--level", level.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(level + ": the solver searches puzzle levels; arena is an arena level");
    }

    @Test
    void helpListsSolve() {
        assertThat(run("--help").out()).contains("solve");
        CliRun help = run("solve", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("--max-moves").contains("--max-states").contains("--json");
    }
}
