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

/**
 * The built client jar, killed with SIGKILL while it holds a seat and started again with the
 * same name: it reclaims its seat with the token it kept and plays the game to its end.
 */
class SeatReclaimIT {
    @TempDir
    Path dir;

    private Process client(Path out, int port) throws Exception {
        Path jar = Path.of(System.getProperty("cowarena.clientJar")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "--connect", "127.0.0.1:" + port, "--name", "alice", "--bot",
                "greedy"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().put(SeatTokens.DIRECTORY_VARIABLE, dir.resolve("config").toString());
        return pb.start();
    }

    @Test
    void aClientKilledAndStartedAgainWithTheSameNameTakesItsSeatBack() throws Exception {
        try (TestServer t = TestServer.start(c -> c.withPlayers(1).withTimers(120_000, 120_000))) {
            Process first = client(dir.resolve("first.txt"), t.port);
            Path kept = dir.resolve("config").resolve(SeatTokens.FILE);
            Waits.until(() -> Files.exists(kept) && t.room(0).players() == 1, 30_000, "alice seated, her token kept");
            first.destroyForcibly(); // SIGKILL: nothing of the client's runs after this
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();

            Path out = dir.resolve("second.txt");
            Process second = client(out, t.port);
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("the second run ended within a minute").isTrue();
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(second.exitValue()).as(text).isZero();
            assertThat(text).contains("as alice, seat 0 (red)").contains("game over: alice (red) #")
                    .doesNotContain("is taken");
            assertThat(t.room(0).over()).isTrue();
        }
    }
}
