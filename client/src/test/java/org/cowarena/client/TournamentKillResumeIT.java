package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cowarena.protocol.Messages;
import org.cowarena.server.LevelText;
import org.cowarena.server.ServeConfig;
import org.cowarena.tournament.Standings;
import org.cowarena.tui.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server jar hosting a tournament, killed with SIGKILL in the middle of round 2,
 * restarted with {@code serve --resume}: every match finished before the kill keeps its
 * result, the entrants come back with their tokens, and the tournament ends with the table
 * of the same tournament played without a kill.
 */
class TournamentKillResumeIT {
    private static final String TURN_SECONDS = "120";

    @TempDir
    Path dir;

    /** The servers started, each stopped (if still running) when the test ends. */
    private final List<ServerProcess> started = new ArrayList<>();

    private ServerProcess serve(String log, String ready, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--turn-seconds", TURN_SECONDS, "--grace-seconds", TURN_SECONDS, "--round-break-seconds",
                "0"));
        ServerProcess server = ServerProcess.serve(dir.resolve(log), ready, all.toArray(new String[0]));
        started.add(server);
        return server;
    }

    private String log(String name) throws java.io.IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    /** The jar's defaults (greedy bots, 2000 moves at most) with the same seed and timers, in process. */
    private static ServeConfig reference(Path journal) throws Exception {
        long turn = Long.parseLong(TURN_SECONDS) * 1000;
        ServeConfig c = ServeConfig.defaults(List.of(LevelText.resolve("arena/first-touch"))).withPlayers(4)
                .withPorts(TestServer.freePort(), 0).withTimers(turn, turn).withJournal(Optional.of(journal));
        return new ServeConfig(c.name(), c.port(), c.discoveryPort(), c.levels(), c.rooms(), c.codes(), c.players(),
                c.turnMillis(), c.graceMillis(), c.maxClients(), c.maxMoves(), c.journal(), c.fillBot(), 11);
    }

    @Test
    void aTournamentKilledInRoundTwoKeepsEveryFinishedMatchAndEndsAfterTheResume() throws Exception {
        Path straight = dir.resolve("straight");
        Standings expected = TournamentPlayer.uninterrupted(reference(straight), line -> { });
        Path journal = dir.resolve("journal");
        ServerProcess first = serve("first.log", "tournament: waiting for 4 players", "--tournament",
                "arena/first-touch", "--players", "4", "--seed", "11", "--journal", journal.toString());

        List<TournamentPlayer> players = TournamentPlayer.entrants(4);
        try {
            TournamentPlayer.joinAll(players, first.port());
            TournamentPlayer.playAll(players, TournamentPlayer::midRoundTwo);
            Map<String, Messages.GameOver> finished = new LinkedHashMap<>();
            players.forEach(p -> finished.putAll(p.results));
            assertThat(finished).as("round 1 is over").containsKeys("R1M1", "R1M2");
            Map<String, byte[]> journals = new LinkedHashMap<>();
            for (String room : finished.keySet()) {
                journals.put(room, Files.readAllBytes(journal.resolve(room + "-1.moves")));
            }

            first.process().destroyForcibly();
            assertThat(first.process().waitFor(10, TimeUnit.SECONDS)).isTrue();

            ServerProcess second = serve("second.log", ": serving on port", "--resume", journal.toString());
            assertThat(log("second.log")).contains("in round 2 of 3, " + finished.size() + " of 6 matches over");
            for (TournamentPlayer p : players) {
                p.comeBack(second.port(), p.welcomes.get(p.welcomes.size() - 1));
            }
            TournamentPlayer.playAll(players, p -> false);
            Waits.until(() -> {
                try {
                    return log("second.log").contains("tournament: standings written to");
                } catch (java.io.IOException e) {
                    return false;
                }
            }, 10_000, "the table on disk");

            for (Map.Entry<String, byte[]> e : journals.entrySet()) {
                assertThat(journal.resolve(e.getKey() + "-1.moves")).as("a finished match's journal is kept")
                        .hasBinaryContent(e.getValue());
            }
            String json = Files.readString(journal.resolve("tournament.json"));
            for (Map.Entry<String, Messages.GameOver> e : finished.entrySet()) {
                String room = e.getKey();
                assertThat(json).as("the result of " + room + " as its players saw it before the kill")
                        .contains("{\"round\":" + room.charAt(1) + ",\"match\":" + room.charAt(3)
                                + ",\"level\":\"first-touch\",\"players\":[\"" + String.join("\",\"",
                                e.getValue().players) + "\"],\"bots\":0,\"ranks\":[" + ints(e.getValue().ranks)
                                + "],\"jobsMet\":[" + ints(e.getValue().jobsMet) + "],\"framesCharged\":["
                                + ints(e.getValue().charged) + "]");
            }
            assertThat(json).as("every scheduled match counted once")
                    .isEqualTo(Files.readString(straight.resolve("tournament.json")));
            assertThat(Files.readString(journal.resolve("tournament.csv"))).isEqualTo(expected.csv());
            for (TournamentPlayer p : players) {
                assertThat(p.standings.points).containsExactly(
                        expected.rows().stream().mapToInt(Standings.Row::points).toArray());
            }
        } finally {
            players.forEach(TournamentPlayer::close);
            started.forEach(server -> server.process().destroyForcibly());
        }
    }

    private static String ints(int[] values) {
        return String.join(",", java.util.Arrays.stream(values).mapToObj(Integer::toString).toList());
    }
}
