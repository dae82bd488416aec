package org.cowarena.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
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
 * {@code tournament.csv} and {@code tournament.json} beside the rooms' journals. With a
 * journal, the draw is kept there too ({@link TournamentDraw}), so that {@code serve --resume}
 * rebuilds a stopped tournament from the draw and the match rooms' journals ({@link #resume}).
 * Everything here runs on the tournament's own thread.
 */
final class Tournament extends HostActor implements Host, Outbox {
    private static final class Entrant {
        final String name;
        /** Null after a resume until the entrant comes back with a token. */
        Peer connection;
        /** The room of the entrant's match this round, and the match. */
        Room room;
        Match match;
        /** Whether a seat token may have reached them: until then, after a resume, they come back by name. */
        boolean seated;

        Entrant(String name, Peer connection) {
            this.name = name;
            this.connection = connection;
        }
    }

    /** The draw for people, written beside the rooms' journals when it is made ({@link TournamentDraw#scheduleText}). */
    static final String SCHEDULE_FILE = "tournament.schedule";

    private final ServeConfig config;
    private final Transport transport;
    /** This tournament's match rooms: joinable by code (spectators) and by seat token, listed for discovery. */
    private final RoomIndex index = new RoomIndex();
    private final Consumer<String> log;
    private final Map<String, Entrant> entrants = new LinkedHashMap<>();
    private final Map<Integer, Peer> spectators = new LinkedHashMap<>();
    private final Map<String, Match> playing = new LinkedHashMap<>();
    private final List<MatchResult> results = new ArrayList<>();
    private final CompletableFuture<Standings> finished = new CompletableFuture<>();
    private Schedule schedule;
    private int round;
    private final long breakMillis;
    /** When the next round starts, during a break (System.nanoTime); 0 otherwise. */
    private long nextRoundAt;

    Tournament(ServeConfig config, Transport transport, Consumer<String> log) {
        this(config, transport, log, 0);
    }

    /**
     * @param breakMillis the break between a round's table and the next round, in which every
     *                    client shows the table (and a projector the class's); 0 for none
     */
    Tournament(ServeConfig config, Transport transport, Consumer<String> log, long breakMillis) {
        super("tournament", config.ticker(), log);
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
        this.transport = transport;
        this.log = log;
        this.breakMillis = Math.max(0, breakMillis);
    }

    /** The room code of a match: {@code R<round>M<match>}. */
    static String code(Match match) {
        return "R" + match.round() + "M" + match.number();
    }

    /**
     * With a journal, writes what the draw will be made from before anyone joins, so a
     * directory shows a tournament from the start (a resume of one stopped before its draw
     * is refused with that reason). A directory that holds a tournament or journals already
     * is refused: its files would mix with this one's.
     */
    void prepareJournal() throws IOException {
        if (config.journal().isEmpty()) {
            return;
        }
        Path dir = config.journal().get();
        OwnerOnly.directory(dir);
        if (Files.isDirectory(dir)) {
            boolean drawn = TournamentDraw.present(dir) && TournamentDraw.read(dir).drawn();
            try (Stream<Path> files = Files.list(dir)) {
                if (drawn || files.anyMatch(f -> f.getFileName().toString().endsWith(".moves")
                        || f.getFileName().toString().equals(SCHEDULE_FILE))) {
                    throw new IOException(dir + " holds a tournament's or a room's journals already: resume it with"
                            + " serve --resume " + dir + ", or journal elsewhere");
                }
            }
        }
        TournamentDraw.of(config, List.of()).write(dir);
    }

    /** Completes with the final table after the last round. */
    CompletableFuture<Standings> finished() {
        return finished;
    }

    /**
     * Without a room code, an entrant joins the tournament (its matches seat them later) and
     * a spectator watches it; with a seat token, a player takes their match's seat back; with
     * a code, a spectator watches that match.
     */
    @Override
    public Joined join(Peer c, Messages.Hello hello, String name) {
        boolean reclaim = hello.token != null && !hello.token.isEmpty();
        if (!reclaim) {
            if (RoomIndex.code(hello).isEmpty()) {
                post(() -> admit(c, hello, name));
                return null;
            }
            if (!hello.spectate) {
                transport.refuse(c, "tournament players join without a room code: the tournament seats them in its"
                        + " matches");
                return null;
            }
        }
        return index.join(transport, c, hello, name);
    }

    @Override
    public void left(int connectionId) {
        post(() -> leave(connectionId));
    }

    @Override
    public List<RoomStatus> rooms() {
        return index.statuses();
    }

    @Override
    public java.util.Optional<Room> room(String code) {
        return index.room(code);
    }

    @Override
    public String teacherRefusal() {
        return "this server hosts a tournament, not a race: teacher commands steer a race (serve --race)";
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public void tokenIssued(String token, Room room) {
        index.tokenIssued(token, room);
    }

    @Override
    public void seated(Peer c, Room room, String player) {
        post(() -> reconnected(player, c, room));
    }

    @Override
    public void gameEnded(Room room, Messages.GameOver result) {
        post(() -> matchOver(room.code, result));
    }

    @Override
    public boolean playersStartGames() {
        return false; // the tournament opens its matches itself
    }

    /** An entrant or a spectator says hello (without a room code). */
    private void admit(Peer c, Messages.Hello hello, String name) {
        if (hello.spectate) {
            spectators.put(c.id(), c);
            transport.send(c, roundMessage(null));
            if (!results.isEmpty()) {
                transport.send(c, standingsMessage(table(), finished.isDone()));
            }
            for (Match match : playing.values()) {
                transport.send(c, roundMessage(match)); // a projector joining (or back) mid-round lists the matches under way
            }
            return;
        }
        Entrant back = entrants.get(name);
        if (schedule != null && back != null && back.connection == null && !back.seated) {
            backByName(back, c);
            return;
        }
        if (schedule != null) {
            transport.refuse(c, "the tournament has started with " + entrants.size() + " players: watch it with "
                    + "--spectate");
            return;
        }
        if (entrants.containsKey(name)) {
            transport.refuse(c, "the name " + name + " is taken in this tournament: choose another");
            return;
        }
        entrants.put(name, new Entrant(name, c));
        log.accept("tournament: " + name + " joined (" + entrants.size() + " of " + config.players() + ")");
        for (Entrant e : entrants.values()) {
            transport.send(e.connection, roundMessage(null));
        }
        if (entrants.size() == config.players()) {
            start();
        }
    }

    /**
     * An entrant of a resumed tournament whom no seat token had reached (the server stopped
     * between the draw and their first seat) comes back by name, as they first joined, and
     * is given their current match's seat.
     */
    private void backByName(Entrant e, Peer c) {
        e.connection = c;
        e.seated = true;
        log.accept("tournament: " + e.name + " is back (no seat token had reached them)");
        Room current = e.room;
        if (current != null) {
            transport.send(c, roundMessage(e.match));
            current.post(() -> current.seatAgain(c, e.name));
        } else if (!results.isEmpty()) {
            transport.send(c, standingsMessage(table(), finished.isDone()));
        }
    }

    /** A connection closed: before the draw an entrant leaves the tournament; after it, bots play for them. */
    private void leave(int connectionId) {
        spectators.remove(connectionId);
        if (schedule == null) {
            entrants.values().removeIf(e -> e.connection.id() == connectionId);
        }
    }

    /**
     * An entrant sits in {@code room} on {@code c}: their later matches go to this connection.
     * One who reclaimed the seat of an earlier match (the token of the room they had) is moved
     * on to this round's match, where a bot has played for them meanwhile; one back after the
     * last round gets the final table.
     */
    private void reconnected(String name, Peer c, Room room) {
        Entrant e = entrants.get(name);
        if (e == null || schedule == null) {
            return;
        }
        boolean back = e.connection != c;
        e.connection = c;
        e.seated = true;
        if (finished.isDone()) {
            // back after the last round: the table went out while the entrant was away
            transport.send(c, standingsMessage(table(), true));
            return;
        }
        Room current = e.room;
        if (current != null && current != room) {
            // as at the start of a round: which match, then the room's Welcome and Snapshot
            transport.send(c, roundMessage(e.match));
            current.post(() -> current.seatAgain(c, name));
        } else if (back && e.match != null) {
            // a client back after a restart (its seat's token in this round's room) learns where the tournament is
            transport.send(c, roundMessage(e.match));
        }
    }

    private Standings table() {
        return Standings.of(names(), results);
    }

    private List<String> names() {
        return new ArrayList<>(entrants.keySet());
    }

    /**
     * The draw: the schedule from the entrants' join order and the seed, written (with a
     * journal) to {@code tournament.draw} and {@code tournament.schedule}, forced to the disk
     * before the first match opens.
     */
    private void start() {
        TournamentDraw draw = TournamentDraw.of(config, names());
        schedule = draw.schedule();
        int rounds = schedule.rounds().size();
        log.accept("tournament: " + entrants.size() + " players, " + rounds + (rounds == 1 ? " round" : " rounds"));
        if (config.journal().isPresent()) {
            Path dir = config.journal().get();
            try {
                draw.write(dir);
                AtomicFile.write(dir.resolve(SCHEDULE_FILE), draw.scheduleText(schedule));
            } catch (IOException e) {
                log.accept("tournament: cannot write the draw to " + dir + " (" + e.getMessage()
                        + "): the tournament goes on, but could not be resumed");
            }
        }
        startRound(1);
    }

    private void startRound(int number) {
        round = number;
        for (Match match : schedule.rounds().get(number - 1)) {
            openMatch(match);
        }
        if (playing.isEmpty()) {
            nextRoundOrFinish();
        }
    }

    /** Opens a match's room and seats its entrants: connected ones join, the others are seated away. */
    private void openMatch(Match match) {
        String code = code(match);
        Room room = new Room(code, schedule.matches().indexOf(match), matchConfig(match), this);
        playing.put(code, match);
        try {
            room.open(1);
        } catch (IOException e) {
            log.accept("tournament: cannot open room " + code + ": " + e.getMessage());
            playing.remove(code);
            return;
        }
        index.add(room);
        log.accept("round " + match.round() + ", room " + code + " (" + config.levels().get(match.level()).level()
                .id() + "): " + String.join(" vs ", match.players()) + (match.bots() > 0 ? " + " + match.bots()
                + " bot" + (match.bots() > 1 ? "s" : "") : ""));
        for (String name : match.players()) {
            Entrant e = entrants.get(name);
            e.room = room;
            e.match = match;
            Peer c = e.connection;
            if (c == null) {
                room.post(() -> room.seatAway(name));
                continue;
            }
            e.seated = true;
            transport.send(c, roundMessage(match));
            Messages.Hello hello = new Messages.Hello(name, code, null, false);
            room.post(() -> room.join(c, hello, name, false));
        }
        for (Peer c : spectators.values()) {
            transport.send(c, roundMessage(match)); // the projector lists the round's matches
        }
    }

    /** A match's room: the match's level, a seat for each of its entrants, bots (seeded by the match) in the others. */
    private ServeConfig matchConfig(Match match) {
        return config.withLevels(List.of(config.levels().get(match.level()))).withPlayers(match.players().size())
                .withRooms(1, List.of(code(match)));
    }

    /**
     * Rebuilds a drawn tournament from its directory, before the server starts: every match
     * room opened before the stop is rebuilt from its journal (a finished one counts its
     * result as the game's standings give it on replay); the round in progress goes on, its
     * matches not opened yet open now; later rounds start as the round ends. The entrants are
     * away until they come back with the token of any seat they had.
     */
    void resume(TournamentJournals journals) throws IOException {
        try {
            call(() -> {
                resumeNow(journals);
                return null;
            });
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while resuming the tournament", e);
        } catch (Exception e) {
            throw new IOException("the tournament did not resume within 10 s", e);
        }
    }

    private void resumeNow(TournamentJournals journals) throws Exception {
        for (String name : journals.draw().entrants()) {
            entrants.put(name, new Entrant(name, null));
        }
        schedule = journals.schedule();
        round = Math.min(journals.round(), schedule.rounds().size());
        Path schedulePath = journals.dir().resolve(SCHEDULE_FILE);
        if (!Files.exists(schedulePath)) {
            AtomicFile.write(schedulePath, journals.draw().scheduleText(schedule));
        }
        List<Match> unopened = new ArrayList<>();
        for (Match match : schedule.matches()) {
            String code = code(match);
            JournalReplay journal = journals.journals().get(code);
            boolean current = match.round() == journals.round();
            if (journal == null) {
                if (current) {
                    unopened.add(match);
                }
                continue;
            }
            if (current) {
                playing.put(code, match); // before its room runs: its end may be posted here meanwhile
            }
            for (JournalReplay.SeatLine s : journal.seats()) {
                if (s.bot() == null) {
                    entrants.get(s.name()).seated = true; // its token was journaled before it was sent
                }
            }
            Room room = new Room(code, schedule.matches().indexOf(match), matchConfig(match), this);
            try {
                room.resume(journal);
            } catch (org.cowarena.move.MoveSyntaxException e) {
                throw new IOException(journal.file() + ":" + e.line() + ": " + e.reason(), e);
            }
            index.add(room);
            if (current) {
                for (String name : match.players()) {
                    Entrant e = entrants.get(name);
                    e.room = room;
                    e.match = match;
                    if (journal.seats().stream().noneMatch(s -> s.bot() == null && s.name().equals(name))) {
                        room.post(() -> room.seatAway(name)); // stopped while the room was seating them
                    }
                }
            }
            Messages.GameOver over = room.call(room::overNow);
            if (over != null && (!current || playing.remove(code) != null)) {
                counted(match, over);
            }
        }
        log.accept("tournament: resumed from " + journals.dir() + " in round " + round + " of "
                + schedule.rounds().size() + ", " + results.size() + " of " + schedule.matches().size()
                + " matches over; the entrants come back with their tokens");
        for (Match match : unopened) {
            openMatch(match);
        }
        if (playing.isEmpty()) {
            nextRoundOrFinish();
        }
    }

    /** A room's game ended: if it is a match of this round, its result counts. */
    private void matchOver(String code, Messages.GameOver g) {
        Match match = playing.remove(code);
        if (match == null) {
            return;
        }
        counted(match, g);
        if (playing.isEmpty()) {
            nextRoundOrFinish();
        }
    }

    /** A match's result as its room's standings gave it; the results stay in the schedule's order. */
    private void counted(Match match, Messages.GameOver g) {
        String code = code(match);
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
        results.sort(Comparator.comparingInt((MatchResult r) -> r.match().round())
                .thenComparingInt(r -> r.match().number()));
        log.accept(line.toString());
    }

    private void nextRoundOrFinish() {
        boolean last = round >= schedule.rounds().size();
        Standings table = table();
        if (!last && breakMillis > 0) {
            int next = round + 1;
            nextRoundAt = nanos() + TimeUnit.MILLISECONDS.toNanos(breakMillis);
            log.accept("tournament: round " + next + " starts in " + (breakMillis + 999) / 1000 + " s");
            broadcast(standingsMessage(table, false));
            later(() -> {
                nextRoundAt = 0;
                startRound(next);
            }, breakMillis);
            return;
        }
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
            if (e.connection != null) {
                transport.send(e.connection, message);
            }
        }
        for (Peer c : spectators.values()) {
            transport.send(c, message);
        }
    }

    private Messages.TournamentRound roundMessage(Match match) {
        Messages.TournamentRound m = new Messages.TournamentRound();
        m.round = match == null ? round : match.round();
        m.rounds = schedule == null ? 0 : schedule.rounds().size();
        m.joined = entrants.size();
        m.entrants = config.players();
        if (match != null) {
            m.room = code(match);
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
        m.nextRoundMillis = last || nextRoundAt == 0 ? 0
                : (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextRoundAt - nanos()));
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

    @Override
    public void shutdown() {
        stopThread(); // first: it opens rooms
        index.shutdown();
    }
}
