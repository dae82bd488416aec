package org.cowarena.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cowarena.level.Metrics;
import org.cowarena.move.MoveParser;
import org.cowarena.move.MoveSyntaxException;

/**
 * The player's saved solutions: for each level, the best play that met its goal on each metric
 * ({@link #METRICS}: fewest moves, lowest peak, fewest copies, and any other metric the level's
 * stars name), beside the progress file in {@code solutions/LEVEL-ID/METRIC.moves}. Each file is
 * a moves file that {@code --replay} and the menu replay: a {@code # level} line, a
 * {@code # metrics} line, then the moves in the move notation. Files are owner-only
 * ({@link OwnFiles}); a file edited by hand into nonsense is ignored, never a crash.
 */
final class Solutions {
    /** The metrics every level keeps a best play for, in the order the menu lists them. */
    static final List<String> METRICS = List.of("moves", "peakFrames", "copies");

    private final Path dir;

    /**
     * One saved play.
     *
     * @param metric what it is the best at
     */
    record Saved(String levelId, String metric, Metrics metrics, List<String> moves, Path file) {
        Saved {
            moves = List.copyOf(moves);
        }
    }

    Solutions(Path configDir) {
        this.dir = configDir.resolve("solutions");
    }

    Path dir() {
        return dir;
    }

    /** The metrics a level keeps a best play for: {@link #METRICS}, then the others its stars name. */
    static List<String> metricsOf(Map<String, Integer> stars) {
        List<String> metrics = new ArrayList<>(METRICS);
        for (String m : stars.keySet()) {
            if (!metrics.contains(m) && Metrics.NAMES.contains(m)) {
                metrics.add(m);
            }
        }
        return metrics;
    }

    /** The level's saved plays by metric, in {@code metrics}' order; a metric with none is absent. */
    Map<String, Saved> best(String levelId, List<String> metrics) {
        Map<String, Saved> found = new LinkedHashMap<>();
        for (String metric : metrics) {
            read(levelId, metric).ifPresent(s -> found.put(metric, s));
        }
        return found;
    }

    private Path file(String levelId, String metric) {
        return dir.resolve(levelId).resolve(metric + ".moves");
    }

    Optional<Saved> read(String levelId, String metric) {
        Path file = file(levelId, metric);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Metrics m = null;
            for (String line : text.lines().toList()) {
                if (line.startsWith("# metrics ")) {
                    m = parseMetrics(line.substring("# metrics ".length()));
                }
            }
            List<String> moves = MoveParser.parseScript(text).stream().map(l -> l.move().notation()).toList();
            return m == null || m.moves() != moves.size() ? Optional.empty()
                    : Optional.of(new Saved(levelId, metric, m, moves, file));
        } catch (IOException | MoveSyntaxException | RuntimeException e) {
            return Optional.empty(); // unreadable or edited into nonsense: as if none were saved
        }
    }

    /**
     * Keeps {@code moves} as the level's best play on each metric it beats (lower, or as low in
     * fewer moves). Returns the metrics it became the best at, and the problem when it could not
     * be written (else null).
     */
    Result record(String levelId, List<String> metrics, Metrics achieved, List<String> moves) {
        List<String> better = new ArrayList<>();
        String problem = null;
        for (String metric : metrics) {
            Optional<Saved> old = read(levelId, metric);
            int now = achieved.get(metric);
            boolean wins = old.isEmpty() || now < old.get().metrics().get(metric)
                    || now == old.get().metrics().get(metric) && achieved.moves() < old.get().metrics().moves();
            if (!wins) {
                continue;
            }
            try {
                OwnFiles.write(file(levelId, metric), text(levelId, metric, achieved, moves));
                better.add(metric);
            } catch (IOException e) {
                problem = "solution not saved to " + file(levelId, metric) + ": " + e.getMessage();
            }
        }
        return new Result(better, problem);
    }

    /** What {@link #record} did. */
    record Result(List<String> better, String problem) {
        Result {
            better = List.copyOf(better);
        }
    }

    private static String text(String levelId, String metric, Metrics m, List<String> moves) {
        StringBuilder text = new StringBuilder();
        text.append("# COW Arena: your best play of ").append(levelId).append(" by ").append(metric).append('\n');
        text.append("# level ").append(levelId).append('\n');
        text.append("# metrics ").append(formatMetrics(m)).append('\n');
        moves.forEach(move -> text.append(move).append('\n'));
        return text.toString();
    }

    static String formatMetrics(Metrics m) {
        StringBuilder s = new StringBuilder();
        for (String name : Metrics.NAMES) {
            s.append(s.length() == 0 ? "" : " ").append(name).append('=').append(m.get(name));
        }
        return s.toString();
    }

    static Metrics parseMetrics(String text) {
        Map<String, Integer> v = new LinkedHashMap<>();
        for (String field : text.strip().split("\\s+")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                v.put(field.substring(0, eq), Integer.parseInt(field.substring(eq + 1)));
            }
        }
        if (!v.keySet().containsAll(Metrics.NAMES)) {
            throw new IllegalArgumentException("metrics line lacks a field: " + text);
        }
        return new Metrics(v.get("moves"), v.get("copies"), v.get("framesCopied"), v.get("peakFrames"),
                v.get("faults"), v.get("rejected"), v.get("reclaims"), v.get("majorFaults"));
    }
}
