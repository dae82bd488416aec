package org.cowarena.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.cowarena.level.Level;
import org.cowarena.move.Move;
import org.cowarena.move.MoveParser;
import org.cowarena.move.MoveSyntaxException;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Names;
import org.cowarena.protocol.Protocol;
import org.cowarena.race.RaceLedger;
import org.cowarena.race.RaceReplay;
import org.cowarena.race.RaceResults;
import org.cowarena.race.RaceStep;
import org.cowarena.race.Runner;
import org.cowarena.report.AtomicFile;

/**
 * A race room: every player plays the race's levels on a game of their own, at their
 * own pace, while the race runs. The server plays every move (clients score nothing),
 * journals it before acknowledging it, and sends the leaderboard to everyone when a
 * best improves. A teacher, holding the token printed at start, starts, pauses and
 * stops the race, reveals hints, kicks players and moves the room to the next level.
 * Everything runs on the room's thread; network listeners only {@link #post} to it.
 */
final class RaceRoom extends HostActor implements Host, Joined {
    static final String CODE = "RACE";
    /** Race names are journaled in the move notation ({@code alice: fork 1}), so they follow its pattern. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1," + Protocol.MAX_NAME_COLUMNS + "}");
    private static final SecureRandom TOKENS = new SecureRandom();
    /** Moves in one attempt at most: the attempt travels whole to a player who reconnects. */
    static final int MAX_ATTEMPT_MOVES = Protocol.MAX_MOVES_PER_GAME;
    private static final int MAX_ATTEMPT_BYTES = MAX_ATTEMPT_MOVES * 40;
    /**
     * Levels in a race at most: a leaderboard carries about 30 bytes per player and level,
     * so {@code --max-players} 256 on 30 levels stays well inside a client's read buffer.
     */
    static final int MAX_LEVELS = 30;
    /** Improvements within this long share one leaderboard broadcast: the start of a race is a burst. */
    static final long LEADERBOARD_MILLIS = 100;

    private final ServeConfig config;
    private final List<LevelText> levels;
    private final long limitMillis;
    private final Transport outbox;
    /**
     * Where a journaled race keeps its teacher's token (owner-only, as every file
     * {@link AtomicFile} writes), so that a resumed server takes it back and the teacher's
     * projector goes on without a new token.
     */
    static final String TOKEN_FILE = "teacher.token";
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    private String teacherToken = newToken();

    private final RaceLedger ledger;
    private Journal journal;
    private String state;
    private long elapsedBefore;
    private long runningSince;
    private int focus;
    private String hint;
    private int hintsShown;
    /** Player name → token, in join order; a kicked player's token is gone. */
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Set<String> kicked = new LinkedHashSet<>();
    /** How long a reclaim code is good for, once. */
    static final long RECLAIM_MILLIS = 5 * 60_000;
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** A short code the teacher gave out for a player's place: good once, until {@code expiresNanos}. */
    private record ReclaimCode(String name, long expiresNanos) {
    }

    /** Reclaim codes not used yet, by code. Not journaled: a restarted server voids them. */
    private final Map<String, ReclaimCode> reclaimCodes = new TreeMap<>();
    /** A kicked player's token → their name: coming back with it gets the reason, not "join without it". */
    private final Map<String, String> kickedTokens = new TreeMap<>();
    private final Map<String, Peer> players = new LinkedHashMap<>();
    private final Map<Integer, Peer> spectators = new TreeMap<>();
    private volatile RoomStatus status;
    private boolean leaderboardDue;

    private RaceRoom(ServeConfig config, List<LevelText> levels, long limitMillis, Transport outbox, RaceLedger ledger) {
        super("race", config.ticker(), System.err::println);
        this.config = config;
        this.levels = List.copyOf(levels);
        this.limitMillis = limitMillis;
        this.outbox = outbox;
        this.ledger = ledger;
    }

    /** A fresh race, journaled in the config's journal directory if it names one. */
    static RaceRoom create(ServeConfig config, RaceConfig race, Transport outbox) throws IOException {
        checkSize(race.levels());
        List<Level> parsed = new ArrayList<>();
        for (LevelText t : race.levels()) {
            parsed.add(t.level());
        }
        RaceRoom room = new RaceRoom(config, race.levels(), race.limitMillis(), outbox, new RaceLedger(parsed));
        if (config.journal().isPresent()) {
            room.journal = RaceJournal.create(config.journal().get(), race.levels(), race.limitMillis());
            AtomicFile.write(config.journal().get().resolve(TOKEN_FILE), room.teacherToken + "\n");
        }
        room.state = "waiting";
        room.journalOrLog("# state waiting 0");
        if (!race.waitForStart()) {
            room.setState("running");
        }
        room.publish();
        return room;
    }

    /** The race journaled in {@code dir}, going on where it stopped (journaling there). */
    static RaceRoom resume(ServeConfig config, RaceReplay replay, Transport outbox)
            throws IOException, org.cowarena.level.LevelException {
        List<LevelText> texts = new ArrayList<>();
        for (int i = 0; i < replay.texts().size(); i++) {
            texts.add(LevelText.of(replay.texts().get(i), replay.sources().get(i)));
        }
        // The replay played every journaled move through the same rules: its ledger is the race's.
        checkSize(texts);
        RaceRoom room = new RaceRoom(config, texts, replay.limitMillis(), outbox, replay.ledger());
        room.adopt(replay);
        room.keepTeacherToken(replay.file().toAbsolutePath().getParent().resolve(TOKEN_FILE));
        room.journal = RaceJournal.reopen(replay.file());
        room.publish();
        return room;
    }

    /** The token the race had before the stop, if its file holds one; else this one, written there. */
    private void keepTeacherToken(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (TOKEN.matcher(kept).matches()) {
                teacherToken = kept;
                return;
            }
        }
        AtomicFile.write(file, teacherToken + "\n");
    }

    private void adopt(RaceReplay replay) {
        tokens.putAll(replay.tokens());
        kicked.addAll(replay.kicked().keySet());
        replay.kicked().forEach((name, token) -> kickedTokens.put(token, name));
        elapsedBefore = replay.elapsedMillis();
        focus = replay.focus();
        hint = replay.hint();
        hintsShown = replay.hintsShown();
        state = replay.state();
        runningSince = nanos();
        if ("running".equals(state)) {
            scheduleTimeLimit();
        }
    }

    /**
     * A joining client gets every level's text in one message, with its attempt's moves:
     * it must fit the client's read buffer (a larger message would drop the connection).
     */
    private static void checkSize(List<LevelText> levels) {
        if (levels.size() > MAX_LEVELS) {
            throw new IllegalArgumentException("a race has at most " + MAX_LEVELS + " levels (this one has "
                    + levels.size() + ")");
        }
        long bytes = 0;
        for (LevelText t : levels) {
            bytes += t.text().getBytes(StandardCharsets.UTF_8).length + 256;
        }
        if (bytes + MAX_ATTEMPT_BYTES > Protocol.MAX_SNAPSHOT_BYTES) {
            throw new IllegalArgumentException("the race's levels weigh " + bytes / 1024 + " KiB together: at most "
                    + (Protocol.MAX_SNAPSHOT_BYTES - MAX_ATTEMPT_BYTES) / 1024 + " KiB travel to a joining player;"
                    + " race fewer or smaller levels");
        }
    }

    String teacherToken() {
        return teacherToken;
    }

    RoomStatus status() {
        return status;
    }

    // ---- called from network threads -------------------------------------------------------

    @Override
    public Joined join(Peer c, Messages.Hello hello, String name) {
        post(() -> admit(c, hello, name));
        return this;
    }

    @Override
    public void receive(Peer c, Object message) {
        if (message instanceof Messages.PlayMove move) {
            post(() -> move(c, move));
        } else if (message instanceof Messages.RaceAttempt attempt) {
            post(() -> attempt(c, attempt));
        } else if (message instanceof Messages.TeacherCommand command) {
            post(() -> teacher(c, command));
        }
    }

    @Override
    public void left(int connectionId) {
        post(() -> leave(connectionId));
    }

    @Override
    public List<RoomStatus> rooms() {
        return List.of(status);
    }

    @Override
    public java.util.Optional<Room> room(String code) {
        return java.util.Optional.empty();
    }

    @Override
    public String teacherRefusal() {
        return null;
    }

    // ---- room thread ---------------------------------------------------------------------

    /** Race time: milliseconds the race has been running. */
    long elapsed() {
        return elapsedBefore + ("running".equals(state)
                ? TimeUnit.NANOSECONDS.toMillis(nanos() - runningSince) : 0);
    }

    private void setState(String next) {
        long now = elapsed();
        elapsedBefore = now;
        runningSince = nanos();
        state = next;
        journalOrLog("# state " + next + " " + now);
        if ("running".equals(next)) {
            scheduleTimeLimit();
        }
    }

    private void scheduleTimeLimit() {
        if (limitMillis > 0) {
            later(this::checkTime, Math.max(1, limitMillis - elapsed()));
        }
    }

    private void checkTime() {
        if ("running".equals(state) && limitMillis > 0 && elapsed() >= limitMillis) {
            setState("stopped");
            broadcastState();
            broadcastLeaderboard();
        }
    }

    /** A player or spectator joins, or a player comes back with their token. */
    private void admit(Peer c, Messages.Hello hello, String name) {
        if (hello.token != null && !hello.token.isEmpty()) {
            for (Map.Entry<String, String> e : tokens.entrySet()) {
                if (MessageDigest.isEqual(e.getValue().getBytes(StandardCharsets.UTF_8),
                        hello.token.getBytes(StandardCharsets.UTF_8))) {
                    seat(c, e.getKey());
                    return;
                }
            }
            ReclaimCode code = reclaimCodes.remove(hello.token.strip().toUpperCase(java.util.Locale.ROOT));
            if (code != null && code.expiresNanos - nanos() > 0 && tokens.containsKey(code.name)) {
                seat(c, code.name); // the welcome carries the place's token: the client keeps that
                return;
            }
            String removed = kickedTokens.get(hello.token);
            outbox.refuse(c, removed != null ? "the teacher removed " + removed + " from this race"
                    : "that token is not known in this race: join without it");
            return;
        }
        if (hello.spectate) {
            spectators.put(c.id(), c);
            welcome(c, name, -1, null);
            sendState(c, null, true);
            outbox.send(c, Leaderboards.of(ledger, kicked, elapsed()));
            publish();
            return;
        }
        if (!NAME.matcher(name).matches()) {
            outbox.refuse(c, "a race name is letters, digits, '.', '_' or '-' (at most " + Protocol.MAX_NAME_COLUMNS
                    + "): it names your moves in the journal");
            return;
        }
        if (kicked.contains(name)) {
            outbox.refuse(c, "the teacher removed " + name + " from this race");
            return;
        }
        if (tokens.containsKey(name)) {
            outbox.refuse(c, "the name " + name + " is taken in this race: choose another (or reconnect with your token)");
            return;
        }
        String token = newToken();
        try {
            journal("# player " + token + " " + name + "\n# attempt " + name + " " + focus + " " + elapsed());
        } catch (IOException e) {
            outbox.refuse(c, "the server could not record the join (" + e.getMessage() + "): try again");
            return;
        }
        tokens.put(name, token);
        ledger.begin(name, focus);
        seat(c, name);
        broadcastLeaderboard();
    }

    private void seat(Peer c, String name) {
        Peer old = players.put(name, c);
        if (old != null && old != c) {
            outbox.close(old);
        }
        welcome(c, name, indexOf(name), tokens.get(name));
        sendState(c, name, true);
        outbox.send(c, Leaderboards.of(ledger, kicked, elapsed()));
        publish();
    }

    private int indexOf(String name) {
        int i = 0;
        for (Runner r : ledger.runners()) {
            if (r.name().equals(name)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private void welcome(Peer c, String name, int seat, String token) {
        Messages.Welcome w = new Messages.Welcome();
        w.version = Protocol.VERSION;
        w.server = config.name();
        w.room = CODE;
        w.name = name;
        w.seat = seat;
        w.token = token;
        outbox.send(c, w);
    }

    private void leave(int connectionId) {
        if (spectators.remove(connectionId) != null) {
            publish();
            return;
        }
        players.values().removeIf(c -> c.id() == connectionId);
        publish();
    }

    private String playerOf(Peer c) {
        for (Map.Entry<String, Peer> e : players.entrySet()) {
            if (e.getValue() == c) {
                return e.getKey();
            }
        }
        return null;
    }

    void move(Peer c, Messages.PlayMove request) {
        String name = playerOf(c);
        String problem = null;
        Move move = null;
        checkTime();
        if (name == null) {
            problem = spectators.containsKey(c.id()) ? "spectators watch: they cannot move" : "you are not in the race";
        } else if (!"running".equals(state)) {
            problem = switch (state) {
                case "waiting" -> "the race has not started: wait for the teacher";
                case "paused" -> "the race is paused";
                default -> "the race is over";
            };
        } else if (request.move == null || request.move.length() > Protocol.MAX_MOVE_LENGTH) {
            problem = "a move is one line of at most " + Protocol.MAX_MOVE_LENGTH + " characters";
        } else if (ledger.runner(name).map(r -> r.moveCount() >= MAX_ATTEMPT_MOVES).orElse(false)) {
            problem = "an attempt has at most " + MAX_ATTEMPT_MOVES + " moves: start a new attempt";
        } else {
            try {
                move = MoveParser.parseMove(request.move);
            } catch (MoveSyntaxException e) {
                problem = "column " + e.column() + ": " + e.reason();
            }
        }
        RaceStep step = null;
        if (problem == null) {
            long t = elapsed();
            String line = name + ": " + move.notation() + "  # t=" + t;
            try {
                step = ledger.play(name, move, t, () -> journal(line));
                problem = step.refusal();
            } catch (IOException e) {
                problem = "the server could not record the move (" + e.getMessage() + "): try again";
            }
        }
        if (problem != null) {
            Messages.MoveRefused refused = new Messages.MoveRefused();
            refused.seq = request.seq;
            refused.reason = problem;
            outbox.send(c, refused);
            return;
        }
        Runner r = ledger.runner(name).orElseThrow();
        Messages.RaceAck ack = new Messages.RaceAck();
        ack.seq = request.seq;
        ack.level = r.level();
        ack.attempt = r.attempt();
        ack.index = r.moveCount();
        ack.move = move.notation();
        ack.moves = step.result()[0];
        ack.copies = step.result()[1];
        ack.peakFrames = step.result()[2];
        ack.stars = step.result()[3];
        ack.solved = step.solved();
        ack.improved = step.improved();
        outbox.send(c, ack);
        if (step.improved() && !leaderboardDue) {
            leaderboardDue = true;
            later(() -> {
                leaderboardDue = false;
                broadcastLeaderboard();
            }, LEADERBOARD_MILLIS);
        }
    }

    void attempt(Peer c, Messages.RaceAttempt request) {
        String name = playerOf(c);
        if (name == null) {
            return;
        }
        if (request.level < 0 || request.level >= levels.size()) {
            Messages.MoveRefused refused = new Messages.MoveRefused();
            refused.reason = "no level " + request.level + " in this race (0 to " + (levels.size() - 1) + ")";
            outbox.send(c, refused);
            return;
        }
        try {
            journal("# attempt " + name + " " + request.level + " " + elapsed());
        } catch (IOException e) {
            Messages.MoveRefused refused = new Messages.MoveRefused();
            refused.reason = "the server could not record the new attempt (" + e.getMessage() + "): try again";
            outbox.send(c, refused);
            return;
        }
        ledger.begin(name, request.level);
        sendState(c, name, false);
    }

    void teacher(Peer c, Messages.TeacherCommand command) {
        String verb = command.command == null ? "" : command.command;
        String problem = null;
        if (command.token == null || !MessageDigest.isEqual(command.token.getBytes(StandardCharsets.UTF_8),
                teacherToken.getBytes(StandardCharsets.UTF_8))) {
            problem = "only the teacher may " + Names.clean(verb, 12)
                    + ": the command needs the teacher token the server printed at start";
        } else {
            problem = switch (verb) {
                case "start" -> start();
                case "pause" -> pause();
                case "stop" -> stop();
                case "hint" -> hint(command.argument);
                case "kick" -> kick(command.argument);
                case "next" -> next();
                case "export" -> export();
                case "reclaim" -> tokens.containsKey(argument(command)) ? null
                        : "no player " + Names.clean(argument(command), Protocol.MAX_NAME_COLUMNS) + " in the race";
                default -> "unknown command \"" + Names.clean(verb, 12)
                        + "\": start, pause, stop, hint, kick, next, export or reclaim";
            };
        }
        Messages.TeacherReply reply = new Messages.TeacherReply();
        reply.command = Names.clean(verb, 12);
        reply.ok = problem == null;
        reply.reason = problem;
        if (problem == null && "reclaim".equals(verb)) {
            String name = argument(command);
            reply.reason = "reclaim code for " + name + ": " + reclaimCode(name) + " (good once, for "
                    + RECLAIM_MILLIS / 60_000 + " minutes: cowarena --connect HOST --token CODE)";
        }
        if (problem == null && "export".equals(verb)) {
            reply.reason = "wrote results.csv and results.json in " + config.journal().get().toAbsolutePath();
        }
        outbox.send(c, reply);
    }

    private static String argument(Messages.TeacherCommand command) {
        return command.argument == null ? "" : command.argument.strip();
    }

    /** A new reclaim code for {@code name}'s place; codes given out earlier for it stop working. */
    private String reclaimCode(String name) {
        reclaimCodes.values().removeIf(r -> r.name.equals(name) || r.expiresNanos - nanos() <= 0);
        String code;
        do {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                b.append(CODE_LETTERS.charAt(TOKENS.nextInt(CODE_LETTERS.length())));
            }
            code = b.toString();
        } while (reclaimCodes.containsKey(code));
        reclaimCodes.put(code, new ReclaimCode(name, nanos() + TimeUnit.MILLISECONDS.toNanos(RECLAIM_MILLIS)));
        return code;
    }

    /**
     * Writes the results so far (what {@code results} would write from the journal) as
     * {@code results.csv} and {@code results.json} in the journal directory, each atomically.
     */
    private String export() {
        if (config.journal().isEmpty()) {
            return "this server keeps no journal directory to write the results in (serve --journal DIR)";
        }
        List<RaceResults.Row> rows = RaceResults.rows(ledger);
        Path dir = config.journal().get();
        try {
            AtomicFile.write(dir.resolve("results.csv"), RaceResults.csv(rows));
            AtomicFile.write(dir.resolve("results.json"), RaceResults.json(rows));
        } catch (IOException e) {
            return "could not write the results: " + e.getMessage();
        }
        return null;
    }

    private String start() {
        if ("running".equals(state)) {
            return "the race is running already";
        }
        if (limitMillis > 0 && elapsed() >= limitMillis) {
            return "the race's time is up";
        }
        setState("running");
        broadcastState();
        return null;
    }

    private String pause() {
        if (!"running".equals(state)) {
            return "the race is not running";
        }
        setState("paused");
        broadcastState();
        return null;
    }

    private String stop() {
        if ("stopped".equals(state)) {
            return "the race is stopped already";
        }
        setState("stopped");
        broadcastState();
        broadcastLeaderboard();
        return null;
    }

    private String hint(String text) {
        String clean = Names.clean(text, Protocol.MAX_CHAT_LENGTH);
        int shown = hintsShown;
        String line = "# hint " + shown + " " + clean; // one line: clean text holds no line break
        if (clean.isEmpty()) {
            List<String> hints = levels.get(focus).level().hints();
            if (hints.isEmpty()) {
                return "level " + levels.get(focus).level().id() + " has no hints: give the hint's text";
            }
            clean = hints.get(shown++ % hints.size());
            line = "# hint " + shown; // the level's next hint: the replay takes it from the level
        }
        try {
            journal(line);
        } catch (IOException e) {
            return "the server could not record it (" + e.getMessage() + ")";
        }
        hintsShown = shown;
        hint = clean;
        broadcastState();
        return null;
    }

    private String kick(String who) {
        String name = who == null ? "" : who.strip();
        if (!tokens.containsKey(name)) {
            return "no player " + Names.clean(name, Protocol.MAX_NAME_COLUMNS) + " in the race";
        }
        try {
            journal("# kick " + name + " " + elapsed());
        } catch (IOException e) {
            return "the server could not record it (" + e.getMessage() + ")";
        }
        kickedTokens.put(tokens.remove(name), name);
        kicked.add(name);
        Peer c = players.remove(name);
        if (c != null) {
            outbox.refuse(c, "the teacher removed you from the race");
        }
        broadcastLeaderboard(); // without them
        publish();
        return null;
    }

    private String next() {
        if (focus + 1 >= levels.size()) {
            return "the room is on the race's last level";
        }
        int to = focus + 1;
        StringBuilder lines = new StringBuilder("# focus " + to + " " + elapsed());
        List<String> behind = new ArrayList<>();
        for (Runner r : ledger.runners()) {
            if (tokens.containsKey(r.name()) && r.level() < to) {
                behind.add(r.name());
                lines.append("\n# attempt ").append(r.name()).append(' ').append(to).append(' ').append(elapsed());
            }
        }
        try {
            journal(lines.toString());
        } catch (IOException e) {
            return "the server could not record it (" + e.getMessage() + ")";
        }
        focus = to;
        hint = null;
        hintsShown = 0;
        for (String name : behind) {
            ledger.begin(name, to);
        }
        broadcastState();
        return null;
    }

    private void sendState(Peer c, String name, boolean withTexts) {
        Messages.RaceState s = new Messages.RaceState();
        s.state = state;
        s.levels = new String[levels.size()];
        for (int i = 0; i < levels.size(); i++) {
            s.levels[i] = levels.get(i).level().id();
        }
        if (withTexts) {
            s.levelTexts = new String[levels.size()];
            for (int i = 0; i < levels.size(); i++) {
                s.levelTexts[i] = levels.get(i).text();
            }
        }
        s.focus = focus;
        s.elapsedMillis = elapsed();
        s.millisLeft = limitMillis > 0 ? Math.max(0, limitMillis - s.elapsedMillis) : -1;
        s.hint = hint;
        s.level = -1;
        s.moves = new String[0];
        Runner r = name == null ? null : ledger.runner(name).orElse(null);
        if (r != null) {
            s.level = r.level();
            s.attempt = r.attempt();
            s.moves = r.moves().toArray(new String[0]);
            s.solved = r.solvedNow();
        }
        outbox.send(c, s);
    }

    private void broadcastState() {
        for (Map.Entry<String, Peer> e : players.entrySet()) {
            sendState(e.getValue(), e.getKey(), false);
        }
        for (Peer c : spectators.values()) {
            sendState(c, null, false);
        }
        publish();
    }

    private void broadcastLeaderboard() {
        Messages.Leaderboard board = Leaderboards.of(ledger, kicked, elapsed());
        for (Peer c : players.values()) {
            outbox.send(c, board);
        }
        for (Peer c : spectators.values()) {
            outbox.send(c, board);
        }
    }

    private void journal(String lines) throws IOException {
        if (journal != null) {
            journal.append(lines);
        }
    }

    private void journalOrLog(String lines) {
        try {
            journal(lines);
        } catch (IOException e) {
            log("journal: " + e.getMessage());
        }
    }

    private void publish() {
        int moves = 0;
        for (Runner r : ledger.runners()) {
            moves += r.moveCount();
        }
        status = new RoomStatus(CODE, "race of " + levels.size() + " levels", 1, players.size(), tokens.size(),
                spectators.size(), !"waiting".equals(state), "stopped".equals(state), moves, 0);
    }

    String stateNow() {
        return state;
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        TOKENS.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void shutdown() {
        stopThread();
        if (journal != null) {
            journal.closeQuietly();
        }
    }
}
