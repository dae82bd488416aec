package org.cowarena.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.cowarena.level.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved solutions: the best play per level and metric survives runs, is owner-only, and bad files are ignored. */
class SolutionsTest {
    private static final String LEVEL = "campaign/02-cow-copy";
    private static final List<String> METRICS = Solutions.METRICS;

    @TempDir
    Path dir;

    private static Metrics metrics(int moves, int copies, int peak) {
        return new Metrics(moves, copies, copies, peak, copies + 1, 0, 0, 0);
    }

    @Test
    void eachMetricKeepsItsOwnBestPlay() {
        Solutions s = new Solutions(dir);
        assertThat(s.record(LEVEL, METRICS, metrics(3, 1, 6), List.of("fork 1", "write 2 3 X", "pass")).better())
                .containsExactly("moves", "peakFrames", "copies");
        // fewer copies but more moves and a higher peak: the best by copies only
        assertThat(s.record(LEVEL, METRICS, metrics(4, 0, 7), List.of("fork 1", "exit 2", "write 1 3 X", "pass"))
                .better()).containsExactly("copies");
        // as good on the peak in fewer moves: replaces the best by peak (and by moves)
        assertThat(s.record(LEVEL, METRICS, metrics(2, 1, 6), List.of("fork 1", "write 2 3 X")).better())
                .containsExactly("moves", "peakFrames");
        // worse on everything: nothing changes
        assertThat(s.record(LEVEL, METRICS, metrics(5, 2, 8), List.of("a", "b", "c", "d", "e")).better()).isEmpty();

        Map<String, Solutions.Saved> best = new Solutions(dir).best(LEVEL, METRICS);
        assertThat(best.keySet()).containsExactly("moves", "peakFrames", "copies");
        assertThat(best.get("moves").moves()).containsExactly("fork 1", "write 2 3 X");
        assertThat(best.get("peakFrames").metrics()).isEqualTo(metrics(2, 1, 6));
        assertThat(best.get("copies").moves()).containsExactly("fork 1", "exit 2", "write 1 3 X", "pass");
        assertThat(best.get("copies").file()).isEqualTo(dir.resolve("solutions/campaign/02-cow-copy/copies.moves"));
    }

    @Test
    void aSavedSolutionIsAMovesFileNamingItsLevel() throws Exception {
        Solutions s = new Solutions(dir);
        s.record(LEVEL, METRICS, metrics(2, 1, 6), List.of("fork 1", "write 2 3 X"));
        String text = Files.readString(dir.resolve("solutions/campaign/02-cow-copy/moves.moves"));
        assertThat(text).contains("# level campaign/02-cow-copy\n")
                .contains("# metrics moves=2 copies=1 framesCopied=1 peakFrames=6 faults=2 rejected=0 reclaims=0"
                        + " majorFaults=0\n")
                .endsWith("fork 1\nwrite 2 3 X\n");
    }

    @Test
    void filesAndDirectoriesAreTheOwnersAlone() throws Exception {
        Path config = dir.resolve("cowarena");
        Progress.load(config).record(LEVEL, 2);
        new Solutions(config).record(LEVEL, METRICS, metrics(2, 1, 6), List.of("fork 1", "write 2 3 X"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.resolve("progress.properties"))))
                .isEqualTo("rw-------");
        Path level = config.resolve("solutions/campaign/02-cow-copy");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(level))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(level.resolve("moves.moves"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aFileEditedIntoNonsenseIsAsIfNoneWereSaved() throws Exception {
        Solutions s = new Solutions(dir);
        s.record(LEVEL, METRICS, metrics(2, 1, 6), List.of("fork 1", "write 2 3 X"));
        Path file = dir.resolve("solutions/campaign/02-cow-copy/moves.moves");
        Files.writeString(file, "# metrics moves=2\nfork one\n");
        assertThat(s.read(LEVEL, "moves")).isEmpty();
        Files.writeString(file, "# metrics moves=5 copies=1 framesCopied=1 peakFrames=6 faults=2 rejected=0"
                + " reclaims=0 majorFaults=0\nfork 1\n");
        assertThat(s.read(LEVEL, "moves")).as("the move count disagrees with the moves").isEmpty();
        // and a worse play is saved over it
        assertThat(s.record(LEVEL, METRICS, metrics(3, 1, 6), List.of("fork 1", "pass", "write 2 3 X")).better())
                .contains("moves");
    }

    @Test
    void theMetricsKeptAreTheUsualThreeAndThoseTheStarsName() {
        assertThat(Solutions.metricsOf(Map.of("moves", 4, "majorFaults", 0)))
                .containsExactly("moves", "peakFrames", "copies", "majorFaults");
    }
}
