package org.cowarena.solver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cowarena.level.Chapter;
import org.cowarena.level.Chapters;
import org.cowarena.level.Level;
import org.cowarena.level.LevelKind;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.Move;
import org.cowarena.move.MoveParser;
import org.cowarena.move.ScriptLine;

/**
 * The difficulty of every bundled campaign puzzle, from the solver: for tests that
 * assert what the campaign as a whole must offer ("at least 12 levels whose optimum is
 * 6 moves or more", "at least 10 whose metrics trade off", "every naive play loses a
 * star") without writing a figure by hand.
 */
final class CampaignDifficulty {
    /** What the campaign as a whole must offer: levels whose proven optimum is this long... */
    static final int LONG_MOVES = 6;
    /** ...at least this many of them... */
    static final int LONG_LEVELS = 12;
    /** ...and at least this many levels whose metrics trade off. */
    static final int TRADE_OFF_LEVELS = 10;

    /** One level's measures and the search they come from; {@code chapter}: the id of its chapter. */
    record Entry(String chapter, String id, SolveResult result, Difficulty difficulty) {
        boolean isLong() {
            return difficulty.proven() && difficulty.optimumMoves().orElse(0) >= LONG_MOVES;
        }

        boolean tradesOff() {
            return difficulty.proven() && difficulty.tradeOff();
        }
    }

    private CampaignDifficulty() {
    }

    /** Every puzzle of the campaign's chapters ({@code levels/chapters.yaml}), in playing order. */
    static List<Entry> measure(SearchLimits limits) throws Exception {
        List<Entry> entries = new ArrayList<>();
        for (Chapter chapter : Chapters.bundled().chapters()) {
            for (String id : chapter.levels()) {
                Level level = LevelLoader.loadBundled(id);
                if (level.kind() != LevelKind.PUZZLE) {
                    continue;
                }
                SolveResult result = new Solver(level, limits).solve();
                entries.add(new Entry(chapter.id(), id, result, Difficulty.of(result, naive(id))));
            }
        }
        return entries;
    }

    static long withOptimumAtLeast(List<Entry> entries, int moves) {
        return entries.stream().filter(e -> e.difficulty().optimumMoves().orElse(0) >= moves).count();
    }

    static long withTradeOff(List<Entry> entries) {
        return entries.stream().filter(e -> e.difficulty().tradeOff()).count();
    }

    /**
     * The figures per chapter and in all, one line each, e.g. {@code fork: 5 levels, 1 with a
     * proven optimum of 6+ moves, 1 trading off (three-workers)}: what the difficulty test
     * prints, and says when it fails.
     */
    static String report(List<Entry> entries) {
        StringBuilder out = new StringBuilder();
        java.util.Map<String, List<Entry>> byChapter = new java.util.LinkedHashMap<>();
        entries.forEach(e -> byChapter.computeIfAbsent(e.chapter(), k -> new ArrayList<>()).add(e));
        byChapter.forEach((chapter, list) -> out.append(line(chapter, list)).append('\n'));
        out.append(line("campaign", entries));
        return out.toString();
    }

    private static String line(String name, List<Entry> entries) {
        List<String> longOnes = entries.stream().filter(Entry::isLong).map(e -> shortId(e) + " "
                + e.difficulty().optimumMoves().orElseThrow()).toList();
        List<String> tradeOffs = entries.stream().filter(Entry::tradesOff).map(CampaignDifficulty::shortId).toList();
        return String.format("%s: %d levels, %d with a proven optimum of %d+ moves %s, %d trading off %s", name,
                entries.size(), longOnes.size(), LONG_MOVES, longOnes, tradeOffs.size(), tradeOffs);
    }

    private static String shortId(Entry e) {
        return e.id().substring(e.id().indexOf('/') + 1);
    }

    /** The bundled {@code NAME.naive.moves} of level {@code id}, if there is one. */
    static Optional<List<Move>> naive(String id) throws Exception {
        try (InputStream in = CampaignDifficulty.class.getClassLoader()
                .getResourceAsStream("levels/" + id + ".naive.moves")) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(MoveParser.parseScript(text).stream().map(ScriptLine::move).toList());
        } catch (IOException e) {
            throw new AssertionError("levels/" + id + ".naive.moves: " + e.getMessage(), e);
        }
    }
}
