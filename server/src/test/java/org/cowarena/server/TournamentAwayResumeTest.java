package org.cowarena.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.cowarena.tournament.Match;
import org.cowarena.tournament.Schedule;
import org.cowarena.tournament.Standings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tournament stopped while round 2 was opening its rooms (one room with its entrants
 * seated but its start not journaled, one journaled before its entrants were seated),
 * resumed with nobody coming back: the rooms start, seat the absent entrants, bots play
 * for them after the grace period, round 3 seats them away too, and the tournament ends
 * with every scheduled match counted once.
 */
class TournamentAwayResumeTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void aResumedTournamentNobodyComesBackToIsPlayedOutByBots() throws Exception {
        ServeConfig config;
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        config = ServeConfig.defaults(List.of(LevelText.resolve("arena/first-touch"))).withPlayers(4)
                .withPorts(port, 0).withTimers(10_000, 50).withJournal(Optional.of(dir));
        TournamentDraw draw = TournamentDraw.of(config, List.of("ann", "bob", "cy", "dee"));
        draw.write(dir);
        Schedule schedule = draw.schedule();
        Files.writeString(dir.resolve(Tournament.SCHEDULE_FILE), draw.scheduleText(schedule));
        LevelText level = config.levels().get(0);
        for (Match m : schedule.rounds().get(0)) {
            try (Journal j = Journal.create(dir, Tournament.code(m), 1, level)) {
                j.append("# seat 0 t0 " + m.players().get(0) + "\n# seat 1 t1 " + m.players().get(1));
                j.append("# start\n# over"); // ended at once: every seat ranks as the level starts
            }
        }
        Match seated = schedule.rounds().get(1).get(0);
        try (Journal j = Journal.create(dir, "R2M1", 1, level)) {
            j.append("# seat 0 t0 " + seated.players().get(0) + "\n# seat 1 t1 " + seated.players().get(1));
        }
        Journal.create(dir, "R2M2", 1, level).close();

        List<String> log = new CopyOnWriteArrayList<>();
        GameServer host = GameServer.resumeTournament(config.withLevels(List.of()), dir, log::add);
        try {
            host.start();
            Standings table = host.tournamentFinished().get(30, TimeUnit.SECONDS);
            assertThat(log).contains("tournament: resumed from " + dir + " in round 2 of 3, 2 of 6 matches over;"
                    + " the entrants come back with their tokens");
            assertThat(table.results()).extracting(r -> Tournament.code(r.match()))
                    .containsExactly("R1M1", "R1M2", "R2M1", "R2M2", "R3M1", "R3M2");
            assertThat(table.rows()).allSatisfy(r -> assertThat(r.matches()).isEqualTo(3));
            assertThat(Files.readString(dir.resolve("tournament.csv"))).isEqualTo(table.csv());
            assertThat(Files.readString(dir.resolve("R2M1-1.moves"))).contains("# seat 1 t1 ", "# start", "# over");
            for (String room : List.of("R2M2", "R3M1")) {
                assertThat(Files.readString(dir.resolve(room + "-1.moves"))).as(room)
                        .containsPattern("# seat 0 [0-9a-f]{32} ").containsPattern("# seat 1 [0-9a-f]{32} ")
                        .contains("# start", "# over");
            }
        } finally {
            host.close();
        }
    }

    @Test
    @Timeout(30)
    void aTournamentStoppedAfterItsLastMatchWritesItsTableOnResume() throws Exception {
        ServeConfig config = ServeConfig.defaults(List.of(LevelText.resolve("arena/first-touch"))).withPlayers(2)
                .withJournal(Optional.of(dir));
        TournamentDraw draw = TournamentDraw.of(config, List.of("ann", "bob"));
        draw.write(dir);
        Match only = draw.schedule().matches().get(0);
        try (Journal j = Journal.create(dir, "R1M1", 1, config.levels().get(0))) {
            j.append("# seat 0 t0 " + only.players().get(0) + "\n# seat 1 t1 " + only.players().get(1));
            j.append("# start\n# over");
        }
        GameServer host = GameServer.resumeTournament(config, dir, line -> { });
        try {
            Standings table = host.tournamentFinished().get(10, TimeUnit.SECONDS);
            assertThat(table.results()).hasSize(1);
            assertThat(Files.readString(dir.resolve("tournament.csv"))).isEqualTo(table.csv());
            assertThat(Files.readString(dir.resolve(Tournament.SCHEDULE_FILE))).as("written again")
                    .isEqualTo(draw.scheduleText(draw.schedule()));
        } finally {
            host.close();
        }
    }
}
