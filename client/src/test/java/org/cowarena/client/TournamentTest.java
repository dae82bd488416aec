package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.cowarena.bot.Strategies;
import org.cowarena.bot.Strategy;
import org.cowarena.move.Move;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Protocol;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.ServeConfig;
import org.cowarena.tournament.Match;
import org.cowarena.tournament.MatchResult;
import org.cowarena.tournament.Schedule;
import org.cowarena.tournament.Standings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Whole tournaments of bot players over loopback: every match played by the rooms, then the table. */
class TournamentTest {
    private static final long SEED = 11;

    /** A tournament entrant playing with a strategy through a {@link Session}, match after match. */
    private static final class Entrant {
        final String name;
        final Session session;
        final Strategy strategy;
        final List<Messages.TournamentRound> rounds = new ArrayList<>();
        /** Each match's room code and its result, as this entrant saw them. */
        final Map<String, Messages.GameOver> results = new TreeMap<>();
        Messages.TournamentStandings standings;
        /** Drops the connection as the first match begins and comes back with the seat's token. */
        boolean dropOnce;
        int reconnects;
        final List<String> welcomes = new ArrayList<>();
        int pendingSeq = -1;
        int pendingIndex = -1;

        Entrant(String name, int port, long seed) {
            this.name = name;
            Messages.Hello hello = new Messages.Hello(name, null, null, false);
            hello.version = Protocol.VERSION;
            this.session = new Session("127.0.0.1", port, hello);
            // greedy against random players, so that matches have winners and losers
            this.strategy = Strategies.create(seed % 2 == 0 ? "greedy" : "random", seed);
        }

        void pump(long millis) throws InterruptedException, java.io.IOException {
            Object m = session.next(millis);
            if (m instanceof Messages.TournamentRound r) {
                rounds.add(r);
            } else if (m instanceof Messages.Welcome w) {
                pendingSeq = -1;
                welcomes.add(w.room);
                if (dropOnce && reconnects == 0) {
                    // the match cannot end without this seat's moves: the player is back before a bot takes over
                    reconnects++;
                    session.connect(5000); // closes the old connection first; says hello with the token
                }
            } else if (m instanceof Messages.GameOver g) {
                results.put(session.welcome().room, g);
            } else if (m instanceof Messages.TournamentStandings s && s.finished) {
                standings = s;
            } else if (m instanceof Messages.MoveDelta d && d.index >= pendingIndex) {
                pendingSeq = -1;
            } else if (m instanceof Messages.MoveRefused r && r.seq == pendingSeq) {
                pendingSeq = session.play(new Move.Pass().notation());
            }
            if (pendingSeq < 0 && session.replica().myTurn() && !session.awaitingSnapshot()) {
                Move move = strategy.choose(session.replica().game(),
                        session.replica().seat(session.replica().you()));
                pendingIndex = session.replica().index() + 1;
                pendingSeq = session.play(move.notation());
            }
        }

        void playToTheEnd(long millis) throws InterruptedException, java.io.IOException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (standings == null) {
                if (System.nanoTime() > deadline || session.refusal() != null || session.closed()) {
                    throw new AssertionError(name + " did not see the end of the tournament: refusal "
                            + session.refusal() + ", closed " + session.closed());
                }
                pump(20);
            }
        }
    }

    private record Run(List<Entrant> entrants, Standings table, GameServer server,
                       List<Messages.TournamentStandings> watched) {
    }

    private static Run playTournament(int players, Path journal) throws Exception {
        return playTournament(players, journal, false);
    }

    private static Run playTournament(int players, Path journal, boolean firstDrops) throws Exception {
        return playTournament(players, journal, firstDrops, List.of("arena/first-touch"));
    }

    private static Run playTournament(int players, Path journal, boolean firstDrops, List<String> levels)
            throws Exception {
        int port = TestServer.freePort();
        List<LevelText> texts = new ArrayList<>();
        for (String level : levels) {
            texts.add(LevelText.resolve(level));
        }
        ServeConfig config = ServeConfig.defaults(texts)
                .withPlayers(players).withPorts(port, 0).withTimers(10_000, 2_000)
                .withJournal(java.util.Optional.ofNullable(journal));
        config = new ServeConfig(config.name(), config.port(), config.discoveryPort(), config.levels(),
                config.rooms(), config.codes(), config.players(), config.turnMillis(), config.graceMillis(),
                config.maxClients(), config.maxMoves(), config.journal(), config.fillBot(), SEED);
        List<String> log = new CopyOnWriteArrayList<>();
        GameServer server = GameServer.createTournament(config, log::add);
        server.start();
        List<Entrant> entrants = new ArrayList<>();
        Messages.Hello watch = new Messages.Hello("projector", null, null, true);
        watch.version = Protocol.VERSION;
        Session spectator = new Session("127.0.0.1", port, watch);
        List<Messages.TournamentStandings> watched = new CopyOnWriteArrayList<>();
        try {
            spectator.connect(5000);
            long watching = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(spectator.next(20) instanceof Messages.TournamentRound)) {
                assertThat(System.nanoTime()).as("the spectator is in").isLessThan(watching);
            }
            // Join one after another: the join order is part of the draw.
            for (int i = 0; i < players; i++) {
                Entrant e = new Entrant("p" + i, port, 100 + i);
                e.dropOnce = firstDrops && i == 0;
                entrants.add(e);
                e.session.connect(5000);
                int joined = i + 1;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (e.rounds.stream().noneMatch(r -> r.joined >= joined)) {
                    assertThat(System.nanoTime()).as("p" + i + " joined").isLessThan(deadline);
                    e.pump(20);
                }
            }
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            Thread projector = new Thread(() -> {
                try {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (watched.isEmpty() || !watched.get(watched.size() - 1).finished) {
                        if (System.nanoTime() > deadline) {
                            throw new AssertionError("the spectator saw no final table: " + watched.size());
                        }
                        if (spectator.next(20) instanceof Messages.TournamentStandings s) {
                            watched.add(s);
                        }
                    }
                } catch (Throwable x) {
                    failures.add(x);
                }
            }, "spectator");
            projector.start();
            threads.add(projector);
            for (Entrant e : entrants) {
                Thread t = new Thread(() -> {
                    try {
                        e.playToTheEnd(30_000);
                    } catch (Throwable x) {
                        failures.add(x);
                    }
                }, "entrant-" + e.name);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(failures).as("log: " + log).isEmpty();
            Standings table = server.tournamentFinished().get(5, TimeUnit.SECONDS);
            return new Run(entrants, table, server, watched);
        } finally {
            spectator.close();
            entrants.forEach(e -> e.session.close());
            server.close();
        }
    }

    private static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("p" + i);
        }
        return names;
    }

    /** The table rebuilt from what the entrants saw: the schedule's matches and each room's GameOver. */
    static Standings expectedTable(Run run, Schedule schedule) {
        Map<String, Messages.GameOver> seen = new TreeMap<>();
        for (Entrant e : run.entrants()) {
            e.results.forEach((room, g) -> {
                Messages.GameOver other = seen.putIfAbsent(room, g);
                if (other != null) {
                    assertThat(g.ranks).as("both sides of " + room + " saw the same result").isEqualTo(other.ranks);
                }
            });
        }
        List<MatchResult> results = new ArrayList<>();
        for (Match m : schedule.matches()) {
            Messages.GameOver g = seen.get("R" + m.round() + "M" + m.number());
            assertThat(g).as("result of round " + m.round() + " match " + m.number()).isNotNull();
            for (int seat = 0; seat < m.players().size(); seat++) {
                assertThat(g.players[seat]).isEqualTo(m.players().get(seat));
            }
            for (int seat = m.players().size(); seat < m.seats(); seat++) {
                assertThat(g.players[seat]).endsWith("-bot");
            }
            List<Integer> ranks = new ArrayList<>();
            List<Integer> jobs = new ArrayList<>();
            List<Integer> charged = new ArrayList<>();
            for (int seat = 0; seat < m.seats(); seat++) {
                ranks.add(g.ranks[seat]);
                jobs.add(g.jobsMet[seat]);
                charged.add(g.charged[seat]);
            }
            results.add(new MatchResult(m, ranks, jobs, charged));
        }
        return Standings.of(names(run.entrants().size()), results);
    }

    private static void assertSent(Messages.TournamentStandings sent, Standings table) {
        assertThat(sent.finished).isTrue();
        assertThat(sent.players).containsExactlyElementsOf(table.rows().stream().map(Standings.Row::player).toList());
        assertThat(sent.points).containsExactly(table.rows().stream().mapToInt(Standings.Row::points).toArray());
        assertThat(sent.places).containsExactly(table.rows().stream().mapToInt(Standings.Row::place).toArray());
        assertThat(sent.jobsMet).containsExactly(table.rows().stream().mapToInt(Standings.Row::jobsMet).toArray());
        assertThat(sent.charged).containsExactly(table.rows().stream().mapToInt(Standings.Row::charged).toArray());
    }

    @Test
    @Timeout(60)
    void fourPlayersMeetEachOtherOnceAndGetTheTable(@TempDir Path journal) throws Exception {
        Run run = playTournament(4, journal);
        Schedule schedule = Schedule.roundRobin(names(4), List.of(2), SEED);
        assertThat(schedule.rounds()).hasSize(3);
        Standings expected = expectedTable(run, schedule);
        assertThat(run.table().rows()).isEqualTo(expected.rows());
        Set<String> pairs = new HashSet<>();
        for (Entrant e : run.entrants()) {
            assertThat(e.results).as(e.name + " played every round").hasSize(3);
            e.results.values().forEach(g -> pairs.add(String.join("-", new java.util.TreeSet<>(List.of(g.players)))));
            assertSent(e.standings, expected);
        }
        assertThat(pairs).hasSize(6);
        assertThat(run.watched()).as("a table after each round").hasSize(3);
        assertSent(run.watched().get(2), expected);
        assertThat(run.table().rows()).allSatisfy(r -> assertThat(r.matches()).isEqualTo(3));
        assertThat(run.table().rows().stream().map(Standings.Row::points).distinct().count())
                .as("not every match a draw").isGreaterThan(1);
        int points = run.table().rows().stream().mapToInt(Standings.Row::points).sum();
        assertThat(points).as("2 points per duel, shared or not").isEqualTo(2 * 6);
        assertThat(Files.readString(journal.resolve("tournament.csv"))).isEqualTo(expected.csv());
        assertThat(Files.readAllLines(journal.resolve("tournament.schedule"))).hasSize(1 + 6)
                .contains("1 R1M1 first-touch " + String.join(" ", schedule.rounds().get(0).get(0).players()));
        assertThat(Files.readString(journal.resolve("tournament.json")))
                .contains("\"standings\"", "\"round\":3", "\"level\":\"first-touch\"");
    }

    @Test
    @Timeout(60)
    void fivePlayersEachMeetABotOnce() throws Exception {
        Run run = playTournament(5, null);
        Schedule schedule = Schedule.roundRobin(names(5), List.of(2), SEED);
        assertThat(schedule.rounds()).hasSize(5);
        Standings expected = expectedTable(run, schedule);
        assertThat(run.table().rows()).isEqualTo(expected.rows());
        for (Entrant e : run.entrants()) {
            assertThat(e.results).as(e.name + " played every round").hasSize(5);
            long againstBots = e.results.values().stream()
                    .filter(g -> List.of(g.players).stream().anyMatch(p -> p.endsWith("-bot"))).count();
            assertThat(againstBots).isEqualTo(1);
            assertSent(e.standings, expected);
        }
    }

    @Test
    @Timeout(60)
    void aPlayerWhoReconnectsWithTheTokenPlaysTheNextMatches() throws Exception {
        Run run = playTournament(4, null, true);
        Entrant dropped = run.entrants().get(0);
        assertThat(dropped.reconnects).isEqualTo(1);
        assertThat(dropped.welcomes).as("the first match twice (join, reclaim), then each later match once")
                .hasSize(4);
        assertThat(dropped.welcomes.get(1)).isEqualTo(dropped.welcomes.get(0));
        assertThat(new HashSet<>(dropped.welcomes)).hasSize(3);
        assertThat(dropped.results).as("played every match after coming back").hasSize(3);
        Standings expected = expectedTable(run, Schedule.roundRobin(names(4), List.of(2), SEED));
        assertThat(run.table().rows()).isEqualTo(expected.rows());
        assertSent(dropped.standings, expected);
    }

    @Test
    @Timeout(60)
    void threeSeatMatchesAlternateWithDuelsUntilEveryPairHasMet() throws Exception {
        Run run = playTournament(4, null, false, List.of("arena/first-touch", "arena/land-grab"));
        Schedule schedule = Schedule.roundRobin(names(4), List.of(2, 3), SEED);
        Standings expected = expectedTable(run, schedule);
        assertThat(run.table().rows()).isEqualTo(expected.rows());
        assertThat(schedule.matches()).anySatisfy(m -> {
            assertThat(m.seats()).isEqualTo(3);
            assertThat(m.bots()).isPositive();
        });
        for (Entrant e : run.entrants()) {
            assertThat(e.results).hasSize(schedule.rounds().size());
            assertSent(e.standings, expected);
        }
    }
}
