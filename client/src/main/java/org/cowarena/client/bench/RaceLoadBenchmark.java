package org.cowarena.client.bench;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cowarena.bot.Strategies;
import org.cowarena.bot.Strategy;
import org.cowarena.client.ServerLink;
import org.cowarena.game.Game;
import org.cowarena.level.LevelException;
import org.cowarena.move.Move;
import org.cowarena.protocol.Messages;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.RaceConfig;
import org.cowarena.server.ServeConfig;

/**
 * Race load benchmark: {@code players} race clients against one server on loopback, all in
 * this JVM so one clock times everything. Each player plays random legal moves (chosen on a
 * game of its own) as fast as the server answers: it sends a move, waits for its
 * acknowledgement, sends the next; when its attempt is solved or out of moves it starts a new
 * one. Reports accepted moves per second and the time from a move leaving its client to
 * its acknowledgement (p50/p99), after a warm-up. The server lets a connection send 40
 * messages a second (a flood is cut off), so each player sends at most {@code perSecond}
 * messages a second (moves and new attempts), and otherwise as soon as its last answer came.
 *
 * <pre>java -cp client/target/cowarena.jar org.cowarena.client.bench.RaceLoadBenchmark [players] [seconds]
 *      [perSecond] [level,...] [journalDir]</pre>
 * With a journal directory (it must not hold a race yet), every move is forced to the disk
 * before it is acknowledged, as {@code serve --race ... --journal} does.
 */
public final class RaceLoadBenchmark {
    private static final long WARMUP_NANOS = 3_000_000_000L;

    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger leaderboards = new AtomicInteger();
    private final AtomicBoolean measuring = new AtomicBoolean();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<String> refusalReasons = Collections.synchronizedList(new ArrayList<>());
    private final long gapNanos;

    private RaceLoadBenchmark(int perSecond) {
        this.gapNanos = 1_000_000_000L / perSecond;
    }

    /** Waits until {@code gapNanos} after the last send: the player stays under the server's rate limit. */
    private long pace(long last) throws InterruptedException {
        long wait = last + gapNanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        return System.nanoTime();
    }

    public static void main(String[] args) throws Exception {
        int players = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int perSecond = args.length > 2 ? Integer.parseInt(args[2]) : 35;
        String levels = args.length > 3 ? args[3] : "campaign/06-zero-page,campaign/07-exec-vs-write";
        Optional<Path> journal = args.length > 4 ? Optional.of(Path.of(args[4])) : Optional.empty();
        new RaceLoadBenchmark(perSecond).run(players, seconds, List.of(levels.split(",")), journal);
    }

    private void run(int players, int seconds, List<String> ids, Optional<Path> journal) throws Exception {
        List<LevelText> levels = new ArrayList<>();
        for (String id : ids) {
            levels.add(LevelText.resolve(id));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        if (journal.isPresent()) {
            Files.createDirectories(journal.get());
        }
        ServeConfig config = ServeConfig.defaults(List.of()).withPorts(port, 0).withJournal(journal)
                .withLimits(players + 8, 2000);
        GameServer server = GameServer.createRace(config, new RaceConfig(levels, -1, false));
        server.start();
        List<Thread> threads = new ArrayList<>();
        try {
            for (int p = 0; p < players; p++) {
                int player = p;
                Thread t = new Thread(() -> play(port, player, levels), "player-" + p);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            Thread.sleep(WARMUP_NANOS / 1_000_000);
            measuring.set(true);
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            measuring.set(false);
            double elapsed = (System.nanoTime() - start) / 1e9;
            stop.set(true);
            for (Thread t : threads) {
                t.join(5000);
            }
            report(players, elapsed, journal);
        } finally {
            server.close();
        }
    }

    private void play(int port, int player, List<LevelText> levels) {
        ServerLink link = new ServerLink();
        try {
            link.connect("127.0.0.1", port, 10_000);
            link.send(new Messages.Hello(String.format("p%03d", player), null, null, false));
            Strategy random = Strategies.create("random", 7919L * player + 1);
            int level = player % levels.size();
            Game game = null;
            int seq = 0;
            boolean needAttempt = true;
            long last = 0;
            while (!stop.get()) {
                if (needAttempt) {
                    last = pace(last);
                    link.send(new Messages.RaceAttempt(level));
                    Messages.RaceState state = awaitState(link, level);
                    if (state == null) {
                        return;
                    }
                    game = Game.start(levels.get(level).level());
                    attempts.incrementAndGet();
                    needAttempt = false;
                }
                Move move = random.choose(game, game.kernel().processes().get(0).owner());
                last = pace(last);
                long sent = System.nanoTime();
                link.send(new Messages.PlayMove(++seq, move.notation()));
                Object answer = awaitAnswer(link);
                long took = System.nanoTime() - sent;
                if (answer instanceof Messages.RaceAck ack) {
                    game.play(move);
                    if (measuring.get()) {
                        accepted.incrementAndGet();
                        latencies.add(took);
                    }
                    needAttempt = ack.solved || game.movesLeft() == 0;
                } else if (answer instanceof Messages.MoveRefused r) {
                    refused.incrementAndGet();
                    if (refusalReasons.size() < 5) {
                        refusalReasons.add(r.reason);
                    }
                    needAttempt = true;
                } else {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException | LevelException e) {
            System.err.println("player " + player + ": " + e.getMessage());
        } finally {
            link.close();
        }
    }

    private Messages.RaceState awaitState(ServerLink link, int level) throws InterruptedException {
        while (!stop.get()) {
            Object m = link.poll(100);
            if (m == ServerLink.CLOSED) {
                return null;
            }
            count(m);
            if (m instanceof Messages.RaceState s && s.level == level) {
                return s;
            }
        }
        return null;
    }

    private Object awaitAnswer(ServerLink link) throws InterruptedException {
        while (!stop.get()) {
            Object m = link.poll(100);
            if (m == ServerLink.CLOSED) {
                return null;
            }
            count(m);
            if (m instanceof Messages.RaceAck || m instanceof Messages.MoveRefused) {
                return m;
            }
        }
        return null;
    }

    private void count(Object m) {
        if (m instanceof Messages.Leaderboard && measuring.get()) {
            leaderboards.incrementAndGet();
        }
    }

    private void report(int players, double seconds, Optional<Path> journal) {
        List<Long> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%d race players at most %d messages/s each, %.1f s measured after %d s of"
                + " warm-up%s%n", players, 1_000_000_000L / gapNanos, seconds, WARMUP_NANOS / 1_000_000_000L, journal.map(j -> ", journal " + j).orElse(", no journal"));
        System.out.printf(Locale.ROOT, "accepted moves: %d (%.0f/s); refused: %d; attempts started: %d;"
                + " leaderboards received: %d%n", accepted.get(), accepted.get() / seconds, refused.get(),
                attempts.get(), leaderboards.get());
        if (!sorted.isEmpty()) {
            System.out.printf(Locale.ROOT, "move sent -> acknowledged: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    pct(sorted, 0.50), pct(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
        }
        if (!refusalReasons.isEmpty()) {
            System.out.println("first refusals: " + refusalReasons);
        }
    }

    private static double pct(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
