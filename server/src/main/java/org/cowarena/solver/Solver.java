package org.cowarena.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cowarena.game.Game;
import org.cowarena.game.Score;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelKind;
import org.cowarena.move.Move;

/**
 * Breadth-first search over the move sequences of a puzzle level, for the best result
 * per metric.
 *
 * <p>Every move is played on a {@link Game#copy()} through {@link Game#play}, so the
 * level's rules and its scripted actors apply exactly as in play. States are
 * deduplicated on a {@link StateKey} in a {@link StateTable}; two states with the same
 * key keep both unless one is at least as good on every metric (moves, copies, frames
 * copied, peak, faults, reclaims, major faults, OOM kills) — the future of a state depends on its key only, and
 * metrics only grow, so the dominated one can never do better. For the same reason a
 * state that meets the goal is not searched further, nor is a state some solution
 * already beats or equals on every metric, nor one past a goal's cap on a metric
 * (peak frames, copies, frames copied, OOM kills), which can never be met again.
 * {@link CandidateMoves} leaves out moves that cannot lead anywhere new: values no goal
 * tells apart, and the moves of a process identical to an earlier one.
 *
 * <p>A layer (all kept states of one length) is expanded in batches; a batch is split
 * between threads, each rebuilding its states by replay and playing their moves, and
 * the children are then kept or dropped in one thread, in the order of the batch: the
 * result does not depend on the number of threads or on timing.
 */
public final class Solver {
    /** The metrics a level's stars can name, in the order results list them. */
    public static final List<String> METRICS = List.of("moves", "copies", "framesCopied", "peakFrames", "faults",
            "reclaims", "majorFaults");

    /** States expanded per batch: enough to keep the threads busy, few enough to prune early. */
    static final int BATCH = 2048;

    private final Level level;
    private final SearchLimits limits;

    public Solver(Level level, SearchLimits limits) {
        if (level.kind() != LevelKind.PUZZLE) {
            throw new IllegalArgumentException("the solver searches puzzle levels; " + level.id() + " is an "
                    + level.kind().label() + " level");
        }
        this.level = level;
        this.limits = limits;
    }

    /** The longest move sequence the search tries: the smaller of the limit asked for and the level's. */
    public int maxMoves() {
        int levelLimit = level.moves().limit().orElse(Integer.MAX_VALUE);
        int asked = limits.maxMoves().orElse(level.moves().limit().orElse(SearchLimits.DEFAULT_MAX_MOVES));
        return Math.min(asked, levelLimit);
    }

    public SolveResult solve() throws LevelException {
        try (Batches batches = new Batches(limits.threads())) {
            Game start = Game.start(level);
            SolveResult result = new Search(start, batches).run();
            if (limits.histogramStates() == 0) {
                return result;
            }
            Histograms histograms = new SolutionCounter(level, start, maxMoves(), limits.histogramStates(), batches)
                    .count();
            return result.withHistograms(histograms);
        }
    }

    /** What one thread made of its share of a batch: the children worth offering, in order. */
    private static final class Children {
        final IntList parent = new IntList();
        final java.util.List<Move> move = new ArrayList<>();
        final LongList hi = new LongList();
        final LongList lo = new LongList();
        final LongList score = new LongList();
        final java.util.BitSet solved = new java.util.BitSet();
        long expanded;
        long tried;
        /** A child was dropped that might meet the goal in more moves than were searched. */
        boolean longer;

        void add(int from, Move m, StateKey key, long s, boolean met) {
            solved.set(move.size(), met);
            parent.add(from);
            move.add(m);
            hi.add(key.hi());
            lo.add(key.lo());
            score.add(s);
        }
    }

    /** The state of one run of the search. */
    private final class Search {
        private final Game start;
        private final Batches batches;
        private final CandidateMoves candidates = new CandidateMoves(level);
        private final StateKey.Encoder keys = new StateKey.Encoder(candidates.named());
        private final MetricCaps caps = new MetricCaps(level);
        private final MoveBound bound = new MoveBound(level);
        private final int maxMoves = maxMoves();
        private final int levelLimit = level.moves().limit().orElse(Integer.MAX_VALUE);
        private final StateTable table = new StateTable(1 << 12);
        private final Nodes nodes = new Nodes();
        private final Set<CutOff> cutOffs = EnumSet.noneOf(CutOff.class);
        /** The scores of the solutions found that no other solution beats on every metric. */
        private long[] front = new long[0];
        private final Solution[] best = new Solution[METRICS.size()];
        private Solution mostStars;
        private long states;
        private long expanded;
        private long tried;

        Search(Game start, Batches batches) {
            this.start = start;
            this.batches = batches;
        }

        SolveResult run() {
            try {
                search();
            } catch (OutOfMemoryError e) {
                cutOffs.add(CutOff.MEMORY);
            }
            Map<String, Solution> bests = new LinkedHashMap<>();
            for (int i = 0; i < best.length; i++) {
                if (best[i] != null) {
                    bests.put(METRICS.get(i), best[i]);
                }
            }
            List<org.cowarena.level.Metrics> metrics = new ArrayList<>();
            for (long f : front) {
                metrics.add(Scores.metrics(f));
            }
            return new SolveResult(level, maxMoves, cutOffs, states, expanded, tried, bests,
                    Optional.ofNullable(mostStars), metrics, Optional.empty());
        }

        private void search() {
            long rootScore = Scores.of(start);
            int root = nodes.add(-1, null, rootScore);
            StateKey rootKey = keys.key(start, turnKey(0));
            table.offer(rootKey.hi(), rootKey.lo(), rootScore, root, nodes::beat);
            states++;
            if (start.score().met()) {
                record(root);
                return;
            }
            if (caps.exceeded(rootScore)) {
                return;
            }
            int[] frontier = {root};
            int frontierSize = 1;
            for (int depth = 0; frontierSize > 0; depth++) {
                if (depth >= maxMoves) {
                    for (int i = 0; i < frontierSize; i++) {
                        if (!nodes.beaten(frontier[i]) && !beatenBySolution(nodes.score(frontier[i]))
                                && maxMoves < levelLimit) {
                            cutOffs.add(CutOff.MOVES);
                        }
                    }
                    return;
                }
                IntList next = new IntList();
                for (int from = 0; from < frontierSize; from += BATCH) {
                    int[] batch = live(frontier, from, Math.min(frontierSize, from + BATCH));
                    if (!merge(expand(batch, depth), next)) {
                        return;
                    }
                }
                frontier = next.values;
                frontierSize = next.size;
            }
        }

        /** The nodes of {@code frontier[from, to)} still worth expanding. */
        private int[] live(int[] frontier, int from, int to) {
            IntList live = new IntList();
            for (int i = from; i < to; i++) {
                int n = frontier[i];
                if (!nodes.beaten(n) && !beatenBySolution(nodes.score(n))) {
                    live.add(n);
                }
            }
            return Arrays.copyOf(live.values, live.size);
        }

        /** Plays every candidate of every node in {@code batch}, split between the threads. */
        private List<Children> expand(int[] batch, int depth) {
            long[] snapshot = front;
            return batches.run(batch, (nodes, from, to) -> expand(nodes, from, to, depth, snapshot));
        }

        private Children expand(int[] batch, int from, int to, int depth, long[] solutions) {
            Children out = new Children();
            int turnKey = turnKey(depth + 1);
            Replayer replayer = new Replayer(start, nodes);
            for (int b = from; b < to; b++) {
                int n = batch[b];
                Game game = replayer.at(n);
                out.expanded++;
                Game scratch = null;
                for (Move move : candidates.of(game, depth)) {
                    out.tried++;
                    if (scratch == null) {
                        scratch = game.copy();
                    }
                    if (!scratch.play(move).outcome().ok()) {
                        // A refused move changes nothing but the refusal counts, which no goal,
                        // star or later move reads: the same copy serves the next candidate.
                        continue;
                    }
                    Game child = scratch;
                    scratch = null;
                    long s = Scores.of(child);
                    if (caps.exceeded(s) || beatenBy(solutions, s)) {
                        continue;
                    }
                    // The table changes only between batches: reading it here is safe and
                    // saves the work below for states already met with as good a score.
                    StateKey key = keys.key(child, turnKey);
                    if (table.dominated(key.hi(), key.lo(), s)) {
                        continue;
                    }
                    int needs = bound.of(child);
                    if (needs > maxMoves - depth - 1) {
                        // It cannot meet the goal in the moves searched; maybe in those the level allows.
                        out.longer |= needs != MoveBound.NEVER && needs <= levelLimit - depth - 1;
                        continue;
                    }
                    // A state the bound says needs a move does not meet the goal.
                    out.add(n, move, key, s, needs == 0 && child.score().met());
                }
            }
            return out;
        }

        /** Keeps the children worth keeping; false once the state limit stopped the search. */
        private boolean merge(List<Children> batches, IntList next) {
            for (Children c : batches) {
                expanded += c.expanded;
                tried += c.tried;
                if (c.longer) {
                    cutOffs.add(CutOff.MOVES);
                }
            }
            for (Children c : batches) {
                for (int i = 0; i < c.move.size(); i++) {
                    long s = c.score.values[i];
                    long h = c.hi.values[i];
                    long l = c.lo.values[i];
                    if (beatenBySolution(s) || table.dominated(h, l, s)) {
                        continue;
                    }
                    if (states >= limits.maxStates()) {
                        cutOffs.add(CutOff.STATES);
                        return false;
                    }
                    int n = nodes.add(c.parent.values[i], c.move.get(i), s);
                    table.offer(h, l, s, n, nodes::beat);
                    states++;
                    if (c.solved.get(i)) {
                        record(n);
                    } else {
                        next.add(n);
                    }
                }
            }
            return true;
        }

        /**
         * Records a solution, replayed from the start so that its metrics carry no
         * refusal the search made on the way.
         */
        private void record(int n) {
            List<Move> path = nodes.path(n);
            Game replay = nodes.replay(start, n);
            Score score = replay.score();
            if (!score.met() || Scores.of(replay) != nodes.score(n)) {
                throw new IllegalStateException("a solution plays differently from the start: " + path);
            }
            Solution s = new Solution(path, replay.metrics(), score.stars());
            long packed = nodes.score(n);
            List<Long> kept = new ArrayList<>();
            for (long f : front) {
                if (!Scores.atMost(packed, f, METRICS.size())) {
                    kept.add(f);
                }
            }
            kept.add(packed);
            front = kept.stream().mapToLong(Long::longValue).toArray();
            for (int i = 0; i < best.length; i++) {
                if (best[i] == null || better(s, best[i], i)) {
                    best[i] = s;
                }
            }
            if (mostStars == null || better(s, mostStars, -1)) {
                mostStars = s;
            }
        }

        private boolean beatenBySolution(long score) {
            return beatenBy(front, score);
        }

        /** The turn as far as the key cares: -1 once no actor has anything left to play. */
        private int turnKey(int turn) {
            return turn < candidates.actorsUntil() ? turn : -1;
        }
    }

    private static boolean beatenBy(long[] solutions, long score) {
        for (long f : solutions) {
            if (Scores.atMost(f, score, METRICS.size())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code a} beats {@code b} on metric {@code i} (-1: on stars); ties go to more
     * stars, then to the metrics in order (fewest moves first). Equal on all: the one found first.
     */
    private static boolean better(Solution a, Solution b, int i) {
        if (i >= 0) {
            int c = Integer.compare(a.metrics().get(METRICS.get(i)), b.metrics().get(METRICS.get(i)));
            if (c != 0) {
                return c < 0;
            }
        }
        if (a.stars() != b.stars()) {
            return a.stars() > b.stars();
        }
        for (String metric : METRICS) {
            int c = Integer.compare(a.metrics().get(metric), b.metrics().get(metric));
            if (c != 0) {
                return c < 0;
            }
        }
        return false;
    }
}
