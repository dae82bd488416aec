package org.cowarena.solver;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.cowarena.game.Game;
import org.cowarena.level.Level;
import org.cowarena.move.Move;

/**
 * Counts the distinct solutions ({@link Histograms}) of a puzzle level by metric value:
 * breadth first over (state, score) pairs, each with the number of move sequences that
 * reach it. Unlike the best-result search nothing is dropped for being dominated — a
 * worse way to a state is still a solution — but states past a goal's metric cap, or
 * that the move bound says cannot meet the goal in the moves left, are, since no
 * solution goes through them. Twins are moved once and weighed by their number.
 */
final class SolutionCounter {
    private final Level level;
    private final Game start;
    private final int maxMoves;
    private final int levelLimit;
    private final int maxStates;
    private final Batches batches;
    private final CandidateMoves candidates;
    private final StateKey.Encoder keys;
    private final MetricCaps caps;
    private final MoveBound bound;
    private final Nodes nodes = new Nodes();
    private final Set<CutOff> cutOffs = EnumSet.noneOf(CutOff.class);
    private final long[][] histograms = new long[Solver.METRICS.size()][Scores.MAX + 1];
    private long solutions;

    SolutionCounter(Level level, Game start, int maxMoves, int maxStates, Batches batches) {
        this.level = level;
        this.start = start;
        this.maxMoves = maxMoves;
        this.levelLimit = level.moves().limit().orElse(Integer.MAX_VALUE);
        this.maxStates = maxStates;
        this.batches = batches;
        this.candidates = new CandidateMoves(level);
        this.keys = new StateKey.Encoder(candidates.named());
        this.caps = new MetricCaps(level);
        this.bound = new MoveBound(level);
    }

    /** What one thread made of its share of a layer: each child with the entry it came from. */
    private static final class Children {
        final IntList from = new IntList();
        final IntList weight = new IntList();
        final List<Move> move = new ArrayList<>();
        final LongList hi = new LongList();
        final LongList lo = new LongList();
        final LongList score = new LongList();
        final java.util.BitSet met = new java.util.BitSet();
        boolean longer;

        void add(int entry, Move m, int w, StateKey key, long s, boolean solved) {
            met.set(move.size(), solved);
            from.add(entry);
            weight.add(w);
            move.add(m);
            hi.add(key.hi());
            lo.add(key.lo());
            score.add(s);
        }
    }

    Histograms count() {
        try {
            run();
        } catch (OutOfMemoryError e) {
            cutOffs.add(CutOff.MEMORY);
        }
        Map<String, SortedMap<Integer, Long>> byMetric = new LinkedHashMap<>();
        for (int i = 0; i < histograms.length; i++) {
            SortedMap<Integer, Long> h = new TreeMap<>();
            for (int v = 0; v < histograms[i].length; v++) {
                if (histograms[i][v] > 0) {
                    h.put(v, histograms[i][v]);
                }
            }
            byMetric.put(Solver.METRICS.get(i), h);
        }
        return new Histograms(cutOffs, solutions, nodes.size(), byMetric);
    }

    private void run() {
        long rootScore = Scores.of(start);
        if (caps.exceeded(rootScore)) {
            return;
        }
        if (start.score().met()) {
            solved(rootScore, 1);
            return;
        }
        LayerTable layer = new LayerTable();
        StateKey rootKey = keys.key(start, turnKey(0));
        layer.add(rootKey.hi(), rootKey.lo(), rootScore, nodes.add(-1, null, rootScore));
        layer.add(0, 1);
        for (int depth = 0; layer.size() > 0; depth++) {
            if (depth >= maxMoves) {
                if (maxMoves < levelLimit) {
                    cutOffs.add(CutOff.MOVES);
                }
                return;
            }
            LayerTable next = new LayerTable();
            for (int from = 0; from < layer.size(); from += Solver.BATCH) {
                int[] batch = new int[Math.min(layer.size(), from + Solver.BATCH) - from];
                for (int i = 0; i < batch.length; i++) {
                    batch[i] = from + i;
                }
                LayerTable current = layer;
                int d = depth;
                List<Children> shares = batches.run(batch, (entries, lo, hi) -> expand(current, entries, lo, hi, d));
                if (!merge(current, shares, next)) {
                    return;
                }
            }
            layer = next;
        }
    }

    private Children expand(LayerTable layer, int[] entries, int lo, int hi, int depth) {
        Children out = new Children();
        IntList weights = new IntList();
        Replayer replayer = new Replayer(start, nodes);
        for (int b = lo; b < hi; b++) {
            int entry = entries[b];
            int n = layer.node(entry);
            Game game = replayer.at(n);
            long score = nodes.score(n);
            StateKey here = keys.key(game, turnKey(depth));
            StateKey unchanged = keys.key(game, turnKey(depth + 1));
            List<Move> moves = candidates.of(game, depth, weights);
            Game scratch = null;
            for (int m = 0; m < moves.size(); m++) {
                if (scratch == null) {
                    scratch = game.copy();
                }
                if (!scratch.play(moves.get(m)).outcome().ok()) {
                    continue;
                }
                Game child = scratch;
                scratch = null;
                long s = Scores.of(child);
                StateKey key = keys.key(child, turnKey(depth + 1));
                if (s == score + 1 && key.equals(unchanged) && here.equals(unchanged)) {
                    continue; // padding: nothing changed but the move count
                }
                if (caps.exceeded(s)) {
                    continue;
                }
                int needs = bound.of(child);
                if (needs > maxMoves - depth - 1) {
                    out.longer |= needs != MoveBound.NEVER && needs <= levelLimit - depth - 1;
                    continue;
                }
                out.add(entry, moves.get(m), weights.values[m], key, s, needs == 0 && child.score().met());
            }
        }
        return out;
    }

    private boolean merge(LayerTable layer, List<Children> shares, LayerTable next) {
        for (Children c : shares) {
            if (c.longer) {
                cutOffs.add(CutOff.MOVES);
            }
            for (int i = 0; i < c.move.size(); i++) {
                long ways;
                try {
                    ways = Math.multiplyExact(layer.count(c.from.values[i]), (long) c.weight.values[i]);
                } catch (ArithmeticException e) {
                    cutOffs.add(CutOff.COUNT);
                    return false;
                }
                long h = c.hi.values[i];
                long l = c.lo.values[i];
                long s = c.score.values[i];
                if (c.met.get(i)) {
                    if (!solved(s, ways)) {
                        return false;
                    }
                    continue;
                }
                int e = next.find(h, l, s);
                if (e < 0) {
                    if (nodes.size() >= maxStates) {
                        cutOffs.add(CutOff.STATES);
                        return false;
                    }
                    e = next.add(h, l, s, nodes.add(layer.node(c.from.values[i]), c.move.get(i), s));
                }
                if (!next.add(e, ways)) {
                    cutOffs.add(CutOff.COUNT);
                    return false;
                }
            }
        }
        return true;
    }

    private boolean solved(long score, long ways) {
        if (solutions + ways < 0) {
            cutOffs.add(CutOff.COUNT);
            return false;
        }
        solutions += ways;
        for (int i = 0; i < histograms.length; i++) {
            histograms[i][Scores.get(score, i)] += ways;
        }
        return true;
    }

    private int turnKey(int turn) {
        return turn < candidates.actorsUntil() ? turn : -1;
    }
}
