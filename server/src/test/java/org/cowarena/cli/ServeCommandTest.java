package org.cowarena.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServeCommandTest {
    private static CliRun serve(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(all);
    }

    @Test
    void badOptionsAreRefusedWithOneLineAndStatusTwo() {
        assertThat(serve().err()).contains("name a level with --level");
        assertThat(serve("--level", "campaign/01-fork", "--bot", "smart").err()).contains("random, greedy");
        assertThat(serve("--level", "campaign/01-fork", "--max-moves", "100000").err()).contains("at most 5000");
        assertThat(serve("--level", "campaign/01-fork", "--codes", "A B").err()).contains("letters and digits");
        CliRun missing = serve("--level", "campaign/99-none");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("99-none").doesNotContain("Exception");
    }

    @Test
    void theServerJarSaysWhereSshPlayIsWithTheLineToRun() {
        CliRun ssh = serve("--ssh", "2222", "--level", "arena/first-touch", "--ssh-password", "moo");
        assertThat(ssh.status()).isEqualTo(2);
        assertThat(ssh.err()).contains("SSH play is in cowarena.jar")
                .contains("java -jar cowarena.jar serve --ssh 2222 --level arena/first-touch --ssh-password moo")
                .doesNotContain("Exception");
        assertThat(serve("--level", "arena/first-touch", "--ssh-password", "moo").err())
                .contains("--ssh-password is the password of --ssh PORT");
        assertThat(serve("--ssh", "0").err()).contains("--ssh PORT is between 1 and 65535");
    }

    @Test
    void tournamentOptionsAreChecked() {
        assertThat(serve("--tournament", "arena/first-touch", "--level", "arena/first-touch").err())
                .contains("--tournament plays its own levels");
        assertThat(serve("--tournament", "arena/first-touch", "--players", "1").err()).contains("at least 2");
        CliRun puzzle = serve("--tournament", "campaign/01-fork", "--players", "4", "--discovery-port", "0");
        assertThat(puzzle.status()).isEqualTo(2);
        assertThat(puzzle.err()).contains("at least 2 seats").doesNotContain("Exception");
    }

    @Test
    void aTournamentDirectoryThatCannotBeResumedIsRefusedInOneLine(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("tournament.schedule"), "1 R1M1 first-touch ann bob\n");
        CliRun old = serve("--resume", dir.toString(), "--discovery-port", "0");
        assertThat(old.status()).isEqualTo(2);
        assertThat(old.err()).isEqualTo("serve: " + dir + " holds tournament.schedule but no tournament.draw (a server"
                + " of an older version drew it): the tournament cannot be resumed" + System.lineSeparator());
        java.nio.file.Files.delete(dir.resolve("tournament.schedule"));
        java.nio.file.Files.writeString(dir.resolve("tournament.draw"),
                "# cowarena tournament 1\nseed 1\nplayers 4\nbot greedy\nmax-moves 2000\nlevel 1 first-touch\n");
        java.nio.file.Files.writeString(dir.resolve("tournament-1.level.yaml"), java.nio.file.Files.readString(
                java.nio.file.Path.of("../levels/arena/first-touch.yaml")));
        CliRun undrawn = serve("--resume", dir.toString(), "--discovery-port", "0");
        assertThat(undrawn.status()).isEqualTo(2);
        assertThat(undrawn.err()).isEqualTo("serve: " + dir + ": the tournament was stopped before its draw (waiting"
                + " for 4 players): no match was played; start it again with serve --tournament"
                + System.lineSeparator());
        assertThat(serve("--tournament", "arena/first-touch", "--resume", dir.toString()).err())
                .contains("a resumed tournament plays the levels of its draw: drop --tournament");
    }

    @Test
    void resumingFromADirectoryWithoutJournalsSaysSo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path empty) {
        CliRun run = serve("--resume", empty.toString(), "--discovery-port", "0");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("no journal to resume from");
    }
}
