package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cowarena.bot.Greedy;
import org.cowarena.move.Move;
import org.cowarena.protocol.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server jar, killed with SIGKILL mid-game right after acknowledging a move,
 * restarted with {@code --resume}: the players reclaim their seats with their tokens and
 * the game completes with every acknowledged move in place.
 */
class KillResumeIT {
    @TempDir
    Path dir;

    private final List<Process> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(Process::destroyForcibly);
    }

    private Process serve(int port, Path log, String... more) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("cowarena.serverJar")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "serve", "--port", Integer.toString(port),
                "--discovery-port", "0", "--turn-seconds", "120", "--grace-seconds", "120"));
        command.addAll(List.of(more));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        servers.add(p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(log, StandardCharsets.UTF_8).contains("room KILL")) {
            assertThat(p.isAlive()).as(Files.readString(log, StandardCharsets.UTF_8)).isTrue();
            assertThat(System.nanoTime()).as("the server started within 30 s").isLessThan(deadline);
            p.waitFor(20, TimeUnit.MILLISECONDS);
        }
        return p;
    }

    /** The seat whose turn it is plays one greedy move; returns when both players have its delta. */
    private static void playOne(Session[] seats, Greedy[] bots) throws InterruptedException {
        Session mover = seats[seats[0].room().turn()];
        int before = mover.room().index();
        Move move = bots[mover.room().you()].choose(mover.room().game(), mover.welcome().owner);
        mover.play(move.notation());
        for (Session s : seats) {
            Waits.until(s, () -> s.room().index() > before, 10_000, "the move's acknowledgement");
        }
    }

    @Test
    void aServerKilledMidGameResumesFromItsJournalWithNoAcknowledgedMoveLost() throws Exception {
        Path journal = Files.createDirectories(dir.resolve("journal"));
        Path level = Files.writeString(dir.resolve("duel.yaml"), TestServer.DUEL);
        int port = TestServer.freePort();
        Process first = serve(port, dir.resolve("first.log"), "--level", level.toString(), "--codes", "KILL",
                "--journal", journal.toString());

        Session[] seats = {Waits.join(port, "alice", "KILL", false), Waits.join(port, "bob", "KILL", false)};
        Greedy[] bots = {new Greedy(1), new Greedy(2)};
        Waits.until(seats[0], () -> seats[0].room().started(), 5000, "the game to start");
        for (int i = 0; i < 11; i++) {
            playOne(seats, bots);
        }
        List<String> acknowledged = acknowledged(seats[0]);
        assertThat(acknowledged).hasSize(11);

        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        for (Session s : seats) {
            Waits.until(s, s::closed, 10_000, "the client to see the server go");
        }

        serve(port, dir.resolve("second.log"), "--resume", journal.toString());
        // Each player reclaims its own seat with its token; the snapshot holds every move it had seen.
        for (int i = 0; i < 2; i++) {
            Session s = seats[i];
            s.connect(5000);
            Waits.until(s, () -> s.snapshots() == 2 || s.refusal() != null, 5000, "the snapshot after the resume");
            assertThat(s.refusal()).isNull();
            assertThat(s.room().you()).isEqualTo(i);
            assertThat(s.room().index()).isEqualTo(11);
            assertThat(s.resyncs()).isZero();
        }
        while (!seats[0].room().over()) {
            playOne(seats, bots);
        }
        Waits.until(seats[0], () -> seats[0].gameOver() != null, 5000, "the end of the game");
        Waits.until(seats[1], () -> seats[1].gameOver() != null, 5000, "the end of the game");

        List<String> journaled = new ArrayList<>();
        for (String line : Files.readAllLines(journal.resolve("KILL-1.moves"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) {
                journaled.add(line.replaceAll("\\s*#.*", ""));
            }
        }
        assertThat(journaled).startsWith(acknowledged.toArray(new String[0]));
        assertThat(journaled).hasSize(seats[0].room().index());
        assertThat(seats[0].room().digest()).isEqualTo(seats[0].gameOver().digest);
        assertThat(seats[1].room().digest()).isEqualTo(seats[1].gameOver().digest);
        for (Session s : seats) {
            s.close();
        }
    }

    private static List<String> acknowledged(Session s) {
        List<String> moves = new ArrayList<>();
        for (Messages.MoveDelta d : s.deltas()) {
            moves.add(s.room().seat(d.seat) + ": " + d.move);
        }
        return moves;
    }
}
