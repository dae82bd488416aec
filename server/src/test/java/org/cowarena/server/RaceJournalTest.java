package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.cowarena.race.RaceReplay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaceJournalTest {
    @TempDir
    Path dir;

    @Test
    void aTornLastLineIsCutOffAndTheRaceGoesOnAfterIt() throws Exception {
        List<LevelText> levels = List.of(LevelText.resolve("campaign/01-fork"));
        try (Journal j = RaceJournal.create(dir, levels, -1)) {
            j.append("# state running 0\n# player t0k ann\n# attempt ann 0 0\nann: fork 1  # t=5");
        }
        Files.writeString(dir.resolve(RaceReplay.FILE), "ann: fork", StandardOpenOption.APPEND);
        RaceReplay replay = RaceReplay.read(dir);
        assertThat(replay.ledger().runner("ann").orElseThrow().moves()).containsExactly("fork 1");
        assertThat(replay.tokens()).containsEntry("ann", "t0k");
        assertThat(replay.state()).isEqualTo("running");
        try (Journal j = RaceJournal.reopen(replay.file())) {
            j.append("ann: fork 1  # t=9");
        }
        RaceReplay again = RaceReplay.read(dir);
        assertThat(again.ledger().runner("ann").orElseThrow().best(0).solved()).isTrue();
        assertThat(again.ledger().runner("ann").orElseThrow().best(0).firstSolvedMillis()).isEqualTo(9);
        assertThat(again.elapsedMillis()).isEqualTo(9);
        assertThatThrownBy(() -> RaceJournal.create(dir, levels, -1)).hasMessageContaining("--resume");
    }

    @Test
    void aMoveTheRulesRefuseIsReportedWithItsLine() throws Exception {
        try (Journal j = RaceJournal.create(dir, List.of(LevelText.resolve("campaign/01-fork")), -1)) {
            j.append("# player t ann\n# attempt ann 0 0\nann: exec 1 shell");
        }
        assertThatThrownBy(() -> RaceReplay.read(dir)).hasMessageContaining("race.moves:6: the move is refused");
    }
}
