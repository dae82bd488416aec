package org.cowarena.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private static List<String> entrants(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("p" + i);
        }
        return names;
    }

    private static Set<String> pairsMet(Schedule s) {
        Set<String> pairs = new HashSet<>();
        for (Match m : s.matches()) {
            for (String a : m.players()) {
                for (String b : m.players()) {
                    if (a.compareTo(b) < 0) {
                        pairs.add(a + "-" + b);
                    }
                }
            }
        }
        return pairs;
    }

    private static void assertEveryoneOncePerRound(Schedule s, int n) {
        for (List<Match> round : s.rounds()) {
            List<String> seated = new ArrayList<>();
            round.forEach(m -> seated.addAll(m.players()));
            assertThat(seated).containsExactlyInAnyOrderElementsOf(entrants(n));
        }
    }

    @Test
    void everyPairMeetsExactlyOnceInDuels() {
        for (int n = 2; n <= 9; n++) {
            Schedule s = Schedule.roundRobin(entrants(n), List.of(2), 7);
            assertThat(pairsMet(s)).hasSize(n * (n - 1) / 2);
            int matches = 0;
            for (Match m : s.matches()) {
                matches += m.players().size() == 2 ? 1 : 0;
            }
            assertThat(matches).as("each pair once, n=" + n).isEqualTo(n * (n - 1) / 2);
            assertThat(s.rounds()).hasSize(n % 2 == 0 ? n - 1 : n);
            assertEveryoneOncePerRound(s, n);
        }
    }

    @Test
    void botsFillTheOddSeat() {
        Schedule s = Schedule.roundRobin(entrants(5), List.of(2), 1);
        Set<String> hadABot = new HashSet<>();
        for (List<Match> round : s.rounds()) {
            List<Match> withBot = round.stream().filter(m -> m.bots() > 0).toList();
            assertThat(withBot).hasSize(1);
            assertThat(withBot.get(0).bots()).isEqualTo(1);
            hadABot.add(withBot.get(0).players().get(0));
        }
        assertThat(hadABot).as("each entrant plays a bot once").hasSize(5);
    }

    @Test
    void everyPairMeetsInGroupsOfThree() {
        for (int n = 2; n <= 10; n++) {
            Schedule s = Schedule.roundRobin(entrants(n), List.of(3), 3);
            assertThat(pairsMet(s)).as("n=" + n).hasSize(n * (n - 1) / 2);
            assertEveryoneOncePerRound(s, n);
            for (Match m : s.matches()) {
                assertThat(m.seats()).isEqualTo(3);
                assertThat(m.players().size() + m.bots()).isEqualTo(3);
            }
        }
    }

    @Test
    void mixedLevelsTakeTurnsByRound() {
        Schedule s = Schedule.roundRobin(entrants(6), List.of(2, 3), 5);
        assertThat(pairsMet(s)).hasSize(15);
        for (List<Match> round : s.rounds()) {
            int level = (round.get(0).round() - 1) % 2;
            assertThat(round).allSatisfy(m -> {
                assertThat(m.level()).isEqualTo(level);
                assertThat(m.seats()).isEqualTo(level == 0 ? 2 : 3);
            });
        }
    }

    @Test
    void theSameJoinOrderAndSeedGiveTheSameSchedule() {
        assertThat(Schedule.roundRobin(entrants(7), List.of(3), 42).rounds())
                .isEqualTo(Schedule.roundRobin(entrants(7), List.of(3), 42).rounds());
        assertThat(Schedule.roundRobin(entrants(6), List.of(2), 42).rounds())
                .isEqualTo(Schedule.roundRobin(entrants(6), List.of(2), 42).rounds());
        assertThat(Schedule.roundRobin(entrants(6), List.of(2), 42).rounds())
                .isNotEqualTo(Schedule.roundRobin(entrants(6), List.of(2), 43).rounds());
    }

    @Test
    void refusesWhatCannotBeScheduled() {
        assertThatThrownBy(() -> Schedule.roundRobin(entrants(1), List.of(2), 1))
                .hasMessageContaining("at least 2 players");
        assertThatThrownBy(() -> Schedule.roundRobin(List.of("a", "a"), List.of(2), 1))
                .hasMessageContaining("must differ");
        assertThatThrownBy(() -> Schedule.roundRobin(entrants(3), List.of(1), 1))
                .hasMessageContaining("at least 2 seats");
    }
}
