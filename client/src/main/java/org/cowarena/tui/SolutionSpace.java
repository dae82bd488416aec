package org.cowarena.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelKind;
import org.cowarena.server.LevelText;
import org.cowarena.solver.Histograms;
import org.cowarena.solver.SearchLimits;
import org.cowarena.solver.SolveResult;
import org.cowarena.solver.Solver;

/**
 * The whole space of a puzzle's solutions, counted by the solver ({@link Histograms}): how many
 * distinct plays within the move limit reach each value of each metric. The result screen places
 * the player's play on it. It is counted on a background thread of its own, started when the
 * level opens, and kept in the configuration directory under the SHA-256 of the level's text
 * ({@code histograms/HASH.txt}, owner-only): a level counted once opens with its histograms ready,
 * and a changed level is counted again. See the package's documentation for why.
 */
final class SolutionSpace {
    /** The client's share of the machine: one thread, and at most this many states kept by each stage. */
    static final int MAX_STATES = 2_000_000;
    static final int HISTOGRAM_STATES = 1_000_000;
    private static final String FORMAT = "# cowarena histograms 1";

    /**
     * A count: per metric, value → distinct solutions.
     *
     * @param cutOff why the count stopped early (CutOff names), empty when complete
     */
    record Counted(int maxMoves, long solutions, List<String> cutOff, Map<String, SortedMap<Integer, Long>> metrics) {
        Counted {
            cutOff = List.copyOf(cutOff);
            Map<String, SortedMap<Integer, Long>> copy = new LinkedHashMap<>();
            metrics.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
            metrics = java.util.Collections.unmodifiableMap(copy);
        }

        boolean complete() {
            return cutOff.isEmpty();
        }

        /** Whether to keep and remember it: a count cut short by this JVM's memory is not the level's. */
        boolean worthKeeping() {
            return !cutOff.contains("MEMORY");
        }
    }

    private SolutionSpace() {
    }

    /** Whether a level has a space to count: a puzzle with a goal. */
    static boolean countable(Level level) {
        return level.kind() == LevelKind.PUZZLE && !level.goals().isEmpty();
    }

    /**
     * Starts counting {@code level}'s solutions on a daemon thread of low priority (the board
     * stays responsive), reading and writing the cache in {@code cacheDir} when it is not null.
     *
     * <p>A level's space is the same for every player, so this process counts it once: a level
     * opened again while its count runs joins that count, whoever opens it (SSH play gives each
     * student a cache directory of their own, and a class opens the same level at once), and a
     * level counted already is answered from memory and written to the new cache directory too.
     */
    static CompletableFuture<Counted> count(LevelText level, Path cacheDir) {
        String key = hash(level.text());
        Counted known = COUNTED.get(key);
        if (known != null) {
            keep(cacheDir, key, known);
            return CompletableFuture.completedFuture(known);
        }
        CompletableFuture<Counted> result = new CompletableFuture<>();
        CompletableFuture<Counted> running = COUNTING.putIfAbsent(key, result);
        if (running != null) {
            running.thenAccept(counted -> keep(cacheDir, key, counted));
            return running;
        }
        Counted late = COUNTED.get(key); // a count that ended since the look-up above left its figures first
        if (late != null) {
            COUNTING.remove(key, result);
            keep(cacheDir, key, late);
            result.complete(late);
            return result;
        }
        Thread t = new Thread(() -> {
            try {
                Counted counted = cached(cacheDir, key);
                if (counted == null) {
                    counted = solve(level, cacheDir, key);
                    // remembered for everyone: what the solver found, not what one player's cache file says
                    if (counted.worthKeeping()) {
                        COUNTED.put(key, counted);
                    }
                }
                COUNTING.remove(key, result); // before completing: whoever sees it done finds it counted
                result.complete(counted);
            } catch (LevelException | RuntimeException | OutOfMemoryError e) {
                COUNTING.remove(key, result);
                result.completeExceptionally(e);
            }
        }, "solution-count");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return result;
    }

    /** The counts running now, by the level text's hash. */
    private static final java.util.concurrent.ConcurrentMap<String, CompletableFuture<Counted>> COUNTING =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Levels counted in this process, by the level text's hash: the last {@value #REMEMBERED} levels. */
    private static final Map<String, Counted> COUNTED = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Counted> eldest) {
                    return size() > REMEMBERED;
                }
            });
    static final int REMEMBERED = 64;

    /** The count kept in {@code cacheDir}, else the solver's (kept there when it can be). */
    static Counted countNow(LevelText level, Path cacheDir) throws LevelException {
        String key = hash(level.text());
        Counted counted = cached(cacheDir, key);
        return counted != null ? counted : solve(level, cacheDir, key);
    }

    /** The count kept in {@code cacheDir} under {@code key}; null when there is none or it cannot be read. */
    private static Counted cached(Path cacheDir, String key) {
        Path cached = file(cacheDir, key);
        if (cached != null) {
            try {
                if (Files.isRegularFile(cached)) {
                    return parse(Files.readString(cached, StandardCharsets.UTF_8));
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable cache entry is counted again and rewritten
            }
        }
        return null;
    }

    private static Counted solve(LevelText level, Path cacheDir, String key) throws LevelException {
        SolveResult solved = new Solver(level.level(), SearchLimits.defaults().withThreads(1)
                .withMaxStates(MAX_STATES).withHistogramStates(HISTOGRAM_STATES)).solve();
        Histograms h = solved.histograms().orElseThrow();
        Counted counted = new Counted(solved.maxMoves(), h.solutions(),
                h.cutOffs().stream().map(Enum::name).toList(), h.metrics());
        if (cacheDir != null && counted.worthKeeping()) {
            write(file(cacheDir, key), counted);
        }
        return counted;
    }

    /** Writes {@code counted} to {@code cacheDir} unless it holds that level's count already. */
    private static void keep(Path cacheDir, String key, Counted counted) {
        if (cacheDir != null && counted.worthKeeping()) {
            Path cached = file(cacheDir, key);
            if (!Files.isRegularFile(cached)) {
                write(cached, counted);
            }
        }
    }

    /** Where {@code cacheDir} keeps the count of the level whose text hashes to {@code key}; null without a directory. */
    private static Path file(Path cacheDir, String key) {
        return cacheDir == null ? null : cacheDir.resolve(key + ".txt");
    }

    private static void write(Path cached, Counted counted) {
        try {
            OwnFiles.write(cached, format(counted));
        } catch (IOException e) {
            // the count is shown all the same; the next opening counts again
        }
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static String format(Counted c) {
        StringBuilder s = new StringBuilder(FORMAT).append('\n');
        s.append("maxMoves ").append(c.maxMoves()).append('\n');
        s.append("solutions ").append(c.solutions()).append('\n');
        s.append("cutOff").append(c.cutOff().isEmpty() ? "" : " " + String.join(" ", c.cutOff())).append('\n');
        c.metrics().forEach((metric, h) -> {
            s.append("metric ").append(metric);
            h.forEach((value, count) -> s.append(' ').append(value).append('=').append(count));
            s.append('\n');
        });
        return s.toString();
    }

    static Counted parse(String text) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(FORMAT)) {
            throw new IllegalArgumentException("not a histogram file of this version");
        }
        int maxMoves = -1;
        long solutions = -1;
        List<String> cutOff = null;
        Map<String, SortedMap<Integer, Long>> metrics = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "maxMoves" -> maxMoves = Integer.parseInt(f[1]);
                case "solutions" -> solutions = Long.parseLong(f[1]);
                case "cutOff" -> cutOff = new ArrayList<>(List.of(f).subList(1, f.length));
                case "metric" -> {
                    SortedMap<Integer, Long> h = new TreeMap<>();
                    for (int i = 2; i < f.length; i++) {
                        int eq = f[i].indexOf('=');
                        h.put(Integer.parseInt(f[i].substring(0, eq)), Long.parseLong(f[i].substring(eq + 1)));
                    }
                    metrics.put(f[1], h);
                }
                default -> throw new IllegalArgumentException("unknown line: " + line);
            }
        }
        if (maxMoves < 0 || solutions < 0 || cutOff == null) {
            throw new IllegalArgumentException("a histogram file lacks a line");
        }
        return new Counted(maxMoves, solutions, cutOff, metrics);
    }
}
