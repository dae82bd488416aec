package org.cowarena.tournament;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * A round-robin schedule: rounds of matches such that every two entrants meet in at least
 * one match. Round r plays level {@code (r - 1) mod levels}, in groups of that level's
 * seats; a group short of entrants has bots in its other seats.
 *
 * <p>The entrants are first shuffled with the seed (the same join order and seed give the
 * same schedule). When every level has two seats the rounds follow the circle method: each
 * pair meets exactly once in n - 1 rounds (n rounds for an odd n, the odd entrant of each
 * round playing a bot). With more seats, each round is built greedily: a group starts with
 * the entrant with most opponents still to meet among those not yet placed, and takes in
 * turn whoever meets the most new opponents; rounds go on until every pair has met.
 */
public final class Schedule {
    private final List<List<Match>> rounds;

    private Schedule(List<List<Match>> rounds) {
        this.rounds = rounds;
    }

    /**
     * @param entrants names in join order, all different
     * @param seats    seats of each level of the tournament, in order (each at least 2)
     * @param seed     shuffles the entrants before drawing
     */
    public static Schedule roundRobin(List<String> entrants, List<Integer> seats, long seed) {
        if (entrants.size() < 2) {
            throw new IllegalArgumentException("a tournament needs at least 2 players, not " + entrants.size());
        }
        if (new TreeSet<>(entrants).size() != entrants.size()) {
            throw new IllegalArgumentException("the players' names must differ: " + entrants);
        }
        if (seats.isEmpty()) {
            throw new IllegalArgumentException("a tournament needs at least one level");
        }
        for (int k : seats) {
            if (k < 2) {
                throw new IllegalArgumentException("a tournament level needs at least 2 seats, not " + k);
            }
        }
        List<String> order = new ArrayList<>(entrants);
        Collections.shuffle(order, new Random(seed));
        boolean duels = seats.stream().allMatch(k -> k == 2);
        List<List<List<String>>> groups = duels ? circle(order) : greedy(order, seats);
        List<List<Match>> rounds = new ArrayList<>();
        for (int r = 0; r < groups.size(); r++) {
            int level = r % seats.size();
            List<Match> round = new ArrayList<>();
            for (int m = 0; m < groups.get(r).size(); m++) {
                round.add(new Match(r + 1, m + 1, level, seats.get(level), groups.get(r).get(m)));
            }
            rounds.add(List.copyOf(round));
        }
        return new Schedule(List.copyOf(rounds));
    }

    /** Berger tables: one entrant fixed, the others turn one place a round; null is the bot. */
    private static List<List<List<String>>> circle(List<String> order) {
        List<String> ring = new ArrayList<>(order);
        if (ring.size() % 2 == 1) {
            ring.add(null);
        }
        int n = ring.size();
        List<List<List<String>>> rounds = new ArrayList<>();
        for (int r = 0; r < n - 1; r++) {
            List<List<String>> round = new ArrayList<>();
            for (int i = 0; i < n / 2; i++) {
                String a = ring.get(i);
                String b = ring.get(n - 1 - i);
                List<String> pair = new ArrayList<>();
                // alternate who moves first, so nobody always opens
                String first = (r + i) % 2 == 0 ? a : b;
                String second = first == a ? b : a;
                if (first != null) {
                    pair.add(first);
                }
                if (second != null) {
                    pair.add(second);
                }
                round.add(pair);
            }
            rounds.add(round);
            ring.add(1, ring.remove(n - 1));
        }
        return rounds;
    }

    private static List<List<List<String>>> greedy(List<String> order, List<Integer> seats) {
        int n = order.size();
        boolean[][] met = new boolean[n][n];
        int unmet = n * (n - 1) / 2;
        List<List<List<String>>> rounds = new ArrayList<>();
        while (unmet > 0) {
            int k = seats.get(rounds.size() % seats.size());
            List<Integer> left = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                left.add(i);
            }
            List<List<String>> round = new ArrayList<>();
            while (!left.isEmpty()) {
                int start = left.get(0);
                for (int i : left) {
                    if (unmetAmong(met, i, left) > unmetAmong(met, start, left)) {
                        start = i;
                    }
                }
                List<Integer> group = new ArrayList<>(List.of(start));
                left.remove(Integer.valueOf(start));
                while (group.size() < k && !left.isEmpty()) {
                    int best = left.get(0);
                    for (int i : left) {
                        if (newOpponents(met, i, group) > newOpponents(met, best, group)) {
                            best = i;
                        }
                    }
                    group.add(best);
                    left.remove(Integer.valueOf(best));
                }
                for (int a : group) {
                    for (int b : group) {
                        if (a < b && !met[a][b]) {
                            met[a][b] = true;
                            met[b][a] = true;
                            unmet--;
                        }
                    }
                }
                List<String> names = new ArrayList<>();
                for (int i : group) {
                    names.add(order.get(i));
                }
                round.add(names);
            }
            rounds.add(round);
        }
        return rounds;
    }

    private static int unmetAmong(boolean[][] met, int player, List<Integer> others) {
        int count = 0;
        for (int o : others) {
            count += o != player && !met[player][o] ? 1 : 0;
        }
        return count;
    }

    private static int newOpponents(boolean[][] met, int player, List<Integer> group) {
        int count = 0;
        for (int g : group) {
            count += !met[player][g] ? 1 : 0;
        }
        return count;
    }

    /** The rounds, in order, each its matches in order. */
    public List<List<Match>> rounds() {
        return rounds;
    }

    public List<Match> matches() {
        List<Match> all = new ArrayList<>();
        rounds.forEach(all::addAll);
        return all;
    }
}
