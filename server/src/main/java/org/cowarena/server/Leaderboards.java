package org.cowarena.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.cowarena.protocol.Messages;
import org.cowarena.race.LevelBest;
import org.cowarena.race.RaceLedger;
import org.cowarena.race.Runner;

/** The leaderboard message of a race ledger: what a projector shows, computed on the room thread. */
final class Leaderboards {
    private Leaderboards() {
    }

    /** The leaderboard of the players in the race: those the teacher removed ({@code kicked}) are left out. */
    static Messages.Leaderboard of(RaceLedger ledger, Set<String> kicked, long elapsedMillis) {
        List<Runner> runners = new ArrayList<>(ledger.runners());
        runners.removeIf(r -> kicked.contains(r.name()));
        int n = runners.size();
        int metrics = RaceLedger.METRICS.size();
        Messages.Leaderboard board = new Messages.Leaderboard();
        board.players = new String[n];
        for (int p = 0; p < n; p++) {
            board.players[p] = runners.get(p).name();
        }
        board.metrics = RaceLedger.METRICS.toArray(new String[0]);
        board.elapsedMillis = elapsedMillis;
        board.levels = new Messages.LevelBoard[ledger.levels().size()];
        for (int l = 0; l < board.levels.length; l++) {
            Messages.LevelBoard level = new Messages.LevelBoard();
            level.level = ledger.levels().get(l).id();
            level.title = ledger.levels().get(l).title();
            level.solved = new boolean[n];
            level.best = new int[n * metrics];
            level.solvedMillis = new long[n];
            for (int p = 0; p < n; p++) {
                LevelBest best = runners.get(p).best(l);
                level.solved[p] = best.solved();
                level.solvedMillis[p] = best.firstSolvedMillis();
                for (int m = 0; m < metrics; m++) {
                    level.best[p * metrics + m] = best.best(m);
                }
            }
            level.histograms = new Messages.Histogram[metrics];
            for (int m = 0; m < metrics; m++) {
                level.histograms[m] = histogram(ledger, kicked, l, m);
            }
            board.levels[l] = level;
        }
        return board;
    }

    static Messages.Histogram histogram(RaceLedger ledger, Set<String> kicked, int level, int m) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (int value : ledger.bests(level, m, kicked)) {
            counts.merge(value, 1, Integer::sum);
        }
        Messages.Histogram h = new Messages.Histogram();
        h.metric = RaceLedger.METRICS.get(m);
        h.values = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
        h.counts = counts.values().stream().mapToInt(Integer::intValue).toArray();
        h.threeStars = ledger.threshold(level, m);
        h.higherIsBetter = RaceLedger.higherIsBetter(m);
        return h;
    }
}
