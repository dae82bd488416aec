package org.cowarena.server;

import com.esotericsoftware.kryonet.Connection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.cowarena.protocol.Messages;
import org.cowarena.report.AtomicFile;
import org.cowarena.tournament.Match;
import org.cowarena.tournament.MatchResult;
import org.cowarena.tournament.Schedule;
import org.cowarena.tournament.Standings;

/**
 * A round-robin tournament over ordinary rooms: waits for {@code --players} entrants, draws
 * the {@link Schedule} from their join order and the seed, and plays each round's matches at
 * once, one {@link Room} per match (the room's own thread plays the game; bots fill the seats
 * a match has no entrant for). When a round's last match ends the next round starts; after
 * the last, the table goes to everyone, to the server's output and, with a journal, to
 * {@code tournament.csv} and {@code tournament.json} beside the rooms' journals. Everything
 * here runs on the tournament's own thread.
 */
final class Tournament {
    private static final class Entrant {
        final String name;
        Connection connection;
        /** The room of the entrant's match this round. */
        Room room;

        Entrant(String name, Connection connection) {
            this.name = name;
            this.connection = connection;
        }
    }

    /** Written beside the rooms' journals when the draw is made; {@code serve --resume} refuses such a directory. */
    static final String SCHEDULE_FILE = "tournament.schedule";

    private final ServeConfig config;
    private final GameServer host;
    private final Consumer<String> log;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tournament");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Entrant> entrants = new LinkedHashMap<>();
    private final Map<Integer, Connection> spectators = new LinkedHashMap<>();
    private final Map<String, Match> playing = new LinkedHashMap<>();
    private final List<MatchResult> results = new ArrayList<>();
    private final CompletableFuture<Standings> finished = new CompletableFuture<>();
    private Schedule schedule;
    private int round;
    private int matchesOpened;

    Tournament(ServeConfig config, GameServer host, Consumer<String> log) {
        for (LevelText level : config.levels()) {
            if (level.level().seats().size() < 2) {
                throw new IllegalArgumentException(level.source() + ": a tournament level needs at least 2 seats, "
                        + "this one has " + level.level().seats().size());
            }
        }
        if (config.players() < 2) {
            throw new IllegalArgumentException("a tournament needs --players 2 or more");
        }
        this.config = config;
        this.host = host;
        this.log = log;
    }

    void post(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.accept("tournament: " + e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    /** Completes with the final table after the last round. */
    CompletableFuture<Standings> finished() {
        return finished;
    }

    /** An entrant or a spectator says hello (without a room code). */
    void join(Connection c, Messages.Hello hello, String name) {
        if (hello.spectate) {
            spectators.put(c.getID(), c);
            host.send(c, roundMessage(null));
            if (!results.isEmpty()) {
                host.send(c, standingsMessage(Standings.of(names(), results), finished.isDone()));
            }
            return;
        }
        if (schedule != null) {
            host.refuse(c, "the tournament has started with " + entrants.size() + " players: watch it with "
                    + "--spectate");
            return;
        }
        if (entrants.containsKey(name)) {
            host.refuse(c, "the name " + name + " is taken in this tournament: choose another");
            return;
        }
        entrants.put(name, new Entrant(name, c));
        log.accept("tournament: " + name + " joined (" + entrants.size() + " of " + config.players() + ")");
        for (Entrant e : entrants.values()) {
            host.send(e.connection, roundMessage(null));
        }
        if (entrants.size() == config.players()) {
            start();
        }
    }

    /** A connection closed: before the draw an entrant leaves the tournament; after it, bots play for them. */
    void left(int connectionId) {
        spectators.remove(connectionId);
        if (schedule == null) {
            entrants.values().removeIf(e -> e.connection.getID() == connectionId);
        }
    }

    /**
     * An entrant sits in {@code room} on {@code c}: their later matches go to this connection.
     * One who reclaimed the seat of an earlier match (the token of the room they had) is moved
     * on to this round's match, where a bot has played for them meanwhile; one back after the
     * last round gets the final table.
     */
    void reconnected(String name, Connection c, Room room) {
        Entrant e = entrants.get(name);
        if (e == null || schedule == null) {
            return;
        }
        e.connection = c;
        if (finished.isDone()) {
            // back after the last round: the table went out while the entrant was away
            host.send(c, standingsMessage(Standings.of(names(), results), true));
            return;
        }
        Room current = e.room;
        if (current != null && current != room) {
            // as at the start of a round: which match, then the room's Welcome and Snapshot
            for (Match match : schedule.rounds().get(round - 1)) {
                if (match.players().contains(name)) {
                    host.send(c, roundMessage(match));
                }
            }
            current.post(() -> current.seatAgain(c, name));
        }
    }

    private List<String> names() {
        return new ArrayList<>(entrants.keySet());
    }

    private void start() {
        List<Integer> seats = new ArrayList<>();
        for (LevelText level : config.levels()) {
            seats.add(level.level().seats().size());
        }
        schedule = Schedule.roundRobin(names(), seats, config.seed());
        int rounds = schedule.rounds().size();
        log.accept("tournament: " + entrants.size() + " players, " + rounds + (rounds == 1 ? " round" : " rounds"));
        if (config.journal().isPresent()) {
            Path file = config.journal().get().resolve(SCHEDULE_FILE);
            try {
                AtomicFile.write(file, scheduleText());
            } catch (IOException e) {
                log.accept("tournament: cannot write the schedule to " + file + ": " + e.getMessage());
            }
        }
        startRound(1);
    }

    /** One line per match: {@code 1 R1M1 first-touch ann bob +1 bot}. */
    private String scheduleText() {
        StringBuilder out = new StringBuilder("# round room level players (seed " + config.seed() + ")\n");
        for (Match m : schedule.matches()) {
            out.append(m.round()).append(' ').append("R").append(m.round()).append('M').append(m.number())
                    .append(' ').append(config.levels().get(m.level()).level().id()).append(' ')
                    .append(String.join(" ", m.players())).append(m.bots() > 0 ? " +" + m.bots() + " bot" : "")
                    .append('\n');
        }
        return out.toString();
    }

    private void startRound(int number) {
        round = number;
        for (Match match : schedule.rounds().get(number - 1)) {
            LevelText level = config.levels().get(match.level());
            String code = "R" + match.round() + "M" + match.number();
            ServeConfig matchConfig = config.withLevels(List.of(level)).withPlayers(match.players().size())
                    .withRooms(1, List.of(code));
            Room room = new Room(code, matchesOpened++, matchConfig, host);
            playing.put(code, match);
            try {
                room.open(1);
            } catch (IOException e) {
                log.accept("tournament: cannot open room " + code + ": " + e.getMessage());
                playing.remove(code);
                continue;
            }
            host.addRoom(room);
            log.accept("round " + match.round() + ", room " + code + " (" + level.level().id() + "): "
                    + String.join(" vs ", match.players()) + (match.bots() > 0 ? " + " + match.bots() + " bot"
                    + (match.bots() > 1 ? "s" : "") : ""));
            for (String name : match.players()) {
                Entrant e = entrants.get(name);
                e.room = room;
                Connection c = e.connection;
                host.send(c, roundMessage(match));
                Messages.Hello hello = new Messages.Hello(name, code, null, false);
                room.post(() -> room.join(c, hello, name, false));
            }
            for (Connection c : spectators.values()) {
                host.send(c, roundMessage(match)); // the projector lists the round's matches
            }
        }
        if (playing.isEmpty()) {
            nextRoundOrFinish();
        }
    }

    /** A room's game ended: if it is a match of this round, its result counts. */
    void matchOver(String code, Messages.GameOver g) {
        Match match = playing.remove(code);
        if (match == null) {
            return;
        }
        List<Integer> ranks = new ArrayList<>();
        List<Integer> jobs = new ArrayList<>();
        List<Integer> charged = new ArrayList<>();
        StringBuilder line = new StringBuilder("round " + match.round() + ", room " + code + " over:");
        for (int seat = 0; seat < match.seats(); seat++) {
            ranks.add(g.ranks[seat]);
            jobs.add(g.jobsMet[seat]);
            charged.add(g.charged[seat]);
            line.append(seat == 0 ? " " : ", ").append(g.players[seat]).append(" #").append(g.ranks[seat]);
        }
        results.add(new MatchResult(match, ranks, jobs, charged));
        log.accept(line.toString());
        if (playing.isEmpty()) {
            nextRoundOrFinish();
        }
    }

    private void nextRoundOrFinish() {
        boolean last = round >= schedule.rounds().size();
        Standings table = Standings.of(names(), results);
        broadcast(standingsMessage(table, last));
        if (!last) {
            startRound(round + 1);
            return;
        }
        log.accept("tournament over after " + round + (round == 1 ? " round (" : " rounds (")
                + Standings.POINTS_RULE + "):");
        log.accept(table.text().stripTrailing());
        if (config.journal().isPresent()) {
            Path dir = config.journal().get();
            List<String> levelIds = config.levels().stream().map(l -> l.level().id()).toList();
            try {
                AtomicFile.write(dir.resolve("tournament.csv"), table.csv());
                AtomicFile.write(dir.resolve("tournament.json"), table.json(levelIds));
                log.accept("tournament: standings written to " + dir.resolve("tournament.csv") + " and "
                        + dir.resolve("tournament.json"));
            } catch (IOException e) {
                log.accept("tournament: cannot write the standings to " + dir + ": " + e.getMessage());
            }
        }
        finished.complete(table);
    }

    private void broadcast(Object message) {
        for (Entrant e : entrants.values()) {
            host.send(e.connection, message);
        }
        for (Connection c : spectators.values()) {
            host.send(c, message);
        }
    }

    private Messages.TournamentRound roundMessage(Match match) {
        Messages.TournamentRound m = new Messages.TournamentRound();
        m.round = match == null ? round : match.round();
        m.rounds = schedule == null ? 0 : schedule.rounds().size();
        m.joined = entrants.size();
        m.entrants = config.players();
        if (match != null) {
            m.room = "R" + match.round() + "M" + match.number();
            m.level = config.levels().get(match.level()).level().id();
            m.players = match.players().toArray(new String[0]);
            m.bots = match.bots();
        }
        return m;
    }

    private Messages.TournamentStandings standingsMessage(Standings table, boolean last) {
        Messages.TournamentStandings m = new Messages.TournamentStandings();
        List<Standings.Row> rows = table.rows();
        int n = rows.size();
        m.finished = last;
        m.rounds = schedule == null ? 0 : schedule.rounds().size();
        m.rule = Standings.POINTS_RULE;
        m.places = new int[n];
        m.players = new String[n];
        m.matches = new int[n];
        m.points = new int[n];
        m.jobsMet = new int[n];
        m.charged = new int[n];
        for (int i = 0; i < n; i++) {
            Standings.Row r = rows.get(i);
            m.places[i] = r.place();
            m.players[i] = r.player();
            m.matches[i] = r.matches();
            m.points[i] = r.points();
            m.jobsMet[i] = r.jobsMet();
            m.charged[i] = r.charged();
        }
        return m;
    }

    void shutdown() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
