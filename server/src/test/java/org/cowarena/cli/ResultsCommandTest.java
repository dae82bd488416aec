package org.cowarena.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cowarena.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCommandTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryWithoutARaceJournalIsReportedInOneLine() {
        CliRun r = run("results", "--journal", dir.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("no race journal").doesNotContain("Exception");
    }

    @Test
    void aDamagedJournalNamesItsLine() throws Exception {
        Files.writeString(dir.resolve("race.moves"), "# cowarena race 1\nann: fork 1\n");
        CliRun r = run("results", "--journal", dir.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("race.moves:2: no \"# level\" line");
    }

    @Test
    void serveTakesARaceOrLevelsNotBoth() {
        CliRun r = run("serve", "--race", "campaign/01-fork", "--level", "campaign/01-fork", "--port", "1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("choose one");
        assertThat(run("serve", "--race", "campaign/99-nothing").err()).contains("99-nothing");
    }
}
