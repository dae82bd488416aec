package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.ServeConfig;
import org.cowarena.tournament.Standings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built client jar, run as a teacher's script would: a headless bot plays a whole game, or a tournament. */
class ClientJarIT {
    @TempDir
    Path dir;

    private record Run(int status, String out) {
    }

    private Run client(String... args) throws Exception {
        Path out = dir.resolve("out.txt");
        return finish(start(out, args), out);
    }

    private Process start(Path out, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("cowarena.clientJar")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
    }

    private static Run finish(Process p, Path out) throws Exception {
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

    @Test
    void botClientsPlayATournamentToTheFinalTableAndExitZero() throws Exception {
        int port = TestServer.freePort();
        ServeConfig config = ServeConfig.defaults(List.of(LevelText.resolve("arena/first-touch")))
                .withPlayers(3).withPorts(port, 0);
        List<String> log = new CopyOnWriteArrayList<>();
        GameServer server = GameServer.createTournament(config, log::add);
        server.start();
        try {
            List<Process> clients = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                clients.add(start(dir.resolve("p" + i + ".txt"), "--connect", "127.0.0.1:" + port, "--name", "p" + i,
                        "--bot", i == 0 ? "greedy" : "random", "--seed", String.valueOf(i + 1)));
            }
            Standings table = server.tournamentFinished().get(60, TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                Run run = finish(clients.get(i), dir.resolve("p" + i + ".txt"));
                assertThat(run.status()).as(run.out()).isZero();
                List<String> lines = run.out().lines().toList();
                assertThat(lines).as(run.out()).anyMatch(l -> l.startsWith("round 3 of 3: room R3M"))
                        .anyMatch(l -> l.matches("round \\d of 3: room R\\dM\\d, first-touch, .* \\+ 1 bot"))
                        .doesNotContain("lost the connection to the server").noneMatch(l -> l.contains("Exception"));
                int last = lines.indexOf("final standings after 3 rounds (" + Standings.POINTS_RULE + "):");
                assertThat(last).as("the final table ends the output:\n" + run.out()).isEqualTo(lines.size() - 5);
                for (int r = 0; r < 3; r++) {
                    Standings.Row row = table.rows().get(r);
                    assertThat(lines.get(last + 2 + r)).startsWith(String.format(Locale.ROOT,
                            "%5d  %-16s %7d %6d %8d %14d", row.place(), row.player(), row.matches(), row.points(),
                            row.jobsMet(), row.charged()));
                }
            }
        } finally {
            server.close();
        }
    }
}
