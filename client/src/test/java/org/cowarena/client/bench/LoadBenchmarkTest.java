package org.cowarena.client.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load benchmark behind the README's latency figures still measures what it says: a short
 * run of 8 bot clients on loopback with journals plays moves, times each one until every
 * client of its room has it, pings Kryonet, and the journals hold every move. No figure is
 * judged here: the README's are measured by hand on a quiet machine.
 */
class LoadBenchmarkTest {
    @TempDir
    Path journals;

    @Test
    void aShortRunWithJournalsMeasuresMovesAndPings() throws Exception {
        LoadBenchmark.Figures f = LoadBenchmark.measure(8, 1, 64, 4, 20, Optional.of(journals), 100, 500);

        assertThat(f.failedBots()).isZero();
        assertThat(f.resyncs()).as("every client's replica kept the server's digest").isZero();
        assertThat(f.latencies()).as("moves timed in the measured second").isNotEmpty();
        assertThat(f.latencies()[0]).as("the shortest time is a time").isPositive();
        assertThat(f.pings()).as("each client pings every 100 ms").hasSizeGreaterThanOrEqualTo(8);
        assertThat(f.meanUpdateBytes()).isPositive().isLessThanOrEqualTo(1024);
        assertThat(f.maxUpdateBytes()).isLessThanOrEqualTo(1024);

        long journaled = 0;
        try (Stream<Path> files = Files.list(journals)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".moves")).toList()) {
                List<String> lines = Files.readAllLines(file);
                journaled += lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
            }
        }
        assertThat(journaled).as("the journals hold at least the moves measured (and those of the warm-up)")
                .isGreaterThanOrEqualTo(f.latencies().length);
    }
}
