package org.cowarena.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cowarena.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code play} and {@code validate} run in-process, with their output captured. */
class PlayCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void jsonHasOneLinePerMoveThenTheFinalObject() throws Exception {
        Path moves = file("m.moves", "fork 1\n# a comment\n\nwrite 9 1 X\nwrite 2 3 X\n");
        CliRun run = run("play", "--level", "campaign/02-cow-copy", "--moves", moves.toString(), "--json");
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.lines();
        assertThat(lines).hasSize(4);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.toString()).isEqualTo(
                "{\"type\":\"move\",\"n\":1,\"move\":\"fork 1\",\"ok\":true,\"events\":[{\"type\":\"fork\","
                        + "\"pid\":1,\"child\":3}]}");
        assertThat(lines.get(1)).isEqualTo(
                "{\"type\":\"move\",\"n\":2,\"move\":\"write 9 1 X\",\"ok\":false,\"error\":\"no process 9\","
                        + "\"events\":[]}");
        JsonNode copy = JSON.readTree(lines.get(2));
        assertThat(copy.get("events").findValuesAsText("type")).containsExactly("alloc", "cow-copy");
        JsonNode last = JSON.readTree(lines.get(3));
        assertThat(last.get("type").asText()).isEqualTo("final");
        assertThat(last.get("stats").get("copies").asInt()).isEqualTo(1);
        assertThat(last.get("stats").get("rejected").asInt()).isEqualTo(1);
        assertThat(last.get("frames").get("total").asInt()).isEqualTo(5);
        assertThat(last.get("goal").get("met").asBoolean()).isFalse(); // three shells run, the goal wants two
        assertThat(last.get("processes")).hasSize(3);
    }

    @Test
    void narrationExplainsEachEventAndEndsWithTheChecklist() throws Exception {
        Path moves = file("m.moves", "write 2 3 X\n");
        CliRun run = run("play", "--level", "campaign/02-cow-copy", "--moves", moves.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("1. write 2 3 X")
                .contains("pid 2 wrote vpn 3, shared with pid 1: copied frame 3 into frame 4")
                .contains("[x] pid 2 page 3 holds X")
                .contains("Goal met: 3 of 3 stars");
    }

    @Test
    void aMalformedMovesFileExitsTwoNamingLineAndColumn() throws Exception {
        Path moves = file("bad.moves", "fork 1\nwrite 2 x X\n");
        CliRun run = run("play", "--level", "campaign/01-fork", "--moves", moves.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo(moves + ":2:9: expected a vpn (a decimal number), found \"x\"");
    }

    @Test
    void aMissingMovesFileExitsTwo() {
        CliRun run = run("play", "--level", "campaign/01-fork", "--moves", dir.resolve("none.moves").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("none.moves").contains("no such file").doesNotContain("Exception");
    }

    @Test
    void aBrokenLevelExitsTwoNamingFileLineAndColumn() throws Exception {
        Path level = file("broken.yaml", "format: 1\nid: x\ntitle: X\nmemory: {frames: 4, colour: red}\n");
        Path moves = file("m.moves", "pass\n");
        CliRun run = run("play", "--level", level.toString(), "--moves", moves.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines()).contains(level + ":4:21: unknown key \"colour\" in memory (allowed: frames,"
                + " oom, hugePage, thpCow, budget, budgets, overcommit, overcommitRatio)");
        assertThat(run.err().lines()).allMatch(l -> l.startsWith(level + ":"));
    }

    @Test
    void validateExitsZeroForTheBundledLevelsAndOneForABrokenOne() throws Exception {
        CliRun ok = run("validate", System.getProperty("cowarena.levelsDir", "../levels"));
        assertThat(ok.status()).as(ok.out()).isZero();
        assertThat(ok.out()).isEmpty();

        Path level = file("broken.yaml", "format: 1\nid: x\ntitle: X\nmemory: {frames: 012}\n");
        CliRun bad = run("validate", level.toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.out()).matches("(?s)" + java.util.regex.Pattern.quote(level.toString()) + ":\\d+:\\d+: .*");
    }

    @Test
    void unknownOptionsAreAUsageErrorWithoutAStackTrace() {
        CliRun run = run("play", "--level", "campaign/01-fork", "--moves", "m.moves", "--levle", "x");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--levle").doesNotContain("\tat ");
    }

    @Test
    void helpDescribesBothCommands() {
        CliRun run = run("--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("play").contains("validate");
    }
}
