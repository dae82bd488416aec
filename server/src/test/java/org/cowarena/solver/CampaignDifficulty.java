package org.cowarena.solver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    /** One level's measures and the search they come from. */
    record Entry(String id, SolveResult result, Difficulty difficulty) {
    }

    private CampaignDifficulty() {
    }

    /** Every bundled puzzle under {@code campaign/}, in campaign order. */
    static List<Entry> measure(SearchLimits limits) throws Exception {
        List<Entry> entries = new ArrayList<>();
        for (String id : LevelLoader.bundledIds()) {
            Level level = LevelLoader.loadBundled(id);
            if (!id.startsWith("campaign/") || level.kind() != LevelKind.PUZZLE) {
                continue;
            }
            SolveResult result = new Solver(level, limits).solve();
            entries.add(new Entry(id, result, Difficulty.of(result, naive(id))));
        }
        return entries;
    }

    static long withOptimumAtLeast(List<Entry> entries, int moves) {
        return entries.stream().filter(e -> e.difficulty().optimumMoves().orElse(0) >= moves).count();
    }

    static long withTradeOff(List<Entry> entries) {
        return entries.stream().filter(e -> e.difficulty().tradeOff()).count();
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
