package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built client jar, run as a teacher's script would: a headless bot plays a whole game. */
class ClientJarIT {
    @TempDir
    Path dir;

    private record Run(int status, String out) {
    }

    private Run client(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("cowarena.clientJar")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the client finished within a minute").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void aBotClientPlaysAGameToTheEndAndExitsZero() throws Exception {
        try (TestServer t = TestServer.start(c -> c.withPlayers(1))) {
            Run run = client("--connect", "127.0.0.1:" + t.port, "--name", "alice", "--bot", "greedy");
            assertThat(run.status()).as(run.out()).isZero();
            assertThat(run.out()).contains("joined room").contains("as alice, seat 0 (red)")
                    .contains("30. blue: ").contains("game over: alice (red) #");
            assertThat(t.room(0).over()).isTrue();
        }
    }

    @Test
    void usageErrorsExitTwoAndALostServerExitsThree() throws Exception {
        // without --bot a person plays on the board, which needs a name to join
        Run noName = client("--connect", "127.0.0.1:1");
        assertThat(noName.status()).isEqualTo(2);
        assertThat(noName.out()).contains("--name");
        Run badBot = client("--connect", "127.0.0.1:1", "--name", "x", "--bot", "smart");
        assertThat(badBot.status()).isEqualTo(2);
        assertThat(badBot.out()).contains("random, greedy");
        Run badPort = client("--connect", "localhost:99999", "--name", "x", "--bot", "random");
        assertThat(badPort.status()).isEqualTo(2);
        Run nobody = client("--connect", "127.0.0.1:" + TestServer.freePort(), "--name", "x", "--bot", "random");
        assertThat(nobody.status()).isEqualTo(3);
        assertThat(nobody.out()).contains("cannot connect").doesNotContain("Exception");
    }
}
