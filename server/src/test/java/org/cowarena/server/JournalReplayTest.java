package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReplayTest {
    @TempDir
    Path dir;

    static LevelText duel() throws Exception {
        try (InputStream in = JournalReplayTest.class.getResourceAsStream("/arena/duel.yaml")) {
            return LevelText.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), "arena/duel.yaml");
        }
    }

    @Test
    void aJournalReadsBackItsSeatsAndMovesAndALineCutByACrashIsDropped() throws Exception {
        try (Journal j = Journal.create(dir, "ROOM", 1, duel())) {
            j.append("# seat 0 abc alice smith");
            j.append("# bot 1 greedy");
            j.append("# start");
            j.append("red: fork 1");
            j.append("blue: pass  # timed out");
        }
        Path file = Journal.movesFile(dir, "ROOM", 1);
        Files.writeString(file, "red: wri", StandardOpenOption.APPEND);

        JournalReplay replay = JournalReplay.latestGames(dir).get(0);
        assertThat(replay.room()).isEqualTo("ROOM");
        assertThat(replay.moves()).containsExactly("red: fork 1", "blue: pass");
        assertThat(replay.seats()).containsExactly(new JournalReplay.SeatLine(0, "abc", "alice smith", null),
                new JournalReplay.SeatLine(1, null, "greedy-bot", "greedy"));
        assertThat(replay.started()).isTrue();
        assertThat(replay.over()).isFalse();
        assertThat(replay.level().level().id()).isEqualTo("test-duel");
        assertThat(Files.readString(file)).endsWith("blue: pass  # timed out\n");
    }

    @Test
    void theLatestGameOfEachRoomIsResumed() throws Exception {
        Journal.create(dir, "AAAA", 1, duel()).close();
        Journal.create(dir, "AAAA", 2, duel()).close();
        Journal.create(dir, "BBBB", 1, duel()).close();
        assertThat(JournalReplay.latestGames(dir)).extracting(r -> r.room() + "-" + r.game())
                .containsExactly("AAAA-2", "BBBB-1");
    }
}
