package org.cowarena.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cowarena.bot.Strategies;
import org.cowarena.game.Game;
import org.cowarena.game.Standing;
import org.cowarena.game.Turn;
import org.cowarena.kernel.ProcessInfo;
import org.cowarena.level.LevelException;
import org.cowarena.move.Move;
import org.cowarena.move.MoveParser;
import org.cowarena.move.MoveSyntaxException;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Names;
import org.cowarena.protocol.Protocol;
import org.cowarena.protocol.StateDigest;

/**
 * One room: a game on one kernel, its seats in turn order, its spectators, the turn
 * timer, bots, reconnects and the journal. Everything here runs on the room's own
 * thread; network listeners only {@link #post} work to it.
 */
final class Room extends HostActor implements Joined {
    private static final SecureRandom TOKENS = new SecureRandom();

    final String code;
    private final int index;
    private final ServeConfig config;
    private final Outbox outbox;
    /** Seats open to a player joining without a token; read by the network thread to route joins. */
    private final AtomicInteger openSeats = new AtomicInteger();

    private LevelText level;
    private Game game;
    private int gameNo;
    private final List<String> moves = new ArrayList<>();
    /**
     * The game as it stood after each accepted move ({@code states.get(i)}: after {@code i}
     * moves), kept only where moves may be taken back ({@link #rewindable}); empty elsewhere.
     */
    private final List<Game> states = new ArrayList<>();
    private Seat[] seats;
    private final Map<Integer, Peer> spectators = new TreeMap<>();
    private boolean started;
    private boolean over;
    private int turn;
    private long turnDeadlineNanos;
    private long turnGeneration;
    private long digest;
    private Journal journal;

    /** Published for discovery and status: written on the room thread, read anywhere. */
    private volatile RoomStatus status;

    Room(String code, int index, ServeConfig config, Outbox outbox) {
        super("room " + code, config.ticker(), System.err::println);
        this.code = code;
        this.index = index;
        this.config = config;
        this.outbox = outbox;
    }

    /** A room with a fresh first game. Call on the creating thread before the room is shared. */
    void open(int firstGame) throws IOException {
        LevelText first = config.levels().get((index + firstGame - 1) % config.levels().size());
        startGame(firstGame, first, null);
    }

    /** A room rebuilt from its journal: the game goes on where it stopped. */
    void resume(JournalReplay replay) throws IOException, LevelException, MoveSyntaxException {
        level = replay.level();
        gameNo = replay.game();
        game = Game.start(level.level());
        seats = newSeats();
        for (JournalReplay.SeatLine s : replay.seats()) {
            Seat seat = seats[s.seat()];
            seat.player = s.name();
            seat.token = s.token();
            if (s.token() != null) {
                outbox.tokenIssued(s.token(), this);
            }
            if (s.bot() != null) {
                seat.bot = Strategies.create(s.bot(), botSeed(s.seat()));
            }
        }
        for (String line : replay.moves()) {
            Turn t = playLine(game, line);
            if (!t.outcome().ok()) {
                throw new IOException(replay.file() + ": move \"" + line + "\" is refused on replay: "
                        + ((org.cowarena.kernel.Outcome.Refused) t.outcome()).reason());
            }
            moves.add(line);
        }
        started = replay.started();
        turn = moves.size() % seats.length;
        over = replay.over() || gameEnded();
        digest = StateDigest.of(game);
        journal = Journal.reopen(replay.file());
        openSeats.set(countOpenSeats());
        long now = nanos();
        for (int i = 0; i < seats.length; i++) {
            if (seats[i].forHumans && seats[i].taken() && seats[i].bot == null) {
                startGrace(i);
            }
        }
        if (started && !over) {
            startTurn(now);
        } else if (!started) {
            maybeStart(); // every seat may have been taken just before the stop, the start not journaled yet
        }
        publish();
    }

    private void startGame(int number, LevelText nextLevel, Seat[] keep) throws IOException {
        level = nextLevel;
        gameNo = number;
        try {
            game = Game.start(level.level());
        } catch (LevelException e) {
            throw new IOException(e.getMessage(), e);
        }
        moves.clear();
        states.clear();
        keepState();
        Seat[] fresh = newSeats();
        if (keep != null) {
            for (int i = 0; i < Math.min(keep.length, fresh.length); i++) {
                fresh[i].player = keep[i].player;
                fresh[i].token = keep[i].token;
                fresh[i].connection = keep[i].connection;
                fresh[i].bot = keep[i].bot;
            }
        }
        seats = fresh;
        started = false;
        over = false;
        turn = 0;
        digest = StateDigest.of(game);
        if (journal != null) {
            journal.close();
            journal = null;
        }
        if (config.journal().isPresent()) {
            journal = Journal.create(config.journal().get(), code, gameNo, level);
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < seats.length; i++) {
                if (seats[i].taken()) {
                    lines.append(seatLine(i)).append('\n');
                }
            }
            if (lines.length() > 0) {
                journal.append(lines.substring(0, lines.length() - 1));
            }
        }
        openSeats.set(countOpenSeats());
        maybeStart();
        publish();
    }

    /** A seat per player of the current game: the level's seats, in turn order. */
    private Seat[] newSeats() {
        List<String> owners = game.players();
        Seat[] result = new Seat[owners.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = new Seat(owners.get(i), i < config.players());
            if (!result[i].forHumans) {
                result[i].player = config.fillBot() + "-bot";
                result[i].bot = Strategies.create(config.fillBot(), botSeed(i));
            }
        }
        return result;
    }

    private long botSeed(int seat) {
        return config.seed() * 1_000_003L + index * 131L + seat;
    }

    private String seatLine(int i) {
        Seat s = seats[i];
        return s.forHumans ? "# seat " + i + " " + s.token + " " + s.player
                : "# bot " + i + " " + config.fillBot();
    }

    // ---- called from network threads -------------------------------------------------------

    @Override
    public void receive(Peer c, Object message) {
        if (message instanceof Messages.PlayMove move) {
            post(() -> move(c, move));
        } else if (message instanceof Messages.SnapshotRequest) {
            post(() -> snapshotTo(c));
        } else if (message instanceof Messages.ChatSend chat) {
            post(() -> chat(c, chat.text));
        } else if (message instanceof Messages.NewGameRequest && outbox.playersStartGames()) {
            post(() -> newGame(c));
        }
    }

    @Override
    public void left(int connectionId) {
        post(() -> leave(connectionId));
    }

    /** Reserves a seat for a join without a token; false when none is open. */
    boolean reserveSeat() {
        while (true) {
            int n = openSeats.get();
            if (n <= 0) {
                return false;
            }
            if (openSeats.compareAndSet(n, n - 1)) {
                return true;
            }
        }
    }

    RoomStatus status() {
        return status;
    }

    // ---- room thread ---------------------------------------------------------------------

    /** A player or spectator joins; {@code reserved} when {@link #reserveSeat} was taken for it. */
    void join(Peer c, Messages.Hello hello, String name, boolean reserved) {
        if (hello.token != null && !hello.token.isEmpty()) {
            for (int i = 0; i < seats.length; i++) {
                if (hello.token.equals(seats[i].token)) {
                    reclaim(c, i);
                    return;
                }
            }
            outbox.refuse(c, "that seat token is not known in room " + code + ": join without it");
            return;
        }
        if (hello.spectate) {
            spectators.put(c.id(), c);
            outbox.member(c, this);
            welcome(c, name, -1);
            sendSnapshot(c, snapshot(-1));
            publish();
            return;
        }
        int free = -1;
        for (int i = seats.length - 1; i >= 0; i--) {
            if (seats[i].forHumans && name.equals(seats[i].player)) {
                if (reserved) {
                    openSeats.incrementAndGet();
                }
                outbox.refuse(c, "the name " + name + " is taken in room " + code + ": choose another");
                return;
            }
            if (seats[i].forHumans && !seats[i].taken()) {
                free = i;
            }
        }
        if (free < 0) {
            if (reserved) {
                openSeats.incrementAndGet();
            }
            outbox.refuse(c, "room " + code + " is full: join as a spectator, or another room");
            return;
        }
        if (!reserved) {
            openSeats.decrementAndGet();
        }
        Seat seat = takeSeat(free, name);
        seat.connection = c;
        if (!c.connected()) {
            // seated by a tournament after leaving: a bot plays for the player (reclaimable with the token)
            seat.connection = null;
            seat.bot = Strategies.create(config.fillBot(), botSeed(free));
        }
        outbox.member(c, this);
        appendJournal(seatLine(free));
        welcome(c, name, free);
        maybeStart();
        sendSnapshot(c, snapshot(free));
        broadcastSeats();
        publish();
    }

    private Seat takeSeat(int i, String name) {
        Seat seat = seats[i];
        seat.player = name;
        seat.token = newToken();
        outbox.tokenIssued(seat.token, this);
        seat.bot = null;
        return seat;
    }

    /**
     * Seats a tournament entrant who is not connected (their tournament resumed, and they
     * have not come back yet): the seat is theirs, as if they had dropped at once, so a bot
     * plays it after the grace period. The tournament gives it to them when they come back
     * with the token of any seat they had ({@link #seatAgain}). Does nothing if they sit here.
     */
    void seatAway(String name) {
        int free = -1;
        for (int i = seats.length - 1; i >= 0; i--) {
            if (seats[i].forHumans && name.equals(seats[i].player)) {
                return;
            }
            if (seats[i].forHumans && !seats[i].taken()) {
                free = i;
            }
        }
        if (free < 0) {
            return;
        }
        openSeats.decrementAndGet();
        takeSeat(free, name);
        appendJournal(seatLine(free));
        startGrace(free);
        maybeStart();
        broadcastSeats();
        publish();
    }

    /** Gives {@code player}'s seat to {@code c} as a reclaim with the seat's token would (a tournament moving a player on). */
    void seatAgain(Peer c, String player) {
        for (int i = 0; i < seats.length; i++) {
            if (seats[i].forHumans && player.equals(seats[i].player)) {
                reclaim(c, i);
                return;
            }
        }
    }

    private void reclaim(Peer c, int i) {
        Seat seat = seats[i];
        if (seat.connection != null && seat.connection != c) {
            outbox.close(seat.connection);
        }
        seat.connection = c;
        seat.graceGeneration++;
        boolean botHadTheTurn = seat.bot != null && seat.forHumans && started && !over && turn == i;
        seat.bot = seat.forHumans ? null : seat.bot;
        outbox.member(c, this);
        welcome(c, seat.player, i);
        if (botHadTheTurn) {
            startTurn(nanos()); // the bot's pending move is void now: the player's timer runs
        }
        sendSnapshot(c, snapshot(i));
        broadcastSeats();
        publish();
        // last: a tournament may move the player on to another room, whose welcome must come after this one's
        outbox.seated(c, this, seat.player);
    }

    private void welcome(Peer c, String name, int seat) {
        Messages.Welcome w = new Messages.Welcome();
        w.version = Protocol.VERSION;
        w.server = config.name();
        w.room = code;
        w.name = name;
        w.seat = seat;
        w.owner = seat >= 0 ? seats[seat].owner : null;
        w.token = seat >= 0 ? seats[seat].token : null;
        outbox.send(c, w);
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        TOKENS.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A connection closed: a seated player keeps the seat for the grace period. */
    void leave(int connectionId) {
        if (spectators.remove(connectionId) != null) {
            publish();
            return;
        }
        for (int i = 0; i < seats.length; i++) {
            Seat seat = seats[i];
            if (seat.connection != null && seat.connection.id() == connectionId) {
                seat.connection = null;
                startGrace(i);
                broadcastSeats();
                publish();
                return;
            }
        }
    }

    private void startGrace(int i) {
        long generation = ++seats[i].graceGeneration;
        later(() -> graceOver(i, generation), config.graceMillis());
    }

    private void graceOver(int i, long generation) {
        Seat seat = seats[i];
        if (seat.graceGeneration != generation || seat.connected() || seat.bot != null) {
            return;
        }
        seat.bot = Strategies.create(config.fillBot(), botSeed(i));
        broadcastSeats();
        if (started && !over && turn == i) {
            startTurn(nanos());
        }
    }

    void move(Peer c, Messages.PlayMove request) {
        int seat = seatOf(c);
        String problem = null;
        Move move = null;
        if (seat < 0) {
            problem = spectators.containsKey(c.id()) ? "spectators watch: they cannot move"
                    : "you have no seat in room " + code;
        } else if (!started) {
            problem = "the game has not started: waiting for players";
        } else if (over) {
            problem = "the game is over";
        } else if (turn != seat) {
            problem = "not your turn: it is " + seats[turn].player + "'s (" + seats[turn].owner + ")";
        } else if (request.move == null || request.move.length() > Protocol.MAX_MOVE_LENGTH) {
            problem = "a move is one line of at most " + Protocol.MAX_MOVE_LENGTH + " characters";
        } else {
            try {
                move = MoveParser.parseMove(request.move);
            } catch (MoveSyntaxException e) {
                problem = "column " + e.column() + ": " + e.reason();
            }
        }
        if (problem == null) {
            problem = play(seat, move, false);
        }
        if (problem != null) {
            Messages.MoveRefused refused = new Messages.MoveRefused();
            refused.seq = request.seq;
            refused.reason = problem;
            outbox.send(c, refused);
        }
    }

    /**
     * Plays a seat's move in place (a refused move leaves the game untouched), writes it to
     * the journal (on disk before anyone hears of it), then sends it to every client.
     * Returns the reason of a refusal, or null.
     */
    private String play(int seat, Move move, boolean timedOut) {
        String owner = seats[seat].owner;
        Turn played = game.attempt(Optional.of(owner), move);
        if (played.outcome() instanceof org.cowarena.kernel.Outcome.Refused refused) {
            return refused.reason();
        }
        String line = owner + ": " + move.notation();
        try {
            appendJournalOrThrow(timedOut ? line + "  # timed out" : line);
        } catch (IOException e) {
            game = replayed(); // not on disk: the game goes back to the moves that are
            return "the server could not record the move (" + e.getMessage() + "): try again";
        }
        moves.add(line);
        keepState();
        turn = (turn + 1) % seats.length;
        over = gameEnded();
        digest = StateDigest.of(game);
        long now = nanos();
        Messages.MoveDelta delta = new Messages.MoveDelta();
        delta.game = gameNo;
        delta.index = moves.size();
        delta.seat = seat;
        delta.move = move.notation();
        delta.timedOut = timedOut;
        delta.digest = digest;
        delta.turn = turn;
        delta.turnMillis = (int) config.turnMillis();
        delta.over = over;
        if (!over) {
            startTurn(now); // the next turn's timer runs before anyone hears of this move
        }
        publish(); // before the delta: whoever has the delta sees the status that goes with it
        broadcast(delta);
        if (over) {
            appendJournal("# over");
            Messages.GameOver result = gameOver();
            broadcast(result);
            turnGeneration++;
            outbox.gameEnded(this, result);
        }
        return null;
    }

    /** One journal line ({@code red: fork 1}) played on {@code on}. */
    private static Turn playLine(Game on, String line) throws MoveSyntaxException {
        var parsed = MoveParser.parseLine(line, 1).orElseThrow();
        return on.attempt(parsed.player(), parsed.move());
    }

    /** The current game played again from its level's start through its accepted moves. */
    private Game replayed() {
        try {
            Game again = Game.start(level.level());
            for (String line : moves) {
                playLine(again, line);
            }
            return again;
        } catch (LevelException | MoveSyntaxException e) {
            throw new IllegalStateException("a game's own moves do not replay: " + e.getMessage(), e);
        }
    }

    private boolean gameEnded() {
        if (game.movesLeft() == 0 || moves.size() >= config.maxMoves()) {
            return true;
        }
        for (ProcessInfo p : game.kernel().processes()) {
            if (p.state().alive() && ownerSeat(p.owner()) >= 0) {
                return false;
            }
        }
        return true;
    }

    private int ownerSeat(String owner) {
        for (int i = 0; i < seats.length; i++) {
            if (seats[i].owner.equals(owner)) {
                return i;
            }
        }
        return -1;
    }

    private void startTurn(long now) {
        long generation = ++turnGeneration;
        turnDeadlineNanos = now + TimeUnit.MILLISECONDS.toNanos(config.turnMillis());
        Seat seat = seats[turn];
        if (seat.bot != null) {
            post(() -> botMove(generation));
        } else {
            later(() -> timeout(generation), config.turnMillis());
        }
    }

    private void botMove(long generation) {
        if (generation != turnGeneration || over || seats[turn].bot == null) {
            return;
        }
        Move move = seats[turn].bot.choose(game, seats[turn].owner);
        if (play(turn, move, false) != null) {
            play(turn, new Move.Pass(), false);
        }
    }

    private void timeout(long generation) {
        if (generation != turnGeneration || over) {
            return;
        }
        play(turn, new Move.Pass(), true);
    }

    private void maybeStart() {
        if (started) {
            return;
        }
        for (Seat s : seats) {
            if (!s.taken()) {
                return;
            }
        }
        started = true;
        appendJournal("# start");
        over = gameEnded();
        if (!over) {
            startTurn(nanos());
        } else {
            appendJournal("# over");
            Messages.GameOver result = gameOver();
            broadcast(result);
            outbox.gameEnded(this, result);
        }
    }

    /**
     * Whether this room's moves may be taken back ({@link #undo}, {@link #restart}): a room of one
     * player's seat, whose game is nobody else's, and with no journal, which is append-only.
     * Only such a room keeps its game's states.
     */
    private boolean rewindable() {
        return config.players() == 1 && config.journal().isEmpty();
    }

    private void keepState() {
        if (rewindable()) {
            states.add(game.copy());
        }
    }

    /**
     * Takes back the last move a player made, and the moves of bots after it, by going back to
     * the game's state before it (kept, not replayed); every client gets a snapshot. Returns
     * why not, or null.
     */
    String undo() {
        String problem = rewindProblem();
        if (problem != null) {
            return problem;
        }
        for (int back = moves.size() - 1; back >= 0; back--) {
            if (seats[back % seats.length].forHumans) {
                return rewind(back);
            }
        }
        return "no move to take back";
    }

    /** Takes the game back to its start (its level's state before the first move); every client gets a snapshot. */
    String restart() {
        return rewind(0);
    }

    private String rewindProblem() {
        if (!rewindable()) {
            return config.journal().isPresent() ? "room " + code + " keeps a journal: its moves cannot be taken back"
                    : "moves are taken back in a one-player room only";
        }
        return started ? null : "the game has not started";
    }

    private String rewind(int count) {
        String problem = rewindProblem();
        if (problem != null) {
            return problem;
        }
        game = states.get(count).copy(); // the kept state stays as it was, for a later undo
        states.subList(count + 1, states.size()).clear();
        moves.subList(count, moves.size()).clear();
        turn = count % seats.length;
        over = gameEnded();
        digest = StateDigest.of(game);
        if (over) {
            turnGeneration++; // a timer or bot move of the game as it was does nothing now
        } else {
            startTurn(nanos());
        }
        publish();
        resendSnapshots();
        return null;
    }

    void snapshotTo(Peer c) {
        int seat = seatOf(c);
        if (seat >= 0 || spectators.containsKey(c.id())) {
            sendSnapshot(c, snapshot(seat));
        }
    }

    void chat(Peer c, String raw) {
        int seat = seatOf(c);
        String text = Names.clean(raw, Protocol.MAX_CHAT_LENGTH);
        if (text.isEmpty() || (seat < 0 && !spectators.containsKey(c.id()))) {
            return;
        }
        Messages.ChatLine line = new Messages.ChatLine();
        line.from = seat >= 0 ? seats[seat].player : "spectator";
        line.text = text;
        broadcast(line);
    }

    void newGame(Peer c) {
        int seat = seatOf(c);
        if (seat < 0 || !over) {
            return;
        }
        try {
            LevelText next = config.levels().get((index + gameNo) % config.levels().size());
            startGame(gameNo + 1, next, seats);
        } catch (IOException e) {
            log("cannot start a new game: " + e.getMessage());
            return;
        }
        resendSnapshots();
    }

    /** Every seat and spectator gets the game as it stands now (a new game, or one taken back). */
    private void resendSnapshots() {
        for (int i = 0; i < seats.length; i++) {
            if (seats[i].connected()) {
                sendSnapshot(seats[i].connection, snapshot(i));
            }
        }
        for (Peer s : spectators.values()) {
            sendSnapshot(s, snapshot(-1));
        }
    }

    private int seatOf(Peer c) {
        for (int i = 0; i < seats.length; i++) {
            if (seats[i].connection == c) {
                return i;
            }
        }
        return -1;
    }

    private Messages.Snapshot snapshot(int you) {
        Messages.Snapshot s = new Messages.Snapshot();
        s.room = code;
        s.game = gameNo;
        s.levelSource = level.source();
        s.levelText = level.text();
        s.seats = new String[seats.length];
        for (int i = 0; i < seats.length; i++) {
            s.seats[i] = seats[i].owner;
        }
        Messages.Seats who = seats();
        s.players = who.players;
        s.connected = who.connected;
        s.bots = who.bots;
        s.moves = moves.toArray(new String[0]);
        s.started = started;
        s.turn = turn;
        s.turnMillisLeft = turnMillisLeft();
        s.over = over;
        s.digest = digest;
        s.you = you;
        return s;
    }

    private void sendSnapshot(Peer c, Messages.Snapshot s) {
        if (snapshotBytes(s) > Protocol.MAX_SNAPSHOT_BYTES) {
            // Larger than the client's read buffer: sending it would only drop the connection.
            outbox.refuse(c, "the game in room " + code + " is too large to send");
            return;
        }
        outbox.send(c, s);
    }

    /** What a snapshot weighs at most on the wire, to check against the client's buffer before sending. */
    static int snapshotBytes(Messages.Snapshot s) {
        int bytes = 1024 + s.levelText.getBytes(StandardCharsets.UTF_8).length;
        for (String m : s.moves) {
            bytes += m.length() + 2;
        }
        for (String p : s.players) {
            bytes += p == null ? 1 : 3 * p.length() + 2;
        }
        return bytes;
    }

    private Messages.Seats seats() {
        Messages.Seats s = new Messages.Seats();
        s.players = new String[seats.length];
        s.connected = new boolean[seats.length];
        s.bots = new boolean[seats.length];
        for (int i = 0; i < seats.length; i++) {
            s.players[i] = seats[i].player;
            s.connected[i] = seats[i].connected();
            s.bots[i] = seats[i].bot != null;
        }
        s.started = started;
        s.turnMillisLeft = started && !over ? turnMillisLeft() : 0;
        return s;
    }

    private int turnMillisLeft() {
        return (int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(turnDeadlineNanos - nanos()));
    }

    private void broadcastSeats() {
        broadcast(seats());
    }

    /** The end of a game: each seat's place in the game's standings (the rules exist once, in Game). */
    private Messages.GameOver gameOver() {
        Messages.GameOver g = new Messages.GameOver();
        int n = seats.length;
        g.game = gameNo;
        g.seats = new String[n];
        g.players = new String[n];
        g.jobs = new int[n];
        g.jobsMet = new int[n];
        g.alive = new int[n];
        g.charged = new int[n];
        g.ranks = new int[n];
        Map<String, Standing> byOwner = new java.util.HashMap<>();
        for (Standing st : game.standings()) {
            byOwner.put(st.player(), st);
        }
        for (int i = 0; i < n; i++) {
            g.seats[i] = seats[i].owner;
            g.players[i] = seats[i].player;
            Standing st = byOwner.get(seats[i].owner);
            if (st != null) {
                g.jobs[i] = st.jobs();
                g.jobsMet[i] = st.jobsMet();
                g.alive[i] = st.alive();
                g.charged[i] = st.charged();
                g.ranks[i] = st.rank();
            }
        }
        g.digest = digest;
        return g;
    }

    private void broadcast(Object message) {
        for (Seat s : seats) {
            if (s.connection != null) {
                outbox.send(s.connection, message);
            }
        }
        for (Peer c : spectators.values()) {
            outbox.send(c, message);
        }
    }

    private void appendJournal(String lines) {
        try {
            appendJournalOrThrow(lines);
        } catch (IOException e) {
            log("journal: " + e.getMessage());
        }
    }

    private void appendJournalOrThrow(String lines) throws IOException {
        if (journal != null) {
            journal.append(lines);
        }
    }

    private int countOpenSeats() {
        int n = 0;
        for (Seat s : seats) {
            if (s.forHumans && !s.taken()) {
                n++;
            }
        }
        return n;
    }

    private void publish() {
        int players = 0;
        for (Seat s : seats) {
            if (s.forHumans && s.taken()) {
                players++;
            }
        }
        status = new RoomStatus(code, level.level().id(), gameNo, players, Math.min(config.players(), seats.length),
                spectators.size(), started, over, moves.size(), digest);
    }

    /** How the current game ended, or null while it goes on; read on the room thread. */
    Messages.GameOver overNow() {
        return over ? gameOver() : null;
    }

    /** The accepted moves of the current game, read on the room thread. */
    List<String> movesNow() {
        return List.copyOf(moves);
    }

    void shutdown() {
        stopThread();
        if (journal != null) {
            journal.closeQuietly();
        }
    }
}
