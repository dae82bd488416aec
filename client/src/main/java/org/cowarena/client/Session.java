package org.cowarena.client;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cowarena.level.LevelException;
import org.cowarena.move.MoveSyntaxException;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Names;
import org.cowarena.protocol.Protocol;
import org.cowarena.protocol.Replica;

/**
 * A client's side of a room: joins (or reclaims a seat with its token), keeps a replica of
 * the game from the snapshot and the deltas, checks the digest after each move and asks
 * for a snapshot when it differs. Any front end (the bot, the terminal board) reads
 * {@link #replica()} and sends moves through {@link #play}.
 */
public final class Session implements Closeable {
    private final String host;
    private final int port;
    private final Messages.Hello hello;
    private ServerLink link;
    private final Replica replica = new Replica();
    private final TournamentProgress tournament = new TournamentProgress();
    private Messages.Welcome welcome;
    private Messages.GameOver gameOver;
    private String refusal;
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

    public Session(String host, int port, Messages.Hello hello) {
        this.host = host;
        this.port = port;
        this.hello = hello;
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
        }
        link = new ServerLink();
        closed = true; // until the connection is up: a failed connect puts nothing on the link's queue
        link.connect(host, port, timeoutMillis);
        closed = false;
        String token = welcome != null && welcome.token != null ? welcome.token : hello.token;
        if (token == null && welcome == null && seatTokens != null && !hello.spectate) {
            keptToken = seatTokens.find(server(), hello.room, Names.name(hello.name)).orElse(null);
            token = keptToken;
        }
        Messages.Hello h = new Messages.Hello(hello.name, welcome != null ? welcome.room : hello.room, token,
                hello.spectate);
        h.version = hello.version;
        link.send(h);
    }

    /** Handles the next message, if one comes within the timeout, and returns it (null otherwise). */
    public Object next(long timeoutMillis) throws InterruptedException {
        Object m = link.poll(timeoutMillis);
        if (m == null) {
            return null;
        }
        if (m == ServerLink.CLOSED) {
            closed = true;
        } else if (m instanceof Messages.Welcome w) {
            if (welcome != null && !Objects.equals(welcome.room, w.room)) {
                // seated in another room (a tournament's next match): the last room's end and resync are not this one's
                gameOver = null;
                awaitingSnapshot = false;
            }
            welcome = w;
            keep(w);
        } else if (m instanceof Messages.Refusal r) {
            if (keptToken != null && welcome == null) {
                forgetKept();
                if (r.reason.contains("token is not known")) {
                    try {
                        connect(5000); // the server no longer knows that seat: join as anyone would
                        return m;
                    } catch (IOException e) {
                        refusal = r.reason;
                        return m;
                    }
                }
            }
            refusal = r.reason;
        } else if (m instanceof Messages.Snapshot s) {
            if (welcome == null || s.room == null || s.room.equals(welcome.room)) {
                load(s); // a late answer from a room left behind is not this room's game
            }
        } else if (m instanceof Messages.MoveDelta d) {
            deltas.add(d);
            if (!awaitingSnapshot && !replica.apply(d)) {
                resync();
            }
        } else if (m instanceof Messages.Seats s) {
            replica.markStarted(s.started);
        } else if (m instanceof Messages.GameOver g) {
            gameOver = g;
            replica.markOver();
        } else if (m instanceof Messages.MoveRefused r) {
            refusals.add(r);
        } else {
            tournament.handle(m);
        }
        return m;
    }

    private String server() {
        return host + ":" + port;
    }

    private void keep(Messages.Welcome w) {
        if (seatTokens == null || w.token == null || w.seat < 0) {
            return;
        }
        try {
            seatTokens.keep(new SeatTokens.Seat(server(), w.room, w.name, w.token));
        } catch (IOException e) {
            // not kept: this run plays on, a restart joins as a new player
        }
    }

    private void forgetKept() {
        try {
            seatTokens.forget(server(), Names.name(hello.name), keptToken);
        } catch (IOException e) {
            // a stale token stays: the next start forgets it again
        }
        keptToken = null;
    }

    private void load(Messages.Snapshot s) {
        snapshots++;
        awaitingSnapshot = false;
        gameOver = s.over ? gameOver : null;
        try {
            if (!replica.load(s)) {
                refusal = "the game rebuilt from the server's snapshot differs from the server's: "
                        + "is the client of another version?";
            }
        } catch (LevelException | MoveSyntaxException e) {
            refusal = "cannot rebuild the game sent by the server: " + e.getMessage();
        }
    }

    private void resync() {
        resyncs++;
        awaitingSnapshot = true;
        link.send(new Messages.SnapshotRequest());
    }

    /**
     * Sends a move in the move notation; returns its sequence number. Text past the
     * protocol's limit is cut here: the server refuses such a move anyway, and a message
     * larger than the client's write buffer would break the connection.
     */
    public int play(String move) {
        String text = move.length() > Protocol.MAX_MOVE_LENGTH + 1 ? move.substring(0, Protocol.MAX_MOVE_LENGTH + 1)
                : move;
        link.send(new Messages.PlayMove(++seq, text));
        return seq;
    }

    /** Sends a chat line, cut to the protocol's limit. */
    public void chat(String text) {
        link.send(new Messages.ChatSend(text.length() > Protocol.MAX_CHAT_LENGTH * 2
                ? text.substring(0, Protocol.MAX_CHAT_LENGTH * 2) : text));
    }

    public void send(Object message) {
        link.send(message);
    }

    public Replica replica() {
        return replica;
    }

    /** The name this client joined with (the server may have cleaned it: see {@link #welcome()}). */
    public String name() {
        return welcome != null ? welcome.name : hello.name;
    }

    /** True for a spectator: it makes no move. */
    public boolean spectating() {
        return hello.spectate;
    }

    /** The tournament this session is an entrant or spectator of, as far as the server has told it. */
    public TournamentProgress tournament() {
        return tournament;
    }

    public Messages.Welcome welcome() {
        return welcome;
    }

    public Messages.GameOver gameOver() {
        return gameOver;
    }

    public String refusal() {
        return refusal;
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

    public ServerLink link() {
        return link;
    }

    @Override
    public void close() {
        if (link != null) {
            link.close();
        }
    }
}
