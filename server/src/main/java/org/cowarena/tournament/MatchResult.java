package org.cowarena.tournament;

import java.util.List;

/**
 * How a match ended, per seat in seat order (the entrants first, then the bots), as the
 * game's standings give it.
 *
 * @param ranks   1 for the leader; equal standings share a rank
 * @param jobsMet the level's jobs each seat met
 * @param charged frames charged to each seat at the end
 */
public record MatchResult(Match match, List<Integer> ranks, List<Integer> jobsMet, List<Integer> charged) {
    public MatchResult {
        ranks = List.copyOf(ranks);
        jobsMet = List.copyOf(jobsMet);
        charged = List.copyOf(charged);
        if (ranks.size() != match.seats() || jobsMet.size() != match.seats() || charged.size() != match.seats()) {
            throw new IllegalArgumentException("a result gives one rank, jobs and charge per seat (" + match.seats()
                    + ")");
        }
    }

    /**
     * Tournament points of a seat: 2 for every other seat (bots included) it ranks above,
     * 1 for every other seat sharing its rank. A duel gives 2 for a win, 1 each for a draw;
     * three seats give 4, 2, 0 when all ranks differ.
     */
    public int points(int seat) {
        int points = 0;
        for (int other = 0; other < ranks.size(); other++) {
            if (other != seat) {
                int a = ranks.get(seat);
                int b = ranks.get(other);
                points += a < b ? 2 : a == b ? 1 : 0;
            }
        }
        return points;
    }
}
