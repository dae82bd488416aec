package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cowarena.tournament.Match;
import org.cowarena.tournament.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code serve --resume} reads back from a tournament's directory, and what it refuses. */
class TournamentJournalsTest {
    private static final List<String> ENTRANTS = List.of("p0", "p1", "p2", "p3");

    @TempDir
    Path dir;

    private static ServeConfig config(Path journal) throws Exception {
        ServeConfig c = ServeConfig.defaults(List.of(LevelText.resolve("arena/first-touch"))).withPlayers(4)
                .withJournal(java.util.Optional.of(journal));
        return new ServeConfig(c.name(), c.port(), c.discoveryPort(), c.levels(), c.rooms(), c.codes(), c.players(),
                c.turnMillis(), c.graceMillis(), c.maxClients(), c.maxMoves(), c.journal(), "random", 11);
    }

    /** The files a tournament writes at its draw. */
    private Schedule drawn() throws Exception {
        TournamentDraw draw = TournamentDraw.of(config(dir), ENTRANTS);
        draw.write(dir);
        Schedule schedule = draw.schedule();
        Files.writeString(dir.resolve(Tournament.SCHEDULE_FILE), draw.scheduleText(schedule));
        return schedule;
    }

    /** A match room's journal: its entrants seated, the game started, and over or not. */
    private void journal(Match m, LevelText level, List<String> seated, boolean over) throws Exception {
        try (Journal j = Journal.create(dir, Tournament.code(m), 1, level)) {
            for (int i = 0; i < seated.size(); i++) {
                j.append("# seat " + i + " token" + i + " " + seated.get(i));
            }
            j.append("# start");
            if (over) {
                j.append("# over");
            }
        }
    }

    private void journal(Match m, boolean over) throws Exception {
        journal(m, LevelText.resolve("arena/first-touch"), m.players(), over);
    }

    @Test
    void theDrawReadsBackWithItsSettingsAndTheSameSchedule() throws Exception {
        Schedule schedule = drawn();
        TournamentDraw draw = TournamentDraw.read(dir);
        assertThat(draw).isEqualTo(TournamentDraw.of(config(dir), ENTRANTS));
        assertThat(draw.applyTo(ServeConfig.defaults(List.of())).fillBot()).isEqualTo("random");
        assertThat(draw.applyTo(ServeConfig.defaults(List.of())).seed()).isEqualTo(11);
        assertThat(draw.schedule().matches()).isEqualTo(schedule.matches());
        assertThat(Files.readString(dir.resolve(TournamentDraw.FILE))).contains("entrant p0\nentrant p1\n");
    }

    @Test
    void theRoundInProgressIsTheFirstWithAMatchNotOver() throws Exception {
        Schedule schedule = drawn();
        List<Match> round1 = schedule.rounds().get(0);
        journal(round1.get(0), true);
        journal(round1.get(1), true);
        journal(schedule.rounds().get(1).get(0), false);
        TournamentJournals read = TournamentJournals.read(dir);
        assertThat(read.round()).isEqualTo(2);
        assertThat(read.journals()).containsOnlyKeys("R1M1", "R1M2", "R2M1");
        assertThat(read.schedule().matches()).isEqualTo(schedule.matches());
    }

    @Test
    void aTournamentWithEveryMatchOverIsPastItsLastRound() throws Exception {
        Schedule schedule = drawn();
        for (Match m : schedule.matches()) {
            journal(m, true);
        }
        assertThat(TournamentJournals.read(dir).round()).isEqualTo(schedule.rounds().size() + 1);
    }

    @Test
    void aTournamentStoppedBeforeItsDrawIsRefused() throws Exception {
        TournamentDraw.of(config(dir), List.of()).write(dir);
        assertThatThrownBy(() -> TournamentJournals.read(dir))
                .hasMessage(dir + ": the tournament was stopped before its draw (waiting for 4 players): no match "
                        + "was played; start it again with serve --tournament");
    }

    @Test
    void aScheduleWithoutItsDrawIsRefused() throws Exception {
        Files.writeString(dir.resolve(Tournament.SCHEDULE_FILE), "1 R1M1 first-touch ann bob\n");
        assertThatThrownBy(() -> TournamentJournals.read(dir))
                .hasMessageContaining("holds tournament.schedule but no tournament.draw")
                .hasMessageEndingWith("the tournament cannot be resumed");
    }

    @Test
    void aScheduleThatDisagreesWithTheDrawIsRefused() throws Exception {
        drawn();
        Path file = dir.resolve(Tournament.SCHEDULE_FILE);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        String line = lines.get(1);
        lines.set(1, line.replaceAll(" p([0-9])", " q$1"));
        Files.write(file, lines);
        assertThatThrownBy(() -> TournamentJournals.read(dir))
                .hasMessageStartingWith(file + ":2: \"" + lines.get(1) + "\", but tournament.draw draws \"" + line)
                .hasMessageEndingWith("the files disagree");
    }

    @Test
    void aJournalOfARoomOutsideTheDrawIsRefused() throws Exception {
        drawn();
        Journal.create(dir, "ABCD", 1, LevelText.resolve("arena/first-touch")).close();
        assertThatThrownBy(() -> TournamentJournals.read(dir))
                .hasMessageContaining("ABCD-1.moves: room ABCD is not a match of the draw in tournament.draw");
    }

    @Test
    void aMatchJournalOfAnotherLevelIsRefused() throws Exception {
        Schedule schedule = drawn();
        Match m = schedule.rounds().get(0).get(0);
        journal(m, LevelText.resolve("arena/land-grab"), m.players(), true);
        assertThatThrownBy(() -> TournamentJournals.read(dir))
                .hasMessageContaining("R1M1-1.moves: plays land-grab, not the level of round 1 in tournament.draw "
                        + "(first-touch): the files disagree");
    }

    @Test
    void aMatchJournalSeatingSomeoneElseIsRefused() throws Exception {
        Schedule schedule = drawn();
        Match m = schedule.rounds().get(0).get(0);
        journal(m, LevelText.resolve("arena/first-touch"), List.of(m.players().get(1), m.players().get(0)), true);
        assertThatThrownBy(() -> TournamentJournals.read(dir))
                .hasMessageContaining("R1M1-1.moves: seat 0 is " + m.players().get(1) + ", but the draw seats "
                        + m.players().get(0) + " there: the files disagree");
    }

    @Test
    void aRoundBegunBeforeTheOneBeforeEndedIsRefused() throws Exception {
        Schedule schedule = drawn();
        journal(schedule.rounds().get(0).get(0), false);
        journal(schedule.rounds().get(1).get(0), false);
        assertThatThrownBy(() -> TournamentJournals.read(dir))
                .hasMessageContaining("R2M1-1.moves: round 2 began before round 1 ended: the files disagree");
    }

    @Test
    void aDrawWithoutItsLevelTextOrWithAnUnknownSettingIsRefused() throws Exception {
        drawn();
        Path draw = dir.resolve(TournamentDraw.FILE);
        Files.writeString(draw, Files.readString(draw).replace("seed", "sead"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TournamentJournals.read(dir)).hasMessage(draw + ":2: unknown setting \"sead\"");
        drawn();
        Files.delete(TournamentDraw.levelFile(dir, 0));
        assertThatThrownBy(() -> TournamentJournals.read(dir))
                .hasMessage(draw + ":6: the level's text " + TournamentDraw.levelFile(dir, 0) + " is missing");
    }

    @Test
    void aNewTournamentRefusesADirectoryHoldingOneAndWritesItsSettingsBeforeTheDraw() throws Exception {
        GameServer.createTournament(config(dir), line -> { }).close();
        TournamentDraw waiting = TournamentDraw.read(dir);
        assertThat(waiting.drawn()).isFalse();
        assertThat(waiting.entrants()).isEmpty();
        GameServer.createTournament(config(dir), line -> { }).close(); // nothing was drawn: it may start again
        drawn();
        assertThatThrownBy(() -> GameServer.createTournament(config(dir), line -> { }))
                .hasMessage(dir + " holds a tournament's or a room's journals already: resume it with serve --resume "
                        + dir + ", or journal elsewhere");
    }

    @Test
    void aDrawWithAnUnknownBotOrAJournalWithAMoveTheGameRefusesIsRefused() throws Exception {
        Schedule schedule = drawn();
        Path draw = dir.resolve(TournamentDraw.FILE);
        String text = Files.readString(draw);
        Files.writeString(draw, text.replace("bot random", "bot clever"));
        assertThatThrownBy(() -> TournamentJournals.read(dir)).hasMessage(draw + ": bot clever: one of random, greedy, lookahead");
        Files.writeString(draw, text);
        Match m = schedule.rounds().get(0).get(0);
        try (Journal j = Journal.create(dir, Tournament.code(m), 1, LevelText.resolve("arena/first-touch"))) {
            j.append("# seat 0 t0 " + m.players().get(0) + "\n# seat 1 t1 " + m.players().get(1) + "\n# start");
            j.append("bob: exit 1");
        }
        assertThatThrownBy(() -> GameServer.resumeTournament(config(dir), dir, line -> { }))
                .hasMessageStartingWith(Journal.movesFile(dir, "R1M1", 1) + ": move \"bob: exit 1\" is "
                        + "refused on replay: ");
    }
}
