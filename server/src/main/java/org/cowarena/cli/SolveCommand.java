package org.cowarena.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.Move;
import org.cowarena.level.Metrics;
import org.cowarena.move.MoveParser;
import org.cowarena.move.MoveSyntaxException;
import org.cowarena.move.ScriptLine;
import org.cowarena.solver.CutOff;
import org.cowarena.solver.Difficulty;
import org.cowarena.solver.Histograms;
import org.cowarena.solver.SearchLimits;
import org.cowarena.solver.Solution;
import org.cowarena.solver.SolveResult;
import org.cowarena.solver.Solver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code solve --level L [--max-moves N] [--max-states N] [--json]}: searches a puzzle level for its best results. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = {"Searches a puzzle level's moves (breadth first) and prints the best solution per metric,",
            "or says where the search was cut off and what it found so far. The same level gives the same output.",
            "Exit status: 0 when the search ran (whatever it found), 2 when the level or an option is bad."})
final class SolveCommand implements Callable<Integer> {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    @Spec
    private CommandSpec spec;

    @Option(names = "--level", required = true, paramLabel = "LEVEL",
            description = "a level file, or a bundled level id such as campaign/01-fork")
    private String levelArg;

    @Option(names = "--max-moves", paramLabel = "N",
            description = "the longest move sequence to try (default: the level's move limit, or "
                    + SearchLimits.DEFAULT_MAX_MOVES + " when it has none)")
    private Integer maxMoves;

    @Option(names = "--max-states", paramLabel = "N", defaultValue = "" + SearchLimits.DEFAULT_MAX_STATES,
            description = "distinct states to keep before the search stops (default: ${DEFAULT-VALUE})")
    private int maxStates;

    @Option(names = "--histogram-states", paramLabel = "N",
            defaultValue = "" + SearchLimits.DEFAULT_HISTOGRAM_STATES,
            description = "(state, score) pairs the solution count keeps before it stops (default: ${DEFAULT-VALUE});"
                    + " 0: no histograms")
    private int histogramStates;

    @Option(names = "--threads", paramLabel = "N",
            description = "threads that play moves (default: the number of cores); the result is the same for any")
    private Integer threads;

    @Option(names = "--json", description = "print the result as one JSON object")
    private boolean json;

    @Override
    public Integer call() throws LevelException {
        PrintWriter err = spec.commandLine().getErr();
        if (maxMoves != null && maxMoves < 0) {
            err.println("--max-moves " + maxMoves + ": must be 0 or more");
            return ExitCodes.BAD_INPUT;
        }
        if (maxStates < 1) {
            err.println("--max-states " + maxStates + ": must be 1 or more");
            return ExitCodes.BAD_INPUT;
        }
        Level level;
        try {
            level = LevelLoader.resolve(levelArg);
        } catch (LevelException e) {
            e.problems().forEach(err::println);
            return ExitCodes.BAD_INPUT;
        }
        if (histogramStates < 0) {
            err.println("--histogram-states " + histogramStates + ": must be 0 or more");
            return ExitCodes.BAD_INPUT;
        }
        if (threads != null && threads < 1) {
            err.println("--threads " + threads + ": must be 1 or more");
            return ExitCodes.BAD_INPUT;
        }
        SearchLimits limits = new SearchLimits(maxMoves == null ? OptionalInt.empty() : OptionalInt.of(maxMoves),
                maxStates);
        if (threads != null) {
            limits = limits.withThreads(threads);
        }
        limits = limits.withHistogramStates(histogramStates);
        Solver solver;
        try {
            solver = new Solver(level, limits);
        } catch (IllegalArgumentException e) {
            err.println(level.source() + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Optional<List<Move>> naive;
        try {
            naive = naivePlay(levelArg);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        SolveResult result;
        try {
            result = solver.solve();
        } catch (IllegalStateException e) {
            // A metric past what the search can count (a board far larger than it could cover).
            err.println(level.source() + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Difficulty difficulty = Difficulty.of(result, naive);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(result, difficulty, levelArg, maxStates));
        } else {
            text(out, result, maxStates);
            difficulty(out, difficulty);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The level's obvious play, {@code NAME.naive.moves} beside a level file or a bundled
     * level, when there is one; IllegalArgumentException naming the file and line when it
     * cannot be read or parsed.
     */
    static Optional<List<Move>> naivePlay(String levelArg) {
        String text = null;
        String where;
        Path file = levelArg.endsWith(".yaml") ? Path.of(levelArg) : null;
        if (file != null) {
            Path naive = file.resolveSibling(file.getFileName().toString().replaceAll("\\.yaml$", ".naive.moves"));
            where = naive.toString();
            try {
                text = Files.isRegularFile(naive) ? Files.readString(naive) : null;
            } catch (IOException e) {
                throw new IllegalArgumentException(where + ": cannot read: " + e.getMessage(), e);
            }
        } else {
            where = "levels/" + levelArg + ".naive.moves";
            try (InputStream in = SolveCommand.class.getClassLoader().getResourceAsStream(where)) {
                text = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException(where + ": cannot read: " + e.getMessage(), e);
            }
        }
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(MoveParser.parseScript(text).stream().map(ScriptLine::move).toList());
        } catch (MoveSyntaxException e) {
            throw new IllegalArgumentException(where + ":" + e.getMessage(), e);
        }
    }

    private static void difficulty(PrintWriter out, Difficulty d) {
        if (d.optimumMoves().isEmpty()) {
            return;
        }
        String naive = d.naive().map(n -> !n.met() ? "the naive play does not meet the goal"
                : "the naive play meets the goal with " + n.stars() + (n.stars() == 1 ? " star" : " stars")
                        + (n.losesAStar() ? " (it loses a star)" : " (it loses none)")).orElse("no naive play");
        out.println("Difficulty: optimum " + d.optimumMoves().getAsInt() + " moves" + (d.proven() ? " (proven)" : " (found, not proven)")
                + "; " + (d.tradeOff() ? "metrics trade off: no solution is best on moves, copies and peak frames at once"
                        : "no trade-off: one solution is best on moves, copies and peak frames")
                + "; " + naive + ".");
    }

    private static void text(PrintWriter out, SolveResult r, int maxStates) {
        Level level = r.level();
        out.println("Level " + level.id() + ": " + level.title());
        boolean levelLimit = level.moves().limit().isPresent() && level.moves().limit().getAsInt() == r.maxMoves();
        out.println("Searched move sequences of up to " + r.maxMoves() + (r.maxMoves() == 1 ? " move" : " moves")
                + (levelLimit ? " (the level's limit)" : "") + ": " + r.states() + " states, " + r.expanded()
                + " expanded, " + r.tried() + " moves tried");
        if (r.complete()) {
            out.println("Search complete: nothing the level allows does better than the results below.");
        }
        if (r.cutOffs().contains(CutOff.STATES)) {
            out.println("Search cut off: it reached the state limit (--max-states " + maxStates + "); the results"
                    + " below are the best found so far, not proven best.");
        }
        if (r.cutOffs().contains(CutOff.MEMORY)) {
            out.println("Search cut off: it ran out of memory after " + r.states() + " states (give Java more heap"
                    + " with java -Xmx, or lower --max-states); the results below are the best found so far, not"
                    + " proven best.");
        }
        if (r.cutOffs().contains(CutOff.MOVES)) {
            String allows = level.moves().limit().isPresent()
                    ? "the level allows " + level.moves().limit().getAsInt()
                    : "the level has no move limit";
            out.println("Search cut off: longer sequences were not tried (--max-moves " + r.maxMoves() + "; "
                    + allows + "); the results below are the best within " + r.maxMoves() + " moves.");
        }
        if (r.best().isEmpty()) {
            out.println(r.complete() ? "No solution: no move sequence the level allows meets the goal."
                    : "No solution found in what was searched.");
            return;
        }
        List<Solution> solutions = r.solutions();
        out.println("Best per metric:");
        int width = Solver.METRICS.stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, Solution> e : r.best().entrySet()) {
            String metric = e.getKey();
            Integer stars = level.stars().get(metric);
            String value = Integer.toString(e.getValue().metrics().get(metric));
            String threshold = stars == null ? "" : "3 stars at " + stars;
            out.println("  " + pad(metric, width) + "  " + pad(value, 5) + "  " + pad(threshold, 16)
                    + "  solution " + number(solutions, e.getValue()));
        }
        r.mostStars().ifPresent(s -> out.println("Most stars: " + s.stars() + " of 3, solution "
                + number(solutions, s)));
        for (Solution s : solutions) {
            StringBuilder line = new StringBuilder("Solution " + number(solutions, s) + ":");
            for (String metric : Solver.METRICS) {
                line.append(metric.equals(Solver.METRICS.get(0)) ? " " : ", ").append(metric).append(' ')
                        .append(s.metrics().get(metric));
            }
            out.println(line.append("; ").append(s.stars()).append(s.stars() == 1 ? " star" : " stars"));
            for (Move m : s.moves()) {
                out.println("  " + m.notation());
            }
            if (s.moves().isEmpty()) {
                out.println("  (no moves: the goal holds at the start)");
            }
        }
        r.histograms().ifPresent(h -> histograms(out, h, r.maxMoves()));
    }

    private static void histograms(PrintWriter out, Histograms h, int maxMoves) {
        String how = h.complete() ? "every one counted"
                : "count cut off (" + h.cutOffs().stream().map(SolveCommand::cutOffName)
                        .collect(java.util.stream.Collectors.joining(", ")) + "): at least these";
        out.println("Distinct solutions within " + maxMoves + (maxMoves == 1 ? " move: " : " moves: ") + h.solutions()
                + " (" + how + "); value: how many, per metric:");
        int width = Solver.METRICS.stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, java.util.SortedMap<Integer, Long>> e : h.metrics().entrySet()) {
            out.println("  " + pad(e.getKey(), width) + "  " + e.getValue().entrySet().stream()
                    .map(v -> v.getKey() + ": " + v.getValue()).collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    private static String cutOffName(CutOff c) {
        return c.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static int number(List<Solution> solutions, Solution s) {
        return solutions.indexOf(s) + 1;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static void metrics(JsonGenerator g, Metrics m) throws IOException {
        g.writeObjectFieldStart("metrics");
        for (String metric : Solver.METRICS) {
            g.writeNumberField(metric, m.get(metric));
        }
        g.writeEndObject();
    }

    private static void cutOffs(JsonGenerator g, java.util.Set<CutOff> cutOffs) throws IOException {
        g.writeArrayFieldStart("cutOff");
        for (CutOff c : cutOffs) {
            g.writeString(cutOffName(c));
        }
        g.writeEndArray();
    }

    private static String json(SolveResult r, Difficulty d, String levelArg, int maxStates) {
        StringWriter buffer = new StringWriter();
        List<Solution> solutions = r.solutions();
        try (JsonGenerator g = JSON.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeStringField("type", "solve");
            g.writeStringField("level", r.level().id());
            g.writeStringField("source", levelArg);
            g.writeBooleanField("complete", r.complete());
            cutOffs(g, r.cutOffs());
            g.writeNumberField("maxMoves", r.maxMoves());
            g.writeNumberField("maxStates", maxStates);
            g.writeNumberField("states", r.states());
            g.writeNumberField("expanded", r.expanded());
            g.writeNumberField("tried", r.tried());
            g.writeObjectFieldStart("best");
            for (Map.Entry<String, Solution> e : r.best().entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                g.writeNumberField("value", e.getValue().metrics().get(e.getKey()));
                Integer stars = r.level().stars().get(e.getKey());
                if (stars == null) {
                    g.writeNullField("threeStarsAt");
                } else {
                    g.writeNumberField("threeStarsAt", stars);
                }
                g.writeNumberField("solution", solutions.indexOf(e.getValue()));
                g.writeEndObject();
            }
            g.writeEndObject();
            if (r.mostStars().isPresent()) {
                g.writeObjectFieldStart("mostStars");
                g.writeNumberField("stars", r.mostStars().get().stars());
                g.writeNumberField("solution", solutions.indexOf(r.mostStars().get()));
                g.writeEndObject();
            } else {
                g.writeNullField("mostStars");
            }
            if (r.histograms().isPresent()) {
                Histograms h = r.histograms().get();
                g.writeObjectFieldStart("histograms");
                g.writeBooleanField("complete", h.complete());
                cutOffs(g, h.cutOffs());
                g.writeNumberField("solutions", h.solutions());
                g.writeNumberField("states", h.states());
                g.writeObjectFieldStart("metrics");
                for (Map.Entry<String, java.util.SortedMap<Integer, Long>> e : h.metrics().entrySet()) {
                    g.writeObjectFieldStart(e.getKey());
                    for (Map.Entry<Integer, Long> v : e.getValue().entrySet()) {
                        g.writeNumberField(Integer.toString(v.getKey()), v.getValue());
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
                g.writeEndObject();
            } else {
                g.writeNullField("histograms");
            }
            g.writeObjectFieldStart("difficulty");
            if (d.optimumMoves().isPresent()) {
                g.writeNumberField("optimumMoves", d.optimumMoves().getAsInt());
            } else {
                g.writeNullField("optimumMoves");
            }
            g.writeBooleanField("proven", d.proven());
            g.writeBooleanField("tradeOff", d.tradeOff());
            if (d.naive().isPresent()) {
                Difficulty.Naive n = d.naive().get();
                g.writeObjectFieldStart("naive");
                g.writeBooleanField("met", n.met());
                g.writeNumberField("stars", n.stars());
                g.writeBooleanField("losesAStar", n.losesAStar());
                metrics(g, n.metrics());
                g.writeEndObject();
            } else {
                g.writeNullField("naive");
            }
            g.writeEndObject();
            g.writeArrayFieldStart("solutions");
            for (Solution s : solutions) {
                g.writeStartObject();
                g.writeArrayFieldStart("moves");
                for (Move m : s.moves()) {
                    g.writeString(m.notation());
                }
                g.writeEndArray();
                metrics(g, s.metrics());
                g.writeNumberField("stars", s.stars());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing JSON to memory", e);
        }
        return buffer.toString();
    }
}
