package org.cowarena.client;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.cowarena.level.LevelException;
import org.cowarena.move.MoveSyntaxException;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Names;
import org.cowarena.protocol.Protocol;

/**
 * A client's side of a host: joins (or reclaims a seat with its token), and takes in what the
 * host sends through one {@link Handlers} registry: the room's game into a {@link ClientRoom}
 * (checking the digest after each move and asking for a snapshot when it differs), a race
 * into {@link RaceProgress}, a tournament into {@link TournamentProgress}. A front end (the
 * bot, the terminal board) reads those models, registers its own handlers after theirs, and
 * sends moves through {@link #play}.
 */
public final class Session implements Closeable {
    /** Opens a link to the host: Kryonet to a server, or queues to a host in this process. */
    @FunctionalInterface
    public interface Connector {
        Link open(int timeoutMillis) throws IOException;
    }

    private final Connector connector;
    /** Where the host is, as seat tokens are kept by it ({@code host:port}). */
    private final String server;
    private final Messages.Hello hello;
    private Link link;
    private final Handlers handlers = new Handlers();
    private final ClientRoom room;
    private final RaceProgress race;
    private final TournamentProgress tournament = new TournamentProgress();
    private Messages.Welcome welcome;
    private String refusal;
    /** The server's refusal, with its reason's code, or null (a refusal of this side's own has none). */
    private Messages.Refusal refusalMessage;
    private boolean closed;
    private boolean awaitingSnapshot;
    private int resyncs;
    private int snapshots;
    private int seq;
    private final List<Messages.MoveDelta> deltas = new ArrayList<>();
    private final List<Messages.MoveRefused> refusals = new ArrayList<>();
    /** Where seat tokens are kept between runs, if anywhere; the token a join took from there. */
    private SeatTokens seatTokens;
    private String keptToken;

    /** A session with a server over the network. */
    public Session(String host, int port, Messages.Hello hello) {
        this(kryonet(host, port), host + ":" + port, hello, System::nanoTime);
    }

    /** Opens a Kryonet connection to {@code host:port}, a new one on each call. */
    public static Connector kryonet(String host, int port) {
        return timeout -> {
            ServerLink l = new ServerLink();
            try {
                l.connect(host, port, timeout);
            } catch (IOException | RuntimeException e) {
                l.close();
                throw e;
            }
            return l;
        };
    }

    /**
     * A session over any link: {@code server} names the host for the seat tokens kept between
     * runs; {@code nanos} is the clock of the turn and race timers.
     */
    public Session(Connector connector, String server, Messages.Hello hello, LongSupplier nanos) {
        this.connector = connector;
        this.server = server;
        this.hello = hello;
        this.room = new ClientRoom(nanos);
        this.race = new RaceProgress(room, nanos);
        handlers.on(Link.Closed.class, c -> closed = true);
        handlers.on(Messages.Welcome.class, this::welcome);
        handlers.on(Messages.Refusal.class, this::refused);
        handlers.on(Messages.Snapshot.class, this::snapshot);
        handlers.on(Messages.MoveDelta.class, this::delta);
        handlers.on(Messages.Seats.class, room::seats);
        handlers.on(Messages.GameOver.class, room::over);
        handlers.on(Messages.MoveRefused.class, refusals::add);
        tournament.register(handlers);
        race.register(handlers);
    }

    /**
     * Keeps the seat tokens this session is given in {@code tokens}, and joins with the one
     * kept for its name on this server when it has none of its own: a client started again
     * after it died takes its seat back.
     */
    public Session keepSeatsIn(SeatTokens tokens) {
        this.seatTokens = tokens;
        return this;
    }

    /** Connects and says hello; with a token from an earlier welcome, reclaims that seat. */
    public void connect(int timeoutMillis) throws IOException {
        if (link != null) {
            link.close();
            link = null;
        }
        closed = true; // until the connection is up: a failed connect puts nothing on the link's queue
        link = connector.open(timeoutMillis);
        closed = false;
        String token = welcome != null && welcome.token != null ? welcome.token : hello.token;
        if (token == null && welcome == null && seatTokens != null && !hello.spectate) {
            keptToken = seatTokens.find(server, hello.room, Names.name(hello.name)).orElse(null);
            token = keptToken;
        }
        Messages.Hello h = new Messages.Hello(hello.name, welcome != null ? welcome.room : hello.room, token,
                hello.spectate);
        h.version = hello.version;
        link.send(h);
    }

    /** Handles the next message, if one comes within the timeout, and returns it (null otherwise). */
    public Object next(long timeoutMillis) throws InterruptedException {
        Object m = link == null ? null : link.poll(timeoutMillis);
        if (m != null) {
            handlers.handle(m);
        }
        return m;
    }

    /** Where a front end adds its own handlers: they run after the models'. */
    public Handlers handlers() {
        return handlers;
    }

    private void welcome(Messages.Welcome w) {
        if (welcome != null && !java.util.Objects.equals(welcome.room, w.room)) {
            // seated in another room (a tournament's next match): the last room's resync is not this one's
            awaitingSnapshot = false;
        }
        room.enter(w.room);
        welcome = w;
        keep(w);
    }

    private void refused(Messages.Refusal r) {
        if (keptToken != null && welcome == null) {
            forgetKept();
            if (r.reason.contains("token is not known")) {
                try {
                    connect(5000); // the server no longer knows that seat: join as anyone would
                    return;
                } catch (IOException e) {
                    // no second try: the refusal stands
                }
            }
        }
        refusal = r.reason;
        refusalMessage = r;
    }

    private void keep(Messages.Welcome w) {
        if (seatTokens == null || w.token == null || w.seat < 0) {
            return;
        }
        try {
            seatTokens.keep(new SeatTokens.Seat(server, w.room, w.name, w.token));
        } catch (IOException e) {
            // not kept: this run plays on, a restart joins as a new player
        }
    }

    private void forgetKept() {
        try {
            seatTokens.forget(server, Names.name(hello.name), keptToken);
        } catch (IOException e) {
            // a stale token stays: the next start forgets it again
        }
        keptToken = null;
    }

    private void snapshot(Messages.Snapshot s) {
        if (welcome != null && s.room != null && !s.room.equals(welcome.room)) {
            return; // a late answer from a room left behind is not this room's game
        }
        snapshots++;
        awaitingSnapshot = false;
        try {
            if (!room.load(s)) {
                refusal = "the game rebuilt from the server's snapshot differs from the server's: "
                        + "is the client of another version?";
            }
        } catch (LevelException | MoveSyntaxException e) {
            refusal = "cannot rebuild the game sent by the server: " + e.getMessage();
        }
    }

    private void delta(Messages.MoveDelta d) {
        deltas.add(d);
        if (!awaitingSnapshot && !room.apply(d)) {
            resyncs++;
            awaitingSnapshot = true;
            link.send(new Messages.SnapshotRequest());
        }
    }

    /**
     * Sends a move in the move notation; returns its sequence number. Text past the
     * protocol's limit is cut here: the server refuses such a move anyway, and a message
     * larger than the client's write buffer would break the connection.
     */
    public int play(String move) {
        String text = move.length() > Protocol.MAX_MOVE_LENGTH + 1 ? move.substring(0, Protocol.MAX_MOVE_LENGTH + 1)
                : move;
        send(new Messages.PlayMove(++seq, text));
        return seq;
    }

    /** Sends a chat line, cut to the protocol's limit. */
    public void chat(String text) {
        send(new Messages.ChatSend(text.length() > Protocol.MAX_CHAT_LENGTH * 2
                ? text.substring(0, Protocol.MAX_CHAT_LENGTH * 2) : text));
    }

    public void send(Object message) {
        if (link != null) {
            link.send(message);
        }
    }

    /** The game shown: a room's replica, or a race's attempt. */
    public ClientRoom room() {
        return room;
    }

    public RaceProgress race() {
        return race;
    }

    /** The tournament this session is an entrant or spectator of, as far as the server has told it. */
    public TournamentProgress tournament() {
        return tournament;
    }

    /** The name this client joined with (the server may have cleaned it: see {@link #welcome()}). */
    public String name() {
        return welcome != null ? welcome.name : hello.name;
    }

    /** True for a spectator: it makes no move. */
    public boolean spectating() {
        return hello.spectate;
    }

    public Messages.Welcome welcome() {
        return welcome;
    }

    /** The host's result of the room's game, or null while it goes on. */
    public Messages.GameOver gameOver() {
        return room.result();
    }

    /** Why the host refused this client, or why its copy of the game cannot be the host's; null when neither. */
    public String refusal() {
        return refusal;
    }

    /** The server's refusal (its reason's code, arguments and English text), or null. */
    public Messages.Refusal refusalMessage() {
        return refusalMessage;
    }

    public boolean closed() {
        return closed;
    }

    public boolean awaitingSnapshot() {
        return awaitingSnapshot;
    }

    /** Times the replica diverged and was rebuilt from a snapshot. */
    public int resyncs() {
        return resyncs;
    }

    /** Snapshots received: one per join or reconnect, one per resync. */
    public int snapshots() {
        return snapshots;
    }

    /** Every delta received, in order: each is the acknowledgement of a move. */
    public List<Messages.MoveDelta> deltas() {
        return deltas;
    }

    public List<Messages.MoveRefused> refusals() {
        return refusals;
    }

    /** The link now open, or null before the first connect. */
    public Link link() {
        return link;
    }

    @Override
    public void close() {
        if (link != null) {
            link.close();
        }
    }
}
