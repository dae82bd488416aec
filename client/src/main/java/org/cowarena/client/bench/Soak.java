package org.cowarena.client.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.cowarena.bot.Strategies;
import org.cowarena.client.BotPlayer;
import org.cowarena.client.ServerLink;
import org.cowarena.client.Session;
import org.cowarena.protocol.Messages;

/**
 * Soak test of a race server under a hostile classroom network (not part of {@code verify};
 * loopback only): the server jar runs a race of the campaign's levels in its own process;
 * {@code bots} bot clients race it (each one, once done, is followed by a new one), while
 * one thread opens and resets (RST) {@code resets} connections from 127.0.0.3, another holds
 * {@code tricklers} connections from 127.0.0.2 that send a length prefix and a byte every
 * 5 s (opening a new one for each the server closes), and every 5 s a new player joins from
 * 127.0.0.1 and times its welcome. It checks every bot finished (exit 0), the server's RSS
 * stayed under 1 GiB (the server runs with {@code -Xmx384m}, see {@link #HEAP}) and every
 * new player got in within 2 s, and exits 1 otherwise.
 *
 * <pre>java -cp client/target/cowarena.jar org.cowarena.client.bench.Soak [minutes] [bots] [resets]
 *      [tricklers]</pre>
 * (defaults 10, 60, 10000, 300; run from the repository root after {@code ./mvnw -q package -DskipTests}).
 */
public final class Soak {
    private static final long RSS_LIMIT_KIB = 1L << 20;
    private static final long JOIN_LIMIT_MILLIS = 2000;
    /**
     * The server's heap: every connection Kryonet accepts allocates its buffers (about 1 MiB)
     * on the heap, so churning connections make garbage fast, and a heap left to the JVM's
     * default (a quarter of the machine's memory) grows into it before it collects.
     */
    static final String HEAP = "384m";

    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger botsStarted = new AtomicInteger();
    private final AtomicInteger botsFinished = new AtomicInteger();
    private final List<String> botFailures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger resetsDone = new AtomicInteger();
    private final AtomicInteger tricklersOpened = new AtomicInteger();
    private final List<Long> joinMillis = Collections.synchronizedList(new ArrayList<>());
    private final List<String> joinFailures = Collections.synchronizedList(new ArrayList<>());
    private volatile long maxRssKib;

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int bots = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int resets = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int tricklers = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        System.exit(new Soak().run(minutes, bots, resets, tricklers) ? 0 : 1);
    }

    private boolean run(double minutes, int bots, int resets, int tricklers) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("cowarena-soak", ".log");
        List<String> levels = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            levels.add(String.format(Locale.ROOT, "campaign/%02d", i));
        }
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-jar", "server/target/cowarena-server.jar", "serve", "--port", Integer.toString(port),
                "--discovery-port", "0", "--max-players", "512", "--race", resolveIds(levels))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            waitForServer(port, server, log);
            long end = System.nanoTime() + (long) (minutes * 60e9);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < bots; i++) {
                threads.add(start("bot-slot-" + i, () -> botSlot(port)));
            }
            threads.add(start("resets", () -> resets(port, resets, end)));
            threads.add(start("tricklers", () -> tricklers(port, tricklers)));
            threads.add(start("rss", () -> rss(server.pid())));
            while (System.nanoTime() < end && server.isAlive()) {
                joinOnce(port);
                Thread.sleep(5000); // a new player every 5 s: the pace of the check, not a synchronisation
            }
            stop.set(true);
            for (Thread t : threads) {
                t.join(120_000);
            }
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        long worstJoin = joinMillis.stream().mapToLong(Long::longValue).max().orElse(-1);
        System.out.printf(Locale.ROOT, "soak %.1f min: bots started %d, finished %d, failed %d; resets %d; "
                        + "tricklers opened %d; new players %d, slowest welcome %d ms, failed %d; server RSS max %d MiB%n",
                minutes, botsStarted.get(), botsFinished.get(), botFailures.size(), resetsDone.get(),
                tricklersOpened.get(), joinMillis.size(), worstJoin, joinFailures.size(), maxRssKib / 1024);
        botFailures.stream().limit(5).forEach(f -> System.out.println("  bot: " + f));
        joinFailures.stream().limit(5).forEach(f -> System.out.println("  join: " + f));
        return botFailures.isEmpty() && botsFinished.get() == botsStarted.get() && joinFailures.isEmpty()
                && worstJoin >= 0 && worstJoin <= JOIN_LIMIT_MILLIS && maxRssKib < RSS_LIMIT_KIB;
    }

    private static String resolveIds(List<String> prefixes) throws IOException {
        List<String> ids = new ArrayList<>();
        try (var files = Files.list(Path.of("levels", "campaign"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .sorted().toList();
            for (String prefix : prefixes) {
                String number = prefix.substring("campaign/".length());
                names.stream().filter(n -> n.startsWith(number + "-")).findFirst()
                        .ifPresent(n -> ids.add("campaign/" + n.substring(0, n.length() - ".yaml".length())));
            }
        }
        return String.join(",", ids);
    }

    private static void waitForServer(int port, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(log, StandardCharsets.UTF_8).contains("teacher")) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("the server did not start: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            server.waitFor(50, TimeUnit.MILLISECONDS);
        }
    }

    private Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** One seat in the class: a bot races; when it is done, a new one with a new name takes its place. */
    private void botSlot(int port) {
        while (!stop.get()) {
            int n = botsStarted.incrementAndGet();
            StringWriter out = new StringWriter();
            Session session = new Session("127.0.0.1", port, new Messages.Hello("bot" + n, null, null, false));
            try {
                int status = new BotPlayer(session, Strategies.create(n % 2 == 0 ? "greedy" : "random", n),
                        new PrintWriter(out), 0).run(10_000);
                if (status == BotPlayer.ENDED) {
                    botsFinished.incrementAndGet();
                } else {
                    botFailures.add("bot" + n + " exited " + status + ": " + out.toString().strip());
                    botsFinished.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                session.close();
            }
        }
    }

    /** Connections reset (RST) right after connecting, from another address, spread over the run. */
    private void resets(int port, int count, long end) {
        for (int i = 0; i < count && !stop.get(); i++) {
            try (Socket s = new Socket()) {
                s.setSoLinger(true, 0);
                s.bind(new InetSocketAddress("127.0.0.3", 0));
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            } catch (IOException e) {
                // refused or reset: the point is the churn
            }
            resetsDone.incrementAndGet();
            long left = end - System.nanoTime();
            if (left > 0 && count - i > 0) {
                try {
                    Thread.sleep(Math.max(0, left / 1_000_000 / (count - i)));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Holds {@code count} trickling connections from 127.0.0.2, replacing each the server closes. */
    private void tricklers(int port, int count) {
        List<Socket> open = new ArrayList<>();
        while (!stop.get()) {
            open.removeIf(s -> {
                try {
                    OutputStream out = s.getOutputStream();
                    out.write(1);
                    out.flush();
                    return false;
                } catch (IOException e) {
                    closeQuietly(s);
                    return true;
                }
            });
            while (open.size() < count && !stop.get()) {
                Socket s = new Socket();
                try {
                    s.bind(new InetSocketAddress("127.0.0.2", 0));
                    s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                    s.getOutputStream().write(new byte[] {0, 0, 0, 100, 1});
                    open.add(s);
                    tricklersOpened.incrementAndGet();
                } catch (IOException e) {
                    closeQuietly(s);
                    break;
                }
            }
            try {
                Thread.sleep(5000); // a byte every 5 s: what a trickler does
            } catch (InterruptedException e) {
                break;
            }
        }
        open.forEach(Soak::closeQuietly);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** A new player joins: the time from connecting to the welcome. */
    private void joinOnce(int port) {
        long start = System.nanoTime();
        ServerLink link = new ServerLink();
        try {
            link.connect("127.0.0.1", port, 2000);
            link.send(new Messages.Hello("new" + joinMillis.size() + joinFailures.size(), null, null, false));
            while (true) {
                long left = JOIN_LIMIT_MILLIS * 5 - (System.nanoTime() - start) / 1_000_000;
                Object m = link.poll(Math.max(1, left));
                if (m instanceof Messages.Welcome) {
                    joinMillis.add((System.nanoTime() - start) / 1_000_000);
                    return;
                }
                if (m instanceof Messages.Refusal r) {
                    joinFailures.add("refused: " + r.reason);
                    return;
                }
                if (m == null || m == ServerLink.CLOSED) {
                    joinFailures.add("no welcome within " + JOIN_LIMIT_MILLIS * 5 + " ms");
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            joinFailures.add("cannot connect: " + e.getMessage());
        } finally {
            link.close();
        }
    }

    /** The server's resident set, sampled each second from /proc. */
    private void rss(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        while (!stop.get()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                        maxRssKib = Math.max(maxRssKib, kib);
                    }
                }
                Thread.sleep(1000);
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }
}
