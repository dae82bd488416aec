package org.cowarena.solver;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
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
import org.cowarena.level.Metrics;
import org.cowarena.move.Move;

/**
 * Breadth-first search over the move sequences of a puzzle level, for the best result
 * per metric.
 *
 * <p>Every move is played on a {@link Game#copy()} through {@link Game#play}, so the
 * level's rules and its scripted actors apply exactly as in play. States are
 * deduplicated on a {@link StateKey}; two states with the same key keep both unless
 * one is at least as good on every metric (moves, copies, frames copied, peak, faults,
 * OOM kills) — the future of a state depends on its key only, and metrics only grow,
 * so the dominated one can never do better. For the same reason a state that meets
 * the goal is not searched further, nor is a state some solution already beats or
 * equals on every metric.
 */
public final class Solver {
    /** The metrics a level's stars can name, in the order results list them. */
    public static final List<String> METRICS = List.of("moves", "copies", "framesCopied", "peakFrames", "faults",
            "reclaims", "majorFaults");

    /** Per state: the metrics in {@link #METRICS} order, then OOM kills (a goal may forbid any). */
    private static final int SCORE_LENGTH = METRICS.size() + 1;

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
        return new Search(Game.start(level)).run();
    }

    /** One node of the search tree: the move that led here from its parent, and the state's score. */
    private static final class Node {
        final Node parent;
        final Move move;
        final int[] score;
        /** The state itself, kept only while the node waits in the frontier to be expanded. */
        Game game;
        /** The state meets the goal. */
        boolean solved;
        /** Another state with the same key proved at least as good: not worth expanding. */
        boolean dominated;
        /** The next kept state with the same key. */
        Node sameKey;

        Node(Node parent, Move move, int[] score) {
            this.parent = parent;
            this.move = move;
            this.score = score;
        }

        List<Move> path() {
            List<Move> moves = new ArrayList<>();
            for (Node n = this; n.parent != null; n = n.parent) {
                moves.add(n.move);
            }
            java.util.Collections.reverse(moves);
            return moves;
        }
    }

    /** The state of one run of the search. */
    private final class Search {
        private final Game start;
        private final CandidateMoves candidates = new CandidateMoves(level);
        private final StateKey.Encoder keys = new StateKey.Encoder(candidates.named());
        private final Map<StateKey, Node> seen = new HashMap<>();
        private final Set<CutOff> cutOffs = EnumSet.noneOf(CutOff.class);
        /** The metrics of the solutions found that no other solution beats on every metric. */
        private final List<int[]> frontOfSolutions = new ArrayList<>();
        private final Solution[] best = new Solution[METRICS.size()];
        private Solution mostStars;
        private long states;
        private long expanded;
        private long tried;

        Search(Game start) {
            this.start = start;
        }

        SolveResult run() {
            int maxMoves = maxMoves();
            int levelLimit = level.moves().limit().orElse(Integer.MAX_VALUE);
            try {
                search(maxMoves, levelLimit);
            } catch (OutOfMemoryError e) {
                // The frontier went with the stack frame; the states go too, the solutions stay.
                seen.clear();
                cutOffs.add(CutOff.MEMORY);
            }
            Map<String, Solution> bests = new LinkedHashMap<>();
            for (int i = 0; i < best.length; i++) {
                if (best[i] != null) {
                    bests.put(METRICS.get(i), best[i]);
                }
            }
            return new SolveResult(level, maxMoves, cutOffs, states, expanded, tried, bests,
                    Optional.ofNullable(mostStars));
        }

        private void search(int maxMoves, int levelLimit) {
            Node root = new Node(null, null, scoreOf(start));
            List<Node> frontier = new ArrayList<>();
            if (keep(root, start, keys.key(start, turnKey(0)), maxMoves == 0) && !root.solved) {
                frontier.add(root);
            }
            for (int depth = 0; !frontier.isEmpty() && !cutOffs.contains(CutOff.STATES); depth++) {
                List<Node> next = new ArrayList<>();
                for (Node node : frontier) {
                    Game game = node.game;
                    node.game = null;
                    if (node.dominated || beatenBySolution(node.score) || cutOffs.contains(CutOff.STATES)) {
                        continue;
                    }
                    if (depth >= maxMoves) {
                        if (maxMoves < levelLimit) {
                            cutOffs.add(CutOff.MOVES);
                        }
                        continue;
                    }
                    expand(node, game, depth, depth + 1 >= maxMoves, next);
                }
                frontier = next;
            }
        }

        /** {@code last}: the children will not be expanded, so they need not keep their games. */
        private void expand(Node node, Game game, int depth, boolean last, List<Node> next) {
            expanded++;
            int turnKey = turnKey(depth + 1);
            Game scratch = null;
            for (Move move : candidates.of(game, depth)) {
                tried++;
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
                int[] score = scoreOf(child);
                if (beatenBySolution(score)) {
                    continue;
                }
                Node n = new Node(node, move, score);
                if (!keep(n, child, keys.key(child, turnKey), last)) {
                    if (cutOffs.contains(CutOff.STATES)) {
                        return;
                    }
                    continue;
                }
                if (!n.solved) {
                    next.add(n);
                }
            }
        }

        /**
         * Adds a state unless one with the same key is at least as good; records it as a
         * solution when it meets the goal, else leaves its game on it for expansion
         * (unless it is {@code last}).
         */
        private boolean keep(Node n, Game game, StateKey key, boolean last) {
            Node head = seen.get(key);
            for (Node e = head; e != null; e = e.sameKey) {
                if (atMost(e.score, n.score, SCORE_LENGTH)) {
                    return false;
                }
            }
            if (states >= limits.maxStates()) {
                cutOffs.add(CutOff.STATES);
                return false;
            }
            Node kept = null;
            Node tail = null;
            for (Node e = head; e != null; e = e.sameKey) {
                if (atMost(n.score, e.score, SCORE_LENGTH)) {
                    e.dominated = true;
                    continue;
                }
                if (kept == null) {
                    kept = e;
                } else {
                    tail.sameKey = e;
                }
                tail = e;
            }
            if (tail != null) {
                tail.sameKey = null;
            }
            n.sameKey = kept;
            seen.put(key, n);
            states++;
            Score score = game.score();
            if (score.met()) {
                n.solved = true;
                record(n);
            } else if (!last) {
                n.game = game;
            }
            return true;
        }

        /**
         * Records a solution, replayed from the start so that its metrics carry no
         * refusal the search made on the way.
         */
        private void record(Node n) {
            List<Move> path = n.path();
            Game replay = start.copy();
            for (Move move : path) {
                replay.play(move);
            }
            Score score = replay.score();
            int[] check = scoreOf(replay);
            if (!score.met() || !java.util.Arrays.equals(check, n.score)) {
                throw new IllegalStateException("a solution plays differently from the start: " + path);
            }
            Solution s = new Solution(path, replay.metrics(), score.stars());
            frontOfSolutions.removeIf(f -> atMost(n.score, f, METRICS.size()));
            frontOfSolutions.add(n.score);
            for (int i = 0; i < best.length; i++) {
                if (best[i] == null || better(s, best[i], i)) {
                    best[i] = s;
                }
            }
            if (mostStars == null || better(s, mostStars, -1)) {
                mostStars = s;
            }
        }

        private boolean beatenBySolution(int[] score) {
            for (int[] f : frontOfSolutions) {
                if (atMost(f, score, METRICS.size())) {
                    return true;
                }
            }
            return false;
        }

        /** The turn as far as the key cares: -1 once no actor has anything left to play. */
        private int turnKey(int turn) {
            return turn < candidates.actorsUntil() ? turn : -1;
        }
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

    private static int[] scoreOf(Game game) {
        Metrics m = game.metrics();
        return new int[] {m.moves(), m.copies(), m.framesCopied(), m.peakFrames(), m.faults(), m.reclaims(),
            m.majorFaults(), game.kernel().stats().oomKills()};
    }

    /** Every one of the first {@code n} components of {@code a} is at most that of {@code b}. */
    private static boolean atMost(int[] a, int[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (a[i] > b[i]) {
                return false;
            }
        }
        return true;
    }
}
