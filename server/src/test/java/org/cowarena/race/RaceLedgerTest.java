package org.cowarena.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cowarena.level.Level;
import org.cowarena.level.LevelLoader;
import org.cowarena.move.MoveParser;
import org.junit.jupiter.api.Test;

class RaceLedgerTest {
    private static RaceLedger ledger() throws Exception {
        List<Level> levels = List.of(LevelLoader.resolve("campaign/01-fork"), LevelLoader.resolve("campaign/02-cow-copy"));
        return new RaceLedger(levels);
    }

    private static RaceStep play(RaceLedger ledger, String name, String move, long t) throws Exception {
        return ledger.play(name, MoveParser.parseMove(move), t);
    }

    @Test
    void aSolvedAttemptKeepsTheBestPerMetricAndItsSolution() throws Exception {
        RaceLedger ledger = ledger();
        ledger.begin("ann", 0);
        assertThat(play(ledger, "ann", "fork 1", 10).solved()).isFalse();
        assertThat(play(ledger, "ann", "read 2 3", 20).solved()).isFalse();
        RaceStep naive = play(ledger, "ann", "fork 1", 30);
        assertThat(naive.solved()).isTrue();
        assertThat(naive.improved()).isTrue();
        assertThat(naive.result()).containsExactly(3, 0, 4, 2);
        assertThat(play(ledger, "ann", "fork 1", 40).refusal()).contains("already solved");

        ledger.begin("ann", 0);
        assertThat(ledger.runner("ann").orElseThrow().attempt()).isEqualTo(2);
        play(ledger, "ann", "fork 1", 50);
        RaceStep best = play(ledger, "ann", "fork 1", 60);
        assertThat(best.improved()).isTrue();
        LevelBest b = ledger.runner("ann").orElseThrow().best(0);
        assertThat(b.best(0)).isEqualTo(2);
        assertThat(b.best(3)).isEqualTo(3);
        assertThat(b.bestSolution()).containsExactly("fork 1", "fork 1");
        assertThat(b.firstSolvedMillis()).isEqualTo(30);
        assertThat(b.attempts()).isEqualTo(2);
        assertThat(ledger.bests(0, 0, java.util.Set.of())).containsExactly(2);
        assertThat(ledger.bests(0, 0, java.util.Set.of("ann"))).isEmpty();
        assertThat(ledger.threshold(0, 0)).isEqualTo(2);
    }

    @Test
    void theResultsKeepTheMovesThatReachedEachMetricsBest() throws Exception {
        RaceLedger ledger = ledger();
        ledger.begin("ann", 0);
        for (String m : List.of("fork 1", "read 2 3", "fork 1")) {
            play(ledger, "ann", m, 1);
        }
        ledger.begin("ann", 0);
        play(ledger, "ann", "fork 1", 2);
        play(ledger, "ann", "fork 1", 3);
        List<RaceResults.Row> rows = RaceResults.rows(ledger);
        assertThat(rows).hasSize(2);
        RaceResults.Row fork = rows.get(0);
        assertThat(fork.solution()).containsExactly("fork 1", "fork 1");
        assertThat(fork.solutions().get(0)).containsExactly("fork 1", "fork 1");
        assertThat(fork.solutions().get(1)).as("copies: 0 was first reached by the naive attempt")
                .containsExactly("fork 1", "read 2 3", "fork 1");
        assertThat(RaceResults.csv(rows)).contains("ann,fork,true,2,0,4,3,2,1,fork 1; fork 1\r\n")
                .contains("ann,cow-copy,false,-1,-1,-1,0,0,-1,\r\n");
        assertThat(RaceResults.json(rows)).contains("\"copies\":[\"fork 1\",\"read 2 3\",\"fork 1\"]");
    }

    @Test
    void aRefusedMoveChangesNothing() throws Exception {
        RaceLedger ledger = ledger();
        ledger.begin("bob", 0);
        assertThat(play(ledger, "bob", "exec 1 shell", 1).refusal()).isNotNull();
        assertThat(play(ledger, "bob", "exit 9", 1).refusal()).isNotNull();
        assertThat(ledger.runner("bob").orElseThrow().moves()).isEmpty();
        assertThat(ledger.runner("bob").orElseThrow().game().metrics().rejected()).isZero();
        assertThat(play(ledger, "nobody", "fork 1", 1).refusal()).contains("start an attempt");
    }
}
