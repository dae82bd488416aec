package org.cowarena.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCommandTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ServerCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aDirectoryWithoutARaceJournalIsReportedInOneLine() {
        Run r = run("results", "--journal", dir.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("no race journal").doesNotContain("Exception");
    }

    @Test
    void aDamagedJournalNamesItsLine() throws Exception {
        Files.writeString(dir.resolve("race.moves"), "# cowarena race 1\nann: fork 1\n");
        Run r = run("results", "--journal", dir.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("race.moves:2: no \"# level\" line");
    }

    @Test
    void serveTakesARaceOrLevelsNotBoth() {
        Run r = run("serve", "--race", "campaign/01-fork", "--level", "campaign/01-fork", "--port", "1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("choose one");
        assertThat(run("serve", "--race", "campaign/99-nothing").err()).contains("99-nothing");
    }
}
