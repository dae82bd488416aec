package org.cowarena.client.bench;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryonet.Connection;
import com.esotericsoftware.kryonet.FrameworkMessage;
import com.esotericsoftware.kryonet.Listener;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cowarena.bot.Strategies;
import org.cowarena.bot.Strategy;
import org.cowarena.client.ServerLink;
import org.cowarena.client.Session;
import org.cowarena.move.Move;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Protocol;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.ServeConfig;

/**
 * Load benchmark: {@code clients} bot clients in rooms of four seats against one server on
 * loopback, all in this JVM so one clock times everything. Reports the time from a move
 * leaving its client to the moment every client of the room has its delta (p50/p99),
 * Kryonet's own ping round trip measured in the same run, and the bytes of each move
 * update on the wire. Each room plays at most one move per {@code interval} (a fast
 * classroom: bots, not people), so the server carries a steady load rather than a burst.
 *
 * <pre>java -cp client/target/cowarena.jar org.cowarena.client.bench.LoadBenchmark [clients] [seconds]
 *      [frames] [heapPages] [intervalMillis] [journalDir|-] [pingMillis]</pre>
 * With a journal directory, every move is forced to the disk before it is acknowledged, as
 * {@code serve --journal} does ({@code -}: no journal). Each client also pings Kryonet every
 * {@code pingMillis} (100 by default), to show the transport's own round trip beside the
 * moves'.
 *
 * <p>A client's thread sleeps until a message comes or its next ping or move is due, as a
 * real client does: the load comes from the moves, not from a hundred threads polling.
 */
public final class LoadBenchmark {
    private static final String[] OWNERS = {"red", "blue", "green", "gold"};

    private final int clients;
    private final long runNanos;
    private final long warmupNanos;
    private final long intervalNanos;
    private final int frames;
    private final int heap;
    private final Optional<Path> journal;
    /** Each client pings Kryonet this often, alongside the game: a baseline, not the load. */
    private final long pingNanos;
    /** (room, move index) → the time its move was sent, and how many clients still miss its delta. */
    private final Map<Long, long[]> inFlight = new ConcurrentHashMap<>();
    private final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Long> pings = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong updateBytes = new AtomicLong();
    private final AtomicInteger updates = new AtomicInteger();
    private final AtomicInteger maxUpdateBytes = new AtomicInteger();
    private final AtomicInteger resyncs = new AtomicInteger();
    private final AtomicBoolean measuring = new AtomicBoolean();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger failedBots = new AtomicInteger();

    private LoadBenchmark(int clients, int seconds, int frames, int heap, int intervalMillis, Optional<Path> journal,
            int pingMillis, long warmupMillis) {
        this.journal = journal;
        this.pingNanos = pingMillis * 1_000_000L;
        this.clients = clients;
        this.runNanos = seconds * 1_000_000_000L;
        this.warmupNanos = warmupMillis * 1_000_000L;
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.frames = frames;
        this.heap = heap;
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int frames = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int heap = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int interval = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        Optional<Path> journal = args.length > 5 && !args[5].equals("-") ? Optional.of(Path.of(args[5]))
                : Optional.empty();
        int ping = args.length > 6 ? Integer.parseInt(args[6]) : 100;
        if (clients % OWNERS.length != 0 || seconds < 1 || seconds > 600 || ping < 1) {
            System.err.println("clients must be a multiple of 4; seconds between 1 and 600; ping interval at least 1 ms");
            System.exit(2);
        }
        measure(clients, seconds, frames, heap, interval, journal, ping, 3000).print();
        System.exit(0);
    }

    /**
     * One run after {@code warmupMillis} of warm-up, as {@link #main} makes it with 3 s: what it
     * measured.
     */
    static Figures measure(int clients, int seconds, int frames, int heap, int intervalMillis, Optional<Path> journal,
                           int pingMillis, long warmupMillis) throws Exception {
        return new LoadBenchmark(clients, seconds, frames, heap, intervalMillis, journal, pingMillis, warmupMillis).run();
    }

    /**
     * What one run measured: the move latencies and Kryonet round trips of the measured seconds
     * (sorted, nanoseconds), the bytes of the move updates, the clients' resyncs, and the bots
     * that failed.
     */
    record Figures(String setting, double seconds, long[] latencies, long[] pings, double meanUpdateBytes,
                   int maxUpdateBytes, int resyncs, int failedBots) {
        void print() {
            System.out.println(setting);
            System.out.printf(Locale.ROOT, "moves: %d (%.0f/s); move -> every client of the room updated:"
                    + " p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", latencies.length, latencies.length / seconds,
                    Percentile.millis(latencies, 0.50), Percentile.millis(latencies, 0.99),
                    latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
            System.out.printf(Locale.ROOT, "kryonet ping round trip (same run): %d pings, p50 %.2f ms, p99 %.2f ms%n",
                    pings.length, Percentile.millis(pings, 0.50), Percentile.millis(pings, 0.99));
            System.out.printf(Locale.ROOT, "move update on the wire: mean %.0f bytes, max %d bytes; resyncs %d%s%n",
                    meanUpdateBytes, maxUpdateBytes, resyncs, failedBots == 0 ? "" : "; bots failed " + failedBots);
        }
    }

    private String level() {
        StringBuilder yaml = new StringBuilder("format: 1\nid: bench-arena\ntitle: Load benchmark\nkind: arena\n"
                + "memory:\n  frames: " + frames + "\n  oom: kill\n  budget: " + frames / 4 + "\n"
                + "programs:\n  sh: {text: 1, data: [cfg], heap: " + heap + "}\nprocesses:\n");
        for (int i = 0; i < OWNERS.length; i++) {
            yaml.append("  - {pid: ").append(i + 1).append(", program: sh, owner: ").append(OWNERS[i]).append("}\n");
        }
        yaml.append("moves:\n  allowed: [fork, exec, write, read, exit]\n  limit: 200\n"
                + "goal:\n  - processes: {atLeast: 1}\n");
        return yaml.toString();
    }

    private Figures run() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int rooms = clients / OWNERS.length;
        ServeConfig config = ServeConfig.defaults(List.of(LevelText.of(level(), "bench-arena.yaml")))
                .withRooms(rooms, List.of()).withPlayers(OWNERS.length).withPorts(port, 0)
                .withLimits(clients + 16, 2000).withTimers(60_000, 60_000).withJournal(journal);
        GameServer server = GameServer.create(config);
        server.start();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch joined = new CountDownLatch(clients);
        try {
            for (int i = 0; i < clients; i++) {
                int n = i;
                Thread t = new Thread(() -> play(port, n, joined), "bot-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            joined.await();
            long start = System.nanoTime();
            while (System.nanoTime() - start < warmupNanos) {
                Thread.sleep(100); // warm-up: let the JIT settle before measuring
            }
            measuring.set(true);
            long measureStart = System.nanoTime();
            while (System.nanoTime() - measureStart < runNanos) {
                Thread.sleep(100);
            }
            measuring.set(false);
            stop.set(true);
            for (Thread t : threads) {
                t.join(5000);
            }
            return figures(rooms, (System.nanoTime() - measureStart) / 1e9);
        } finally {
            server.close();
        }
    }

    private void play(int port, int n, CountDownLatch joined) {
        Session session = new Session("127.0.0.1", port, new Messages.Hello("bot" + n, null, null, false));
        Strategy strategy = Strategies.create("random", n);
        Kryo sizer = new Kryo();
        Protocol.register(sizer);
        Output out = new Output(4096, 1 << 20);
        long[] pingSent = {0};
        boolean counted = false;
        try {
            session.connect(10_000);
            ((ServerLink) session.link()).kryonet().addListener(new Listener() {
                @Override
                public void received(Connection c, Object m) {
                    if (m instanceof FrameworkMessage.Ping p && p.isReply && pingSent[0] != 0) {
                        if (measuring.get()) {
                            pings.add(System.nanoTime() - pingSent[0]);
                        }
                        pingSent[0] = 0;
                    }
                }
            });
            long lastMove = System.nanoTime();
            long lastPing = lastMove;
            int sentIndex = -1;
            long due = System.nanoTime();
            while (!stop.get()) {
                // sleep until a message comes or the next ping or move is due: a fixed short poll
                // would make the hundred load threads themselves the machine's busiest work
                Object m = session.next(Math.max(1, (due - System.nanoTime() + 999_999) / 1_000_000));
                long now = System.nanoTime();
                if (!counted && session.room().loaded()) {
                    counted = true;
                    joined.countDown();
                }
                if (m instanceof Messages.MoveDelta d) {
                    lastMove = now;
                    arrived(session.welcome().room, d, now);
                    if (measuring.get() && n % OWNERS.length == 0) {
                        out.clear();
                        sizer.writeClassAndObject(out, d);
                        int bytes = out.position() + 4; // Kryonet's length prefix
                        updateBytes.addAndGet(bytes);
                        updates.incrementAndGet();
                        maxUpdateBytes.accumulateAndGet(bytes, Math::max);
                    }
                } else if (m instanceof Messages.GameOver && session.room().you() == 0) {
                    session.send(new Messages.NewGameRequest());
                }
                if (pingSent[0] == 0 && now - lastPing >= pingNanos) {
                    lastPing = now;
                    pingSent[0] = System.nanoTime();
                    ((ServerLink) session.link()).kryonet().updateReturnTripTime();
                }
                if (session.room().myTurn() && !session.awaitingSnapshot() && session.room().index() != sentIndex
                        && now - lastMove >= intervalNanos) {
                    Move move = strategy.choose(session.room().game(), session.welcome().owner);
                    sentIndex = session.room().index();
                    long key = key(session.welcome().room, session.room().gameNo(), sentIndex + 1);
                    inFlight.put(key, new long[] {System.nanoTime(), OWNERS.length});
                    session.play(move.notation());
                }
                due = lastPing + pingNanos;
                if (session.room().myTurn() && session.room().index() != sentIndex) {
                    due = Math.min(due, lastMove + intervalNanos);
                }
            }
        } catch (Exception e) {
            System.err.println("bot" + n + ": " + e);
            failedBots.incrementAndGet();
        } finally {
            resyncs.addAndGet(session.resyncs());
            if (!counted) {
                joined.countDown();
            }
            session.close();
        }
    }

    private static long key(String room, int game, int index) {
        return ((long) room.hashCode() << 32) ^ ((long) game << 20) ^ index;
    }

    private void arrived(String room, Messages.MoveDelta d, long now) {
        long key = key(room, d.game, d.index);
        long[] f = inFlight.get(key);
        if (f == null) {
            return;
        }
        synchronized (f) {
            if (--f[1] == 0) {
                inFlight.remove(key);
                if (measuring.get()) {
                    latencies.add(now - f[0]);
                }
            }
        }
    }

    private Figures figures(int rooms, double seconds) {
        long[] lat = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] rtt = pings.stream().mapToLong(Long::longValue).sorted().toArray();
        String setting = String.format(Locale.ROOT, "%d clients in %d rooms, %.1f s measured, %d cores, board %d"
                + " frames, heap %d pages a process, %s", clients, rooms, seconds,
                Runtime.getRuntime().availableProcessors(), frames, heap,
                journal.map(d -> "journal in " + d).orElse("no journal"));
        return new Figures(setting, seconds, lat, rtt,
                updates.get() == 0 ? 0.0 : (double) updateBytes.get() / updates.get(), maxUpdateBytes.get(),
                resyncs.get(), failedBots.get());
    }

}
