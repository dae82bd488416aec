package org.cowarena.tournament;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandingsTest {
    private static MatchResult duel(int round, String a, String b, int rankA, int rankB, int jobsA, int jobsB) {
        return new MatchResult(new Match(round, 1, 0, 2, List.of(a, b)), List.of(rankA, rankB),
                List.of(jobsA, jobsB), List.of(4, 6));
    }

    @Test
    void aWinIsTwoPointsADrawOneEach() {
        MatchResult win = duel(1, "ann", "bob", 1, 2, 1, 0);
        assertThat(win.points(0)).isEqualTo(2);
        assertThat(win.points(1)).isZero();
        MatchResult draw = duel(1, "ann", "bob", 1, 1, 1, 1);
        assertThat(draw.points(0)).isEqualTo(1);
        assertThat(draw.points(1)).isEqualTo(1);
    }

    @Test
    void threeSeatsGiveFourTwoNoneAndBotsCount() {
        MatchResult r = new MatchResult(new Match(1, 1, 0, 3, List.of("ann", "bob")), List.of(2, 3, 1),
                List.of(1, 0, 2), List.of(3, 3, 3));
        assertThat(r.points(0)).isEqualTo(2);
        assertThat(r.points(1)).isZero();
        MatchResult tie = new MatchResult(new Match(1, 1, 0, 3, List.of("ann", "bob", "cy")), List.of(1, 1, 3),
                List.of(1, 1, 0), List.of(3, 3, 3));
        assertThat(List.of(tie.points(0), tie.points(1), tie.points(2))).containsExactly(3, 3, 0);
    }

    @Test
    void tableOrdersByPointsThenJobsThenFewerFrames() {
        Standings s = Standings.of(List.of("ann", "bob", "cy", "dee"), List.of(
                duel(1, "ann", "bob", 1, 2, 2, 0),
                duel(1, "cy", "dee", 1, 1, 1, 1),
                duel(2, "bob", "cy", 1, 2, 1, 0),
                duel(2, "dee", "ann", 1, 2, 1, 0)));
        assertThat(s.rows()).extracting(Standings.Row::player).containsExactly("dee", "ann", "bob", "cy");
        assertThat(s.rows()).extracting(Standings.Row::points).containsExactly(3, 2, 2, 1);
        assertThat(s.rows()).extracting(Standings.Row::jobsMet).containsExactly(2, 2, 1, 1);
        assertThat(s.rows()).extracting(Standings.Row::matches).containsExactly(2, 2, 2, 2);
    }

    @Test
    void equalRowsShareAPlace() {
        Standings s = Standings.of(List.of("bob", "ann", "cy"), List.of(duel(1, "ann", "bob", 1, 1, 1, 1)));
        assertThat(s.rows()).extracting(Standings.Row::place).containsExactly(1, 2, 3);
        Standings same = Standings.of(List.of("bob", "ann"), List.of(new MatchResult(
                new Match(1, 1, 0, 2, List.of("ann", "bob")), List.of(1, 1), List.of(1, 1), List.of(5, 5))));
        assertThat(same.rows()).extracting(Standings.Row::place).containsExactly(1, 1);
        assertThat(same.rows()).extracting(Standings.Row::player).containsExactly("ann", "bob");
        assertThat(same.csv()).isEqualTo("place,player,matches,points,jobs_met,frames_charged\r\n"
                + "1,ann,1,1,1,5\r\n1,bob,1,1,1,5\r\n");
    }
}
