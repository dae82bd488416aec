package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Journals hold seat tokens: every file and directory the server writes is its owner's alone. */
class OwnerOnlyFilesTest {
    @TempDir
    Path tmp;

    /** Every path under {@code root} (itself included) with its mode, as {@code ls -l} shows it. */
    private static List<String> modes(Path root) throws IOException {
        List<String> list = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                list.add(root.relativize(p) + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        return list;
    }

    private static void assertOwnerOnly(Path root) throws IOException {
        List<String> modes = modes(root);
        assertThat(modes).hasSizeGreaterThan(1);
        for (String m : modes) {
            assertThat(m).matches(".* (rwx------|rw-------)$");
        }
    }

    @Test
    void roomJournalsAndTheirNewDirectoriesAreOwnerOnly() throws Exception {
        Path dir = tmp.resolve("class").resolve("monday");
        GameServer.create(Duel.config(0).withJournal(Optional.of(dir))).close();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".moves"));
        assertOwnerOnly(tmp.resolve("class"));
    }

    @Test
    void aRaceJournalAndTheTeachersTokenAreOwnerOnly() throws Exception {
        Path dir = tmp.resolve("race");
        GameServer.createRace(Duel.config(0).withJournal(Optional.of(dir)),
                new RaceConfig(List.of(LevelText.resolve("campaign/01-fork")), -1, true)).close();
        assertThat(dir.resolve("race.moves")).exists();
        assertThat(dir.resolve(RaceRoom.TOKEN_FILE)).exists();
        assertOwnerOnly(dir);
    }

    @Test
    void aTournamentsDrawIsOwnerOnly() throws Exception {
        Path dir = tmp.resolve("cup");
        GameServer.createTournament(Duel.config(0).withJournal(Optional.of(dir)), line -> { }).close();
        assertThat(dir.resolve(TournamentDraw.FILE)).exists();
        assertOwnerOnly(dir);
    }

    @Test
    void aResumeMakesJournalsAnEarlierVersionLeftReadableOwnerOnly() throws Exception {
        Path dir = tmp.resolve("old");
        GameServer.create(Duel.config(0).withJournal(Optional.of(dir))).close();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        GameServer.resume(Duel.config(0), dir).close();
        assertThat(modes(dir).subList(1, modes(dir).size())).allMatch(m -> m.endsWith(" rw-------"));
    }
}
