package org.cowarena.race;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cowarena.game.Game;
import org.cowarena.game.Score;
import org.cowarena.game.Turn;
import org.cowarena.kernel.Outcome;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.Metrics;
import org.cowarena.move.Move;

/**
 * The results of a race: its levels, its players in the order they joined, each
 * player's attempt in progress and best per level. Pure: no clock (times are given),
 * no I/O, no threads; the same calls give the same ledger, which is how a journal is
 * replayed.
 */
public final class RaceLedger {
    /** The metrics a race ranks, in this order everywhere (messages, CSV, JSON). */
    public static final List<String> METRICS = List.of("moves", "copies", "peakFrames", "stars");
    static final int STARS = 3;

    private final List<Level> levels;
    private final Map<String, Runner> runners = new LinkedHashMap<>();

    public RaceLedger(List<Level> levels) {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a race needs at least one level");
        }
        this.levels = List.copyOf(levels);
    }

    /** Stars count up; every other metric counts down. */
    public static boolean higherIsBetter(int metric) {
        return metric == STARS;
    }

    public List<Level> levels() {
        return levels;
    }

    /** The player of that name, added (with no attempt yet) if new. */
    public Runner join(String name) {
        return runners.computeIfAbsent(name, n -> new Runner(n, levels.size()));
    }

    public Optional<Runner> runner(String name) {
        return Optional.ofNullable(runners.get(name));
    }

    /** Players in the order they joined. */
    public Collection<Runner> runners() {
        return Collections.unmodifiableCollection(runners.values());
    }

    /** Starts a new attempt of {@code level} for the player: a fresh game of the level. */
    public void begin(String name, int level) {
        if (level < 0 || level >= levels.size()) {
            throw new IllegalArgumentException("no level " + level + " in this race (0 to " + (levels.size() - 1) + ")");
        }
        Runner r = join(name);
        try {
            r.game = Game.start(levels.get(level));
        } catch (LevelException e) {
            throw new IllegalStateException("a race level that loaded does not start: " + e.getMessage(), e);
        }
        r.attempt = r.level == level ? r.attempt + 1 : 1;
        r.level = level;
        r.moves.clear();
        r.solvedNow = false;
        r.bests[level].attempted();
    }

    /**
     * Plays a move of the player's current attempt. A refused move changes nothing (not
     * even the rejected count: a replay of the accepted moves gives the same game).
     * {@code millis} is the race time, kept for a first solve.
     */
    public RaceStep play(String name, Move move, long millis) {
        try {
            return play(name, move, millis, () -> { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes down an accepted move before it counts (the journal); if it throws, nothing changes. */
    @FunctionalInterface
    public interface Record {
        void accepted() throws IOException;
    }

    /**
     * The same, calling {@code record} once the move is known to be accepted and before
     * the ledger changes: an exception from it leaves the ledger as it was.
     */
    public RaceStep play(String name, Move move, long millis, Record record) throws IOException {
        Runner r = runners.get(name);
        if (r == null || r.game == null) {
            return RaceStep.refused("start an attempt at a level first");
        }
        if (r.solvedNow) {
            return RaceStep.refused("this attempt already solved the level: start a new attempt or the next level");
        }
        Turn turn = r.game.attempt(Optional.empty(), move); // in place: a refusal leaves the game untouched
        if (turn.outcome() instanceof Outcome.Refused refused) {
            return RaceStep.refused(refused.reason());
        }
        try {
            record.accepted();
        } catch (IOException | RuntimeException e) {
            r.game = replayed(r); // not recorded: the attempt goes back to the moves that were
            throw e;
        }
        r.moves.add(move.notation());
        Score score = r.game.score();
        int[] result = result(r.game.metrics(), score.stars());
        boolean improved = false;
        if (score.met()) {
            r.solvedNow = true;
            improved = r.bests[r.level].record(result, r.moves, millis);
        }
        return new RaceStep(null, turn, result, score.met(), improved);
    }

    /** The runner's attempt played again from its level's start through its accepted moves. */
    private Game replayed(Runner r) {
        try {
            Game game = Game.start(levels.get(r.level));
            for (String m : r.moves) {
                game.attempt(Optional.empty(), org.cowarena.move.MoveParser.parseMove(m));
            }
            return game;
        } catch (LevelException | org.cowarena.move.MoveSyntaxException e) {
            throw new IllegalStateException("an attempt's own moves do not replay: " + e.getMessage(), e);
        }
    }

    private static int[] result(Metrics m, int stars) {
        return new int[] {m.moves(), m.copies(), m.peakFrames(), stars};
    }

    /** The level's three-star value of metric {@code m}: its {@code stars} entry, 3 for stars, -1 when unset. */
    public int threshold(int level, int m) {
        if (m == STARS) {
            return 3;
        }
        Integer v = levels.get(level).stars().get(METRICS.get(m));
        if (v == null && m == 2) {
            v = levels.get(level).stars().get("peak");
        }
        return v == null ? -1 : v;
    }

    /**
     * Each player's best value of metric {@code m} on {@code level}, solved players only, in
     * join order, leaving out the players named in {@code without}.
     */
    public List<Integer> bests(int level, int m, Collection<String> without) {
        List<Integer> values = new ArrayList<>();
        for (Runner r : runners.values()) {
            if (r.bests[level].solved() && !without.contains(r.name())) {
                values.add(r.bests[level].best(m));
            }
        }
        return values;
    }
}
