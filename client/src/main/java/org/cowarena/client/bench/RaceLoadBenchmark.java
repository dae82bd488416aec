package org.cowarena.client.bench;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>After the run the leaderboard is checked: each player keeps, on its own game, the best
 * of each metric over the attempts the server said it solved; a spectator then joins and the
 * leaderboard it gets must show exactly those bests (solved or not, each metric) and
 * histograms that count them. The benchmark exits 1 when it does not.
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
    /** Per player name, per level: its best moves, copies, peak frames and stars, as it saw its solves; null unsolved. */
    private final Map<String, int[][]> bests = new ConcurrentHashMap<>();
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
            int wrong = checkLeaderboard(port, levels.size());
            if (wrong > 0) {
                System.exit(1);
            }
        } finally {
            server.close();
        }
    }

    private void play(int port, int player, List<LevelText> levels) {
        ServerLink link = new ServerLink();
        try {
            link.connect("127.0.0.1", port, 10_000);
            String name = String.format("p%03d", player);
            int[][] mine = new int[levels.size()][];
            bests.put(name, mine);
            link.send(new Messages.Hello(name, null, null, false));
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
                    if (ack.solved) {
                        keepBest(mine, level, game);
                    }
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

    /** Moves, copies and peak frames: fewer is better; stars: more. */
    private static void keepBest(int[][] mine, int level, Game game) {
        int[] result = {game.metrics().moves(), game.metrics().copies(), game.metrics().peakFrames(),
                game.score().stars()};
        if (mine[level] == null) {
            mine[level] = result;
            return;
        }
        for (int m = 0; m < result.length; m++) {
            mine[level][m] = m == 3 ? Math.max(mine[level][m], result[m]) : Math.min(mine[level][m], result[m]);
        }
    }

    /** Compares a spectator's leaderboard with the players' own bests; prints and returns the differences. */
    private int checkLeaderboard(int port, int levelCount) throws Exception {
        ServerLink link = new ServerLink();
        Messages.Leaderboard board = null;
        try {
            link.connect("127.0.0.1", port, 10_000);
            link.send(new Messages.Hello("checker", null, null, true));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (board == null && System.nanoTime() < deadline) {
                Object m = link.poll(100);
                if (m instanceof Messages.Leaderboard b) {
                    board = b;
                }
            }
        } finally {
            link.close();
        }
        if (board == null) {
            System.out.println("leaderboard: none came to a spectator");
            return 1;
        }
        List<String> wrong = new ArrayList<>();
        int metrics = board.metrics.length;
        int solves = 0;
        for (int l = 0; l < levelCount; l++) {
            Messages.LevelBoard level = board.levels[l];
            Map<Integer, Map<Integer, Integer>> counted = new TreeMap<>();
            for (int p = 0; p < board.players.length; p++) {
                int[][] mine = bests.get(board.players[p]);
                int[] expected = mine == null ? null : mine[l];
                if (expected != null) {
                    solves++;
                    for (int m = 0; m < metrics; m++) {
                        counted.computeIfAbsent(m, k -> new TreeMap<>()).merge(expected[m], 1, Integer::sum);
                    }
                }
                int[] shown = java.util.Arrays.copyOfRange(level.best, p * metrics, (p + 1) * metrics);
                if (level.solved[p] != (expected != null)
                        || expected != null && !java.util.Arrays.equals(shown, expected)) {
                    wrong.add(board.players[p] + " on " + level.level + ": shown " + java.util.Arrays.toString(shown)
                            + ", played " + java.util.Arrays.toString(expected));
                }
            }
            for (int m = 0; m < metrics; m++) {
                Messages.Histogram h = level.histograms[m];
                Map<Integer, Integer> shown = new TreeMap<>();
                for (int i = 0; i < h.values.length; i++) {
                    shown.put(h.values[i], h.counts[i]);
                }
                if (!shown.equals(counted.getOrDefault(m, Map.of()))) {
                    wrong.add(level.level + " histogram of " + h.metric + ": shown " + shown + ", played "
                            + counted.getOrDefault(m, Map.of()));
                }
            }
        }
        System.out.printf(Locale.ROOT, "leaderboard: %d players x %d levels (%d solved) checked against the players'"
                + " own solves: %s%n", board.players.length, levelCount, solves, wrong.isEmpty() ? "all equal"
                : wrong.size() + " differ");
        wrong.stream().limit(10).forEach(w -> System.out.println("  " + w));
        return wrong.size();
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

    /** The answer to the move in flight, even after the stop: a solve the server counted is the player's too. */
    private Object awaitAnswer(ServerLink link) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
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
                    Percentile.millis(sorted, 0.50), Percentile.millis(sorted, 0.99),
                    sorted.get(sorted.size() - 1) / 1e6);
        }
        if (!refusalReasons.isEmpty()) {
            System.out.println("first refusals: " + refusalReasons);
        }
    }
}
