package org.cowarena.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built fat jar, run as a user would, from a directory that holds no levels. */
class ServerJarIT {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private Run java(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("cowarena.serverJar")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the jar finished within a minute").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void playsABundledLevelWithItsReferenceSolution() throws Exception {
        Path moves = Files.writeString(dir.resolve("s.moves"), "exit 2\nwrite 1 2 X\n");
        Run run = java("play", "--level", "campaign/03-last-sharer", "--moves", moves.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains("\"type\":\"cow-reuse\"");
        assertThat(lines.get(2)).contains("\"goal\":{\"met\":true,\"stars\":3}");
    }

    @Test
    void playsALevelFileByPath() throws Exception {
        Path level = Path.of(System.getProperty("cowarena.levelsDir"), "campaign", "01-fork.yaml").toAbsolutePath();
        Path moves = Files.writeString(dir.resolve("s.moves"), "fork 1\nfork 1\n");
        Run run = java("play", "--level", level.toString(), "--moves", moves.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("pid 1 forked pid 2").contains("Goal met: 3 of 3 stars");
    }

    @Test
    void badInputExitsTwoWithOneLineAndNoStackTrace() throws Exception {
        Path moves = Files.writeString(dir.resolve("bad.moves"), "jump 1\n");
        Run run = java("play", "--level", "campaign/01-fork", "--moves", moves.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly(moves + ":1:1: unknown move \"jump\": fork,"
                + " vfork, exec, write, read, exit, madvise or pass");

        Run missing = java("play", "--level", "campaign/99-none", "--moves", moves.toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("99-none").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void validateAcceptsTheBundledLevelsAndRejectsABrokenOne() throws Exception {
        Run ok = java("validate", Path.of(System.getProperty("cowarena.levelsDir")).toAbsolutePath().toString());
        assertThat(ok.status()).as(ok.out() + ok.err()).isZero();

        Path broken = Files.writeString(dir.resolve("broken.yaml"),
                "format: 1\nid: broken\ntitle: Broken\nmemory: {frames: 4}\nprograms:\n  p: {text: 1}\n"
                        + "processes:\n  - {pid: 1, program: wrker}\n");
        Run bad = java("validate", broken.toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.out()).startsWith(broken + ":8:").contains("wrker");
    }

    @Test
    void helpAndVersionWork() throws Exception {
        Run help = java("play", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("--level").contains("--moves").contains("--json");
        Run version = java("--version");
        assertThat(version.status()).isZero();
        assertThat(version.out()).contains("COW Arena");
    }
}
