package org.cowarena.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cowarena.game.Game;
import org.cowarena.level.Level;
import org.cowarena.move.Move;

/**
 * The plain breadth-first search the solver replaced, kept as a reference: exact keys
 * (the state words themselves), dominance on every metric, every value a goal names on
 * every page, no symmetry, no move bound, no caps, one thread. Slow and hungry, so it
 * gives up past a state limit.
 */
final class ReferenceSearch {
    /** The best value per metric of {@link Solver#METRICS}, MAX_VALUE where nothing meets the goal; empty when cut off. */
    static java.util.Optional<int[]> bests(Level level, int maxStates) throws Exception {
        CandidateMoves candidates = new CandidateMoves(level, false);
        StateKeyWords keys = new StateKeyWords(candidates.named());
        int limit = level.moves().limit().orElse(SearchLimits.DEFAULT_MAX_MOVES);
        int[] best = new int[Solver.METRICS.size()];
        Arrays.fill(best, Integer.MAX_VALUE);
        Map<Key, List<long[]>> seen = new HashMap<>();
        Game root = Game.start(level);
        List<Game> frontier = new ArrayList<>();
        int[] states = {0};
        if (keep(seen, keys.key(root, candidates.actorsUntil() > 0 ? 0 : -1), Scores.of(root), states)) {
            frontier.add(root);
        }
        for (int depth = 0; !frontier.isEmpty(); depth++) {
            if (states[0] > maxStates) {
                return java.util.Optional.empty();
            }
            List<Game> next = new ArrayList<>();
            for (Game game : frontier) {
                if (game.score().met()) {
                    long s = Scores.of(game);
                    for (int i = 0; i < best.length; i++) {
                        best[i] = Math.min(best[i], Scores.get(s, i));
                    }
                    continue;
                }
                if (depth == limit) {
                    continue;
                }
                int turn = depth + 1 < candidates.actorsUntil() ? depth + 1 : -1;
                for (Move move : candidates.of(game, depth)) {
                    Game child = game.copy();
                    if (child.play(move).outcome().ok() && keep(seen, keys.key(child, turn), Scores.of(child), states)) {
                        next.add(child);
                        if (states[0] > maxStates) {
                            return java.util.Optional.empty(); // within the layer: one layer can hold millions of games
                        }
                    }
                }
            }
            frontier = next;
        }
        return java.util.Optional.of(best);
    }

    /** Keeps score {@code s} of state {@code key} unless one kept is at least as good on every metric. */
    private static boolean keep(Map<Key, List<long[]>> seen, Key key, long s, int[] states) {
        List<long[]> scores = seen.computeIfAbsent(key, k -> new ArrayList<>());
        if (scores.stream().anyMatch(o -> Scores.atMost(o[0], s))) {
            return false;
        }
        scores.removeIf(o -> Scores.atMost(s, o[0]));
        scores.add(new long[] {s});
        states[0]++;
        return true;
    }

    /** The turn and the state words: an exact key. */
    private record Key(int turn, int[] words) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.turn == turn && Arrays.equals(k.words, words);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(words) + turn;
        }

        @Override
        public String toString() {
            return turn + " " + Arrays.toString(words);
        }
    }

    /** Keys of games: each value a goal names is its 1-based place among the named ones, any other 0. */
    private static final class StateKeyWords {
        private final Map<String, Integer> ids = new HashMap<>();

        StateKeyWords(java.util.Set<String> named) {
            for (String value : named) {
                ids.put(value, ids.size() + 1);
            }
        }

        Key key(Game game, int turn) {
            return new Key(turn, game.kernel().stateWords(v -> ids.getOrDefault(v, 0)));
        }
    }

    private ReferenceSearch() {
    }

}
