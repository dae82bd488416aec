package org.cowarena.ssh.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.core.CoreModuleProperties;
import org.cowarena.client.bench.Percentile;

/**
 * Load benchmark of SSH play (not part of {@code verify}): {@code cowarena.jar serve --ssh} in
 * a child process with {@code sessions / 2} arena rooms of two seats, and {@code sessions}
 * SSH sessions at once from MINA SSHD's own client, each a player on the board (100×30) who
 * passes on each turn after {@code thinkMillis}, plus a random part below {@code jitterMillis}
 * (0 by default: every player on the same rhythm, the moves of all rooms arriving together).
 * Each session's screen is rebuilt from what
 * the server sends ({@link AnsiGrid}); a move is timed from its Enter to the moment both
 * sessions of the room show its move count (p50/p99). The server's CPU (utime + stime) over
 * the games (and over {@value #IDLE_SECONDS} s before them, every session on the board and
 * nobody playing) and its resident memory before the sessions and with all of them are read
 * from {@code /proc}.
 *
 * <pre>java -cp client/target/cowarena.jar org.cowarena.ssh.bench.SshLoadBenchmark [sessions] [thinkMillis] [level]
 *      [jitterMillis]</pre>
 * With {@code campaign} for the level, no game is hosted: the sessions get the solo campaign's
 * menu, and the run reports the time until every one shows it, the memory and the idle CPU.
 */
public final class SshLoadBenchmark {
    private static final Pattern HEADER = Pattern.compile("room (\\w+) · (\\S+) plays .*moves (\\d+), \\d+ left");
    private static final int COLUMNS = 100;
    private static final int ROWS = 30;
    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux
    private static final int IDLE_SECONDS = 5;
    /** The level argument that hosts no game: the sessions get the solo campaign. */
    private static final String CAMPAIGN = "campaign";

    private final int sessions;
    private final long thinkMillis;
    private final long jitterMillis;
    private final String level;
    /** room/move → when its Enter was sent; room/move/name → when that session showed it. */
    private final Map<String, Long> sent = new ConcurrentHashMap<>();
    private final Map<String, Long> shown = new ConcurrentHashMap<>();
    private final Map<String, List<String>> rooms = new ConcurrentHashMap<>();

    private SshLoadBenchmark(int sessions, long thinkMillis, String level, long jitterMillis) {
        this.jitterMillis = jitterMillis;
        this.sessions = sessions;
        this.thinkMillis = thinkMillis;
        this.level = level;
    }

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        long think = args.length > 1 ? Long.parseLong(args[1]) : 1000;
        String level = args.length > 2 ? args[2] : "arena/zygote";
        long jitter = args.length > 3 ? Long.parseLong(args[3]) : 0;
        new SshLoadBenchmark(sessions - sessions % 2, think, level, jitter).run();
    }

    /** One SSH player: its screen, its room, and its moves. */
    private final class Player extends OutputStream {
        final String name;
        final AnsiGrid grid = new AnsiGrid(COLUMNS, ROWS);
        volatile String room;
        volatile int moves = -1;
        volatile boolean over;
        volatile boolean myTurn;
        volatile boolean menu;

        Player(String name) {
            this.name = name;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            long now = System.nanoTime();
            grid.feed(b, off, len);
            Matcher m = HEADER.matcher(grid.row(0));
            if (m.find()) {
                if (room == null) {
                    room = m.group(1);
                    rooms.computeIfAbsent(room, r -> Collections.synchronizedList(new ArrayList<>())).add(name);
                }
                int k = Integer.parseInt(m.group(3));
                if (k != moves) {
                    moves = k;
                    shown.putIfAbsent(room + "/" + k + "/" + name, now);
                }
            }
            String text = grid.text();
            over = text.contains("Game over");
            menu = text.contains("COW Arena: the campaign");
            myTurn = text.contains("your turn ·");
        }
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("cowarena-ssh-bench");
        int sshPort = freePort();
        int gamePort = freePort();
        Path jar = Path.of(SshLoadBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "serve", "--ssh", String.valueOf(sshPort), "--port",
                String.valueOf(gamePort), "--discovery-port", "0", "--max-players", String.valueOf(sessions + 16),
                "--ssh-max-sessions", String.valueOf(sessions)));
        if (!campaign()) {
            command.addAll(List.of("--level", level, "--rooms", String.valueOf(sessions / 2), "--players", "2",
                    "--turn-seconds", "600"));
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("COWARENA_CONFIG_DIR", dir.toString());
        Process server = pb.start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith("ssh: students type")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // the server stopped
            }
        });
        reader.setDaemon(true);
        reader.start();
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        CoreModuleProperties.TCP_NODELAY.set(client, true); // as OpenSSH's ssh does for a session with a pty
        try {
            if (!ready.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server did not start in 60 s");
            }
            TimeUnit.SECONDS.sleep(2); // let the server settle before its memory is read
            long rssBefore = rssKb(server.pid());
            client.start();
            List<Player> players = new ArrayList<>();
            List<OutputStream> keys = new ArrayList<>();
            long connectStart = System.nanoTime();
            for (int i = 0; i < sessions; i++) {
                Player p = new Player(String.format(Locale.ROOT, "s%02d", i));
                ClientSession session = client.connect(p.name, "127.0.0.1", sshPort).verify(Duration.ofSeconds(30))
                        .getSession();
                session.auth().verify(Duration.ofSeconds(30));
                ChannelShell shell = session.createShellChannel();
                shell.setPtyType("xterm-256color");
                shell.setPtyColumns(COLUMNS);
                shell.setPtyLines(ROWS);
                shell.setEnv("LANG", "C.UTF-8");
                shell.setOut(p);
                shell.setErr(OutputStream.nullOutputStream());
                shell.open().verify(Duration.ofSeconds(30));
                players.add(p);
                keys.add(shell.getInvertedIn());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (players.stream().anyMatch(p -> campaign() ? !p.menu : p.room == null || p.moves < 0)
                    && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20); // polling the screens: this is a load generator, not a test
            }
            double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            TimeUnit.SECONDS.sleep(1);
            long rssWith = rssKb(server.pid());
            long idleStart = cpuTicks(server.pid());
            long idleNanos = System.nanoTime();
            TimeUnit.SECONDS.sleep(IDLE_SECONDS); // every session on the board, nobody playing yet
            double idleCpu = (cpuTicks(server.pid()) - idleStart) / (double) CLOCK_TICKS
                    / ((System.nanoTime() - idleNanos) / 1e9);
            if (campaign()) {
                long onMenu = players.stream().filter(p -> p.menu).count();
                System.out.printf(Locale.ROOT, "SSH sessions: %d, no game hosted (the solo campaign): %d on the"
                        + " campaign menu %.1f s after the first connected%n", sessions, onMenu, connectSeconds);
                printRss(rssBefore, rssWith);
                System.out.printf(Locale.ROOT, "server CPU with every session on the menu (%d s): %.1f%% of one"
                        + " core%n", IDLE_SECONDS, 100 * idleCpu);
                return;
            }
            long cpuStart = cpuTicks(server.pid());
            long playStart = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                Player p = players.get(i);
                OutputStream in = keys.get(i);
                Thread t = new Thread(() -> play(p, in), "player-" + p.name);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join(TimeUnit.MINUTES.toMillis(10));
            }
            double playSeconds = (System.nanoTime() - playStart) / 1e9;
            long cpu = cpuTicks(server.pid()) - cpuStart;
            report(players, rssBefore, rssWith, cpu, playSeconds, connectSeconds);
            System.out.printf(Locale.ROOT, "server CPU with every session on the board and nobody playing (%d s):"
                    + " %.1f%% of one core%n", IDLE_SECONDS, 100 * idleCpu);
        } finally {
            client.stop();
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Passes on each turn after the think time, until the game is over. */
    private void play(Player p, OutputStream in) {
        int pending = -1;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        try {
            while (!p.over && System.nanoTime() < deadline) {
                if (p.myTurn && p.moves > pending) {
                    TimeUnit.MILLISECONDS.sleep(thinkMillis
                            + (jitterMillis > 0 ? ThreadLocalRandom.current().nextLong(jitterMillis) : 0));
                    int k = p.moves + 1;
                    in.write(":pass".getBytes(StandardCharsets.UTF_8));
                    in.flush();
                    TimeUnit.MILLISECONDS.sleep(50); // the command line opens before Enter, as when typed
                    sent.put(p.room + "/" + k, System.nanoTime());
                    in.write('\r');
                    in.flush();
                    pending = k;
                    while (p.moves < k && !p.over && System.nanoTime() < deadline) {
                        TimeUnit.MILLISECONDS.sleep(5);
                    }
                } else {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
            }
        } catch (IOException | InterruptedException e) {
            // the session ended: its samples so far count
        }
    }

    private void report(List<Player> players, long rssBefore, long rssWith, long cpuTicks, double playSeconds,
                        double connectSeconds) throws IOException {
        List<Long> latencies = new ArrayList<>();
        for (Map.Entry<String, Long> e : sent.entrySet()) {
            String room = e.getKey().substring(0, e.getKey().indexOf('/'));
            String move = e.getKey().substring(e.getKey().indexOf('/') + 1);
            long last = 0;
            boolean all = true;
            for (String name : rooms.getOrDefault(room, List.of())) {
                Long t = shown.get(room + "/" + move + "/" + name);
                if (t == null) {
                    all = false;
                    break;
                }
                last = Math.max(last, t);
            }
            if (all && last > 0) {
                latencies.add(last - e.getValue());
            }
        }
        Collections.sort(latencies);
        long finished = players.stream().filter(p -> p.over).count();
        double cpuSeconds = cpuTicks / (double) CLOCK_TICKS;
        System.out.printf(Locale.ROOT, "SSH sessions: %d (%d rooms of 2, level %s, think %d ms + up to %d),"
                        + " connected and on the board in %.1f s; %d of %d games over%n", sessions, sessions / 2, level,
                thinkMillis, jitterMillis, connectSeconds, finished / 2, sessions / 2);
        printRss(rssBefore, rssWith);
        System.out.printf(Locale.ROOT, "server CPU over %.1f s of play: %.1f s, %.1f%% of one core, %.2f%% per"
                + " session%n", playSeconds, cpuSeconds, 100 * cpuSeconds / playSeconds,
                100 * cpuSeconds / playSeconds / sessions);
        System.out.printf(Locale.ROOT, "move to both sessions' redraw: %d moves, p50 %.1f ms, p99 %.1f ms, max"
                        + " %.1f ms%n", latencies.size(), Percentile.millis(latencies, 0.50),
                Percentile.millis(latencies, 0.99),
                latencies.isEmpty() ? 0.0 : latencies.get(latencies.size() - 1) / 1e6);
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    /** No game hosted: every session gets the solo campaign's menu, and nobody plays. */
    private boolean campaign() {
        return level.equals(CAMPAIGN);
    }

    private void printRss(long rssBeforeKb, long rssWithKb) {
        System.out.printf(Locale.ROOT, "server RSS: %d MiB before the sessions, %d MiB with them: %.2f MiB per"
                + " session%n", rssBeforeKb / 1024, rssWithKb / 1024, (rssWithKb - rssBeforeKb) / 1024.0 / sessions);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime and stime: fields 14 and 15
    }
}
