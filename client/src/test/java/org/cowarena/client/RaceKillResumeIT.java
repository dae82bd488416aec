package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cowarena.protocol.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server jar hosting a race, killed with SIGKILL mid-race, restarted with
 * {@code --resume}: every finished result and every attempt in progress is still there,
 * players get their attempt back with their token, and {@code results} reads the journal.
 */
class RaceKillResumeIT {
    @TempDir
    Path dir;

    private final List<Process> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(Process::destroyForcibly);
    }

    private Process java(Path log, String... args) throws IOException {
        Path jar = Path.of(System.getProperty("cowarena.serverJar")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        servers.add(p);
        return p;
    }

    private Process serve(int port, Path log, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", "--port", Integer.toString(port), "--discovery-port", "0"));
        args.addAll(List.of(more));
        Process p = java(log, args.toArray(new String[0]));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(log, StandardCharsets.UTF_8).contains("room RACE")) {
            assertThat(p.isAlive()).as(Files.readString(log, StandardCharsets.UTF_8)).isTrue();
            assertThat(System.nanoTime()).as("the server started within 30 s").isLessThan(deadline);
            p.waitFor(20, TimeUnit.MILLISECONDS);
        }
        return p;
    }

    private static int[] best(Messages.Leaderboard board, int level, int player) {
        int[] b = new int[4];
        System.arraycopy(board.levels[level].best, player * 4, b, 0, 4);
        return b;
    }

    @Test
    void aRaceServerKilledMidRaceResumesWithEveryResultAndAttempt() throws Exception {
        Path journal = dir.resolve("journal");
        int port = TestServer.freePort();
        Process first = serve(port, dir.resolve("first.log"), "--race", "campaign/01-fork,campaign/02-cow-copy",
                "--journal", journal.toString());

        RaceClient ann = RaceClient.join(port, "ann", null, false);
        RaceClient ben = RaceClient.join(port, "ben", null, false);
        RaceClient cal = RaceClient.join(port, "cal", null, false);
        // ann solves both levels; ben solves level 0 the naive way; cal is midway through level 0.
        for (String m : List.of("fork 1", "fork 1")) {
            assertThat(ann.play(m)).isTrue();
        }
        ann.attempt(1);
        assertThat(ann.play("write 2 3 X")).isTrue();
        for (String m : List.of("fork 1", "read 2 3", "fork 1")) {
            assertThat(ben.play(m)).isTrue();
        }
        assertThat(cal.play("fork 1")).isTrue();
        ann.until(() -> ann.leaderboard.levels[0].solved[1], 5000, "ben's result on the leaderboard");
        Messages.Leaderboard before = ann.leaderboard;

        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        for (RaceClient c : List.of(ann, ben, cal)) {
            c.until(() -> c.closed, 10_000, "the client to see the server go");
            c.close();
        }

        serve(port, dir.resolve("second.log"), "--resume", journal.toString());
        RaceClient cal2 = RaceClient.join(port, "cal", cal.welcome.token, false);
        assertThat(cal2.refusal).isNull();
        assertThat(cal2.state.level).isZero();
        assertThat(cal2.state.moves).containsExactly("fork 1");
        assertThat(cal2.state.state).isEqualTo("running");
        for (int l = 0; l < 2; l++) {
            for (int p = 0; p < 3; p++) {
                assertThat(best(cal2.leaderboard, l, p)).isEqualTo(best(before, l, p));
                assertThat(cal2.leaderboard.levels[l].solved[p]).isEqualTo(before.levels[l].solved[p]);
            }
        }
        assertThat(best(cal2.leaderboard, 0, 0)).containsExactly(2, 0, 4, 3);
        assertThat(best(cal2.leaderboard, 0, 1)).containsExactly(3, 0, 4, 2);
        assertThat(cal2.play("fork 1")).isTrue();
        assertThat(cal2.acks.get(0).solved).isTrue();
        assertThat(cal2.acks.get(0).index).isEqualTo(2);
        try (RaceClient taken = RaceClient.join(port, "ann", null, false)) {
            assertThat(taken.refusal).contains("taken");
        }
        cal2.close();

        Path log = dir.resolve("results.log");
        Process results = java(log, "results", "--journal", journal.toString());
        assertThat(results.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(results.exitValue()).as(Files.readString(log)).isZero();
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String[] cells = line.split(",", -1);
            if (cells.length == 10 && cells[8].matches("[0-9]+")) {
                cells[8] = "TIME";
            }
            rows.add(String.join(",", cells));
        }
        assertThat(rows).containsExactly(
                "player,level,solved,moves,copies,peak_frames,stars,attempts,time_to_solve_ms,solution",
                row("ann", "fork", true, "2,0,4,3,1", "fork 1; fork 1"),
                row("ann", "cow-copy", true, "1,1,5,3,1", "write 2 3 X"),
                row("ben", "fork", true, "3,0,4,2,1", "fork 1; read 2 3; fork 1"),
                "ben,cow-copy,false,-1,-1,-1,0,0,-1,",
                row("cal", "fork", true, "2,0,4,3,1", "fork 1; fork 1"),
                "cal,cow-copy,false,-1,-1,-1,0,0,-1,");
    }

    /** A CSV row whose time to solve is whatever the race clock said. */
    private static String row(String player, String level, boolean solved, String metrics, String solution) {
        return player + "," + level + "," + solved + "," + metrics + ",TIME," + solution;
    }
}
