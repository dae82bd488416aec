package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.cowarena.protocol.Messages;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.ServeConfig;
import org.cowarena.tournament.Standings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tournament whose server is shut down in the middle of round 2 and resumed from its
 * journal directory by a new server on another port: the entrants come back with the seat
 * tokens they hold, and the tournament ends with the table, {@code tournament.csv} and
 * {@code tournament.json} of the same tournament played without a stop.
 */
class TournamentResumeTest {
    private static final long SEED = 11;
    private static final int PLAYERS = 4;
    private static final long MINUTE = 60_000;

    private final List<String> log = new CopyOnWriteArrayList<>();

    /** Timers far longer than the test: every move is the entrants' own, none a timeout's or a bot's. */
    private static ServeConfig config(Path journal, int port) throws Exception {
        ServeConfig c = ServeConfig.defaults(List.of(LevelText.resolve("arena/first-touch"))).withPlayers(PLAYERS)
                .withPorts(port, 0).withTimers(MINUTE, MINUTE / 2).withJournal(Optional.of(journal));
        return new ServeConfig(c.name(), c.port(), c.discoveryPort(), c.levels(), c.rooms(), c.codes(), c.players(),
                c.turnMillis(), c.graceMillis(), c.maxClients(), c.maxMoves(), c.journal(), c.fillBot(), SEED);
    }

    @Test
    @Timeout(120)
    void aTournamentStoppedInRoundTwoResumesAndEndsAsIfNeverStopped(@TempDir Path base) throws Exception {
        Path straight = base.resolve("straight");
        Path journal = base.resolve("stopped");
        Standings expected = TournamentPlayer.uninterrupted(config(straight, TestServer.freePort()), log::add);

        List<TournamentPlayer> players = TournamentPlayer.entrants(PLAYERS);
        int firstPort = TestServer.freePort();
        GameServer first = GameServer.createTournament(config(journal, firstPort), log::add);
        GameServer second = null;
        boolean stopped = false;
        try {
            first.start();
            TournamentPlayer.joinAll(players, firstPort);
            TournamentPlayer.playAll(players, TournamentPlayer::midRoundTwo);
            assertThat(first.tournamentFinished()).isNotDone();
            Map<String, byte[]> finished = new LinkedHashMap<>();
            Map<String, Messages.GameOver> seen = new LinkedHashMap<>();
            for (TournamentPlayer p : players) {
                seen.putAll(p.results);
            }
            assertThat(seen).as("round 1 is over").containsKeys("R1M1", "R1M2");
            for (String room : seen.keySet()) {
                finished.put(room, Files.readAllBytes(journal.resolve(room + "-1.moves")));
            }
            assertThat(Files.readString(journal.resolve("R2M1-1.moves")) + Files.readString(
                    journal.resolve("R2M2-1.moves"))).as("round 2 is under way").contains("# start");
            first.close();
            stopped = true;

            int port = TestServer.freePort();
            second = GameServer.resumeTournament(config(journal, port), journal, log::add);
            second.start();
            assertThat(log).anyMatch(l -> l.startsWith("tournament: resumed from " + journal + " in round 2 of 3, "
                    + seen.size() + " of 6 matches over"));
            // p0 comes back with the token of its round-1 seat (a finished match): it is moved on to round 2
            Messages.Welcome roundOne = players.get(0).welcomes.get(0);
            int welcomesBefore = players.get(0).welcomes.size();
            for (TournamentPlayer p : players) {
                p.comeBack(port, p == players.get(0) ? roundOne : p.welcomes.get(p.welcomes.size() - 1));
            }
            TournamentPlayer.playAll(players, p -> false);
            Standings table = second.tournamentFinished().get(5, TimeUnit.SECONDS);

            assertThat(table.rows()).as("log: " + log).isEqualTo(expected.rows());
            assertThat(table.results()).isEqualTo(expected.results());
            assertThat(Files.readString(journal.resolve("tournament.csv")))
                    .isEqualTo(Files.readString(straight.resolve("tournament.csv")));
            assertThat(Files.readString(journal.resolve("tournament.json")))
                    .isEqualTo(Files.readString(straight.resolve("tournament.json")));
            assertThat(table.results()).as("every scheduled match counted once").hasSize(6);
            for (Map.Entry<String, byte[]> e : finished.entrySet()) {
                assertThat(journal.resolve(e.getKey() + "-1.moves")).as("a finished match's journal is kept")
                        .hasBinaryContent(e.getValue());
            }
            List<String> rooms = players.get(0).welcomes.stream().skip(welcomesBefore).map(w -> w.room).toList();
            assertThat(rooms.get(0)).isEqualTo(roundOne.room);
            assertThat(rooms.get(1)).isEqualTo(players.get(0).welcomes.get(welcomesBefore - 1).room);
            for (TournamentPlayer p : players) {
                assertThat(p.standings.players).containsExactlyElementsOf(
                        expected.rows().stream().map(Standings.Row::player).toList());
            }
        } finally {
            players.forEach(TournamentPlayer::close);
            if (!stopped) {
                first.close();
            }
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    @Timeout(60)
    void entrantsNoSeatTokenHadReachedComeBackByName(@TempDir Path base) throws Exception {
        Path straight = base.resolve("straight");
        Path journal = Files.createDirectories(base.resolve("drawn"));
        Standings expected = TournamentPlayer.uninterrupted(config(straight, TestServer.freePort()), log::add);
        // the directory of a server stopped between its draw and its first match
        LevelText level = LevelText.resolve("arena/first-touch");
        Files.writeString(journal.resolve("tournament-1.level.yaml"), level.text());
        Files.writeString(journal.resolve("tournament.draw"), "# cowarena tournament 1\nseed " + SEED
                + "\nplayers 4\nbot greedy\nmax-moves 2000\nlevel 1 " + level.source()
                + "\nentrant p0\nentrant p1\nentrant p2\nentrant p3\n");

        int port = TestServer.freePort();
        GameServer server = GameServer.resumeTournament(config(journal, port), journal, log::add);
        List<TournamentPlayer> players = TournamentPlayer.entrants(PLAYERS);
        try {
            server.start();
            TournamentPlayer.joinAll(players, port);
            Session impostor = Waits.join(port, "p0", null, false);
            assertThat(impostor.refusal()).as("a name comes back once").contains("the tournament has started");
            impostor.close();
            TournamentPlayer.playAll(players, p -> false);
            Standings table = server.tournamentFinished().get(5, TimeUnit.SECONDS);
            assertThat(table.rows()).as("log: " + log).isEqualTo(expected.rows());
            assertThat(Files.readString(journal.resolve("tournament.json")))
                    .isEqualTo(Files.readString(straight.resolve("tournament.json")));
            assertThat(Files.readString(journal.resolve("tournament.schedule")))
                    .isEqualTo(Files.readString(straight.resolve("tournament.schedule")));
        } finally {
            players.forEach(TournamentPlayer::close);
            server.close();
        }
    }
}
