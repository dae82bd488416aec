package org.cowarena.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cowarena.bot.Strategies;
import org.cowarena.bot.Strategy;
import org.cowarena.game.Game;
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
import org.cowarena.tui.DropProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole tournaments of the shipped bot client ({@link BotPlayer}, one thread each) over loopback:
 * every match played by the rooms, then the table.
 */
class TournamentTest {
    private static final long SEED = 11;

    /** A tournament entrant: the bot client as {@code cowarena --bot} runs it, and what it printed. */
    private static final class Entrant {
        final String name;
        final Session session;
        final BotPlayer bot;
        final StringWriter printed = new StringWriter();
        volatile int status = -1;

        Entrant(String name, int port, long seed) {
            // greedy against random players, so that matches have winners and losers
            this(name, port, Strategies.create(seed % 2 == 0 ? "greedy" : "random", seed));
        }

        Entrant(String name, int port, Strategy strategy) {
            this.name = name;
            this.session = new Session("127.0.0.1", port, new Messages.Hello(name, null, null, false));
            this.bot = new BotPlayer(session, strategy, new PrintWriter(printed), 10_000);
        }

        /** Match results by room, as this entrant saw them. */
        Map<String, Messages.GameOver> results() {
            return new TreeMap<>(bot.results());
        }

        Messages.TournamentStandings standings() {
            return session.tournament().standings();
        }

        List<String> lines() {
            return printed.toString().lines().toList();
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
        List<String> log = new CopyOnWriteArrayList<>();
        GameServer server = server(port, players, journal, levels, log);
        List<Entrant> entrants = new ArrayList<>();
        Messages.Hello watch = new Messages.Hello("projector", null, null, true);
        watch.version = Protocol.VERSION;
        Session spectator = new Session("127.0.0.1", port, watch);
        List<Messages.TournamentStandings> watched = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        DropProxy relay = DropProxy.start(port);
        try {
            spectator.connect(5000);
            Waits.until(spectator, () -> spectator.tournament().started(), 10_000, "the spectator to be in");
            Thread projector = new Thread(() -> {
                try {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
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
            // Join one after another: the join order is part of the draw.
            for (int i = 0; i < players; i++) {
                boolean drops = firstDrops && i == 0;
                Entrant e = new Entrant("p" + i, drops ? relay.port() : port, 100 + i);
                entrants.add(e);
                Thread t = new Thread(() -> {
                    try {
                        e.status = e.bot.run(5000);
                    } catch (Throwable x) {
                        failures.add(x);
                    }
                }, "entrant-" + e.name);
                t.start();
                threads.add(t);
                String joined = "tournament: p" + i + " joined (" + (i + 1) + " of " + players + ")";
                Waits.until(() -> log.contains(joined), 10_000, joined);
            }
            if (firstDrops) {
                // the first match cannot end without this seat's moves: the player is back before a bot takes over
                Entrant first = entrants.get(0);
                Waits.until(() -> first.lines().stream().anyMatch(l -> l.startsWith("joined room R1M")), 20_000,
                        "p0 in its first match");
                relay.drop();
            }
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(50));
                assertThat(t.isAlive()).as(t.getName() + " finished; log: " + log).isFalse();
            }
            assertThat(failures).as("log: " + log).isEmpty();
            for (Entrant e : entrants) {
                assertThat(e.status).as(e.name + " exits as the bot client does at the end; it printed:\n"
                        + e.printed).isEqualTo(BotPlayer.ENDED);
            }
            Standings table = server.tournamentFinished().get(5, TimeUnit.SECONDS);
            return new Run(entrants, table, server, watched);
        } finally {
            spectator.close();
            entrants.forEach(e -> e.session.close());
            for (Thread t : threads) {
                t.interrupt();
            }
            relay.close();
            server.close();
        }
    }

    /** A tournament of {@code arena/first-touch} on a free port, and what its server logs. */
    private record Host(int port, List<String> log, GameServer server) {
        static Host start(int players) throws Exception {
            int port = TestServer.freePort();
            List<String> log = new CopyOnWriteArrayList<>();
            return new Host(port, log, TournamentTest.server(port, players, null, List.of("arena/first-touch"), log));
        }
    }

    /** A tournament server on {@code port}, its seed fixed, logging into {@code log}. */
    private static GameServer server(int port, int players, Path journal, List<String> levels, List<String> log)
            throws Exception {
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
        GameServer server = GameServer.createTournament(config, log::add);
        server.start();
        return server;
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
            e.results().forEach((room, g) -> {
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
            assertThat(e.results()).as(e.name + " played every round").hasSize(3);
            e.results().values().forEach(g -> pairs.add(String.join("-", new java.util.TreeSet<>(List.of(g.players)))));
            assertSent(e.standings(), expected);
        }
        assertThat(pairs).hasSize(6);
        Entrant first = run.entrants().get(0);
        List<String> printed = first.lines();
        for (Match m : schedule.matches()) {
            if (m.players().contains(first.name)) {
                String room = "R" + m.round() + "M" + m.number();
                assertThat(printed).as("it printed:\n" + first.printed).contains("round " + m.round() + " of 3: room "
                        + room + ", first-touch, " + String.join(" vs ", m.players()));
                assertThat(printed).anyMatch(l -> l.startsWith("match " + room + " over: "));
            }
        }
        assertThat(printed).contains("standings after round 1 of 3 (" + Standings.POINTS_RULE + "):",
                "standings after round 2 of 3 (" + Standings.POINTS_RULE + "):");
        int last = printed.indexOf("final standings after 3 rounds (" + Standings.POINTS_RULE + "):");
        assertThat(last).as("the final table, last").isEqualTo(printed.size() - 6);
        assertThat(printed.get(last + 1)).isEqualTo(TournamentProgress.TABLE_HEADER);
        for (int i = 0; i < 4; i++) {
            Standings.Row row = expected.rows().get(i);
            assertThat(printed.get(last + 2 + i)).matches("\\s+" + row.place() + "\\s+" + row.player() + "\\s+"
                    + row.matches() + "\\s+" + row.points() + "\\s+" + row.jobsMet() + "\\s+" + row.charged()
                    + (row.player().equals(first.name) ? "  <- you" : ""));
        }
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
            assertThat(e.results()).as(e.name + " played every round").hasSize(5);
            long againstBots = e.results().values().stream()
                    .filter(g -> List.of(g.players).stream().anyMatch(p -> p.endsWith("-bot"))).count();
            assertThat(againstBots).isEqualTo(1);
            assertSent(e.standings(), expected);
        }
    }

    @Test
    @Timeout(60)
    void aPlayerWhoReconnectsWithTheTokenPlaysTheNextMatches() throws Exception {
        Run run = playTournament(4, null, true);
        Entrant dropped = run.entrants().get(0);
        assertThat(dropped.lines()).as("it printed:\n" + dropped.printed).containsOnlyOnce("reconnected");
        List<String> welcomes = dropped.lines().stream().filter(l -> l.startsWith("joined room "))
                .map(l -> l.split(" ")[2]).toList();
        assertThat(welcomes).as("the first match twice (join, reclaim), then each later match once").hasSize(4);
        assertThat(welcomes.get(1)).isEqualTo(welcomes.get(0));
        assertThat(new HashSet<>(welcomes)).hasSize(3);
        assertThat(dropped.results()).as("played every match after coming back").hasSize(3);
        Standings expected = expectedTable(run, Schedule.roundRobin(names(4), List.of(2), SEED));
        assertThat(run.table().rows()).isEqualTo(expected.rows());
        assertSent(dropped.standings(), expected);
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
            assertThat(e.results()).hasSize(schedule.rounds().size());
            assertSent(e.standings(), expected);
        }
    }

    @Test
    @Timeout(60)
    void anEntrantBackAfterTheLastRoundGetsTheFinalTable() throws Exception {
        Host host = Host.start(2);
        int port = host.port();
        GameServer server = host.server();
        Session away = new Session("127.0.0.1", port, new Messages.Hello("p0", null, null, false));
        Entrant other = new Entrant("p1", port, 101);
        Thread t = new Thread(() -> other.status = runQuietly(other.bot), "entrant-p1");
        try {
            away.connect(5000);
            Waits.until(away, () -> away.tournament().started(), 10_000, "p0 to join");
            t.start();
            Waits.until(away, () -> away.welcome() != null, 10_000, "p0 seated in its match");
            away.link().close(); // gone: after the grace a bot plays p0's seat, and the one round ends
            Standings table = server.tournamentFinished().get(30, TimeUnit.SECONDS);
            t.join(10_000);
            assertThat(other.status).isEqualTo(BotPlayer.ENDED);
            away.connect(5000); // the seat's token, of a room whose match is over
            Waits.until(away, () -> away.tournament().finished() || away.refusal() != null, 10_000,
                    "the final table for p0");
            assertThat(away.refusal()).isNull();
            assertSent(away.tournament().standings(), table);
            assertThat(away.tournament().standings().players).contains("p0", "p1");
        } finally {
            away.close();
            other.session.close();
            t.interrupt();
            server.close();
        }
    }

    @Test
    @Timeout(60)
    void aPlayerAwayForAWholeRoundIsMovedOnToTheCurrentMatch() throws Exception {
        Host host = Host.start(4);
        int port = host.port();
        List<String> log = host.log();
        GameServer server = host.server();
        Entrant away = new Entrant("p0", port, 100);
        List<Entrant> entrants = new ArrayList<>(List.of(away));
        CountDownLatch back = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        try {
            away.session.connect(5000);
            Waits.until(away.session, () -> away.session.tournament().started(), 10_000, "p0 to join");
            for (int i = 1; i < 4; i++) {
                Strategy strategy = Strategies.create(i % 2 == 0 ? "greedy" : "random", 100 + i);
                // p1 keeps round 2 under way until p0 is back: the bots would end it in a moment
                Entrant e = new Entrant("p" + i, port, i == 1 ? heldInSecondMatch(strategy, back) : strategy);
                entrants.add(e);
                Thread t = new Thread(() -> e.status = runQuietly(e.bot), "entrant-" + e.name);
                t.start();
                threads.add(t);
                String joined = "tournament: p" + i + " joined (" + (i + 1) + " of 4)";
                Waits.until(away.session, () -> log.contains(joined), 10_000, joined);
            }
            Waits.until(away.session, () -> away.session.welcome() != null, 10_000, "p0 seated in round 1");
            String first = away.session.welcome().room;
            away.session.link().close(); // away: a bot plays p0's seat after the grace, and at once in round 2
            Waits.until(() -> log.stream().anyMatch(l -> l.startsWith("round 2, room ")), 30_000, "round 2");
            // back with the token of round 1's seat: the same bot client, as after a dropped connection
            Thread returning = new Thread(() -> away.status = runQuietly(away.bot), "entrant-p0");
            returning.start();
            threads.add(returning);
            Waits.until(() -> away.lines().stream().filter(l -> l.startsWith("joined room R")).count() == 2, 20_000,
                    "p0 reclaiming its seat and moved on");
            // a projector joining now, mid-round, is told the match p1 holds open
            Schedule drawn = Schedule.roundRobin(names(4), List.of(2), SEED);
            Match held = drawn.rounds().get(1).stream().filter(m -> m.players().contains("p1")).findFirst()
                    .orElseThrow();
            String heldLine = "round 2 of 3: room R2M" + held.number() + ", first-touch, "
                    + String.join(" vs ", held.players());
            Messages.Hello watching = new Messages.Hello("watcher", null, null, true);
            watching.version = Protocol.VERSION;
            try (Session late = new Session("127.0.0.1", port, watching)) {
                late.connect(5000);
                Waits.until(late, () -> late.tournament().roundMatches().contains(heldLine), 10_000,
                        "the late projector to hear of " + heldLine);
                assertThat(late.tournament().tableTitle()).isEqualTo("standings after round 1 of 3");
            }
            back.countDown();
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(40));
                assertThat(t.isAlive()).as(t.getName() + " finished; log: " + log).isFalse();
            }
            for (Entrant e : entrants) {
                assertThat(e.status).as(e.name + " printed:\n" + e.printed).isEqualTo(BotPlayer.ENDED);
            }
            Standings table = server.tournamentFinished().get(5, TimeUnit.SECONDS);
            Schedule schedule = Schedule.roundRobin(names(4), List.of(2), SEED);
            List<String> printed = away.lines();
            int reclaimed = indexOf(printed, "joined room " + first + " as p0");
            assertThat(reclaimed).as("the reclaim in round 1's room; it printed:\n" + away.printed).isNotNegative();
            Match second = schedule.rounds().get(1).stream().filter(m -> m.players().contains("p0")).findFirst()
                    .orElseThrow();
            String room = "R2M" + second.number();
            int announced = indexOf(printed, "round 2 of 3: room " + room + ", first-touch, ");
            assertThat(announced).as("then round 2's match announced").isGreaterThan(reclaimed);
            assertThat(indexOf(printed, "joined room " + room + " as p0")).as("then seated in it")
                    .isGreaterThan(announced);
            // (the bot playing for p0 may have ended its round 2 match before p0 is back in it)
            List<String> later = schedule.matches().stream().filter(m -> m.round() == 3 && m.players().contains("p0"))
                    .map(m -> "R" + m.round() + "M" + m.number()).toList();
            assertThat(away.results().keySet()).as("round 3 played").containsAll(later);
            assertSent(away.standings(), table);
        } finally {
            entrants.forEach(e -> e.session.close());
            threads.forEach(Thread::interrupt);
            server.close();
        }
    }

    /** Plays as {@code inner}, but its first move of its second match waits for {@code go} (20 s at most). */
    private static Strategy heldInSecondMatch(Strategy inner, CountDownLatch go) {
        return new Strategy() {
            private Game first;
            private boolean held;

            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public Move choose(Game game, String owner) {
                if (first == null) {
                    first = game;
                } else if (game != first && !held) {
                    held = true;
                    try {
                        go.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return inner.choose(game, owner);
            }
        };
    }

    private static int indexOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }

    private static int runQuietly(BotPlayer bot) {
        try {
            return bot.run(5000);
        } catch (InterruptedException e) {
            return -1;
        }
    }
}
