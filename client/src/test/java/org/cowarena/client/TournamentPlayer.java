package org.cowarena.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.cowarena.bot.Strategies;
import org.cowarena.bot.Strategy;
import org.cowarena.move.Move;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Protocol;
import org.cowarena.server.GameServer;
import org.cowarena.server.ServeConfig;
import org.cowarena.tournament.Standings;

/**
 * A tournament entrant for tests that stop the server: plays its matches with a seeded
 * strategy, one move in flight at most, can stop between moves, and comes back to a
 * (restarted) server with a seat token it holds. Used by one thread at a time.
 */
final class TournamentPlayer {
    final String name;
    private final Strategy strategy;
    private Session session;
    /** Every welcome, in order: the room and the seat token of each match (twice for a reclaim). */
    final List<Messages.Welcome> welcomes = new ArrayList<>();
    /** Each match's room code and its result, as this entrant saw it. */
    final Map<String, Messages.GameOver> results = new TreeMap<>();
    int joined;
    Messages.TournamentStandings standings;
    private int pendingSeq = -1;
    private int pendingIndex = -1;

    /** Greedy for an even seed, random for an odd one, so that matches have winners and losers. */
    TournamentPlayer(String name, long seed) {
        this.name = name;
        this.strategy = Strategies.create(seed % 2 == 0 ? "greedy" : "random", seed);
    }

    private static Messages.Hello hello(String name, String room, String token) {
        Messages.Hello h = new Messages.Hello(name, room, token, false);
        h.version = Protocol.VERSION;
        return h;
    }

    /** Enters the tournament on {@code port} and waits until the server counts {@code n} entrants. */
    void join(int port, int n) throws IOException, InterruptedException {
        connect(port, hello(name, null, null));
        until(() -> joined >= n, 10_000, name + " to be entrant " + n);
    }

    /** Comes back to the server on {@code port} with the seat token of {@code seat}. */
    void comeBack(int port, Messages.Welcome seat) throws IOException {
        connect(port, hello(name, seat.room, seat.token));
    }

    private void connect(int port, Messages.Hello hello) throws IOException {
        if (session != null) {
            session.close();
        }
        session = new Session("127.0.0.1", port, hello);
        pendingSeq = -1;
        session.connect(5000);
    }

    /** The room this entrant sits in now (its last welcome), or null before its first match. */
    String room() {
        return welcomes.isEmpty() ? null : welcomes.get(welcomes.size() - 1).room;
    }

    /** The moves played so far in the current room's game. */
    int moves() {
        return session.room().loaded() ? session.room().index() : 0;
    }

    boolean over() {
        return session.room().loaded() && session.room().over();
    }

    /** Plays until the tournament's final table arrives, or until {@code stop} holds with no move in flight. */
    void playUntil(BooleanSupplier stop, long millis) throws InterruptedException {
        until(() -> standings != null || (pendingSeq < 0 && stop.getAsBoolean()), millis,
                name + " to play on (refusal " + session.refusal() + ", closed " + session.closed() + ")");
    }

    void playToTheEnd(long millis) throws InterruptedException {
        playUntil(() -> false, millis);
    }

    private void until(BooleanSupplier done, long millis, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline || session.refusal() != null) {
                throw new AssertionError("timed out waiting for " + what);
            }
            pump();
        }
    }

    private void pump() throws InterruptedException {
        Object m = session.next(20);
        if (m instanceof Messages.TournamentRound r) {
            joined = Math.max(joined, r.joined);
        } else if (m instanceof Messages.Welcome w) {
            welcomes.add(w);
            pendingSeq = -1;
        } else if (m instanceof Messages.GameOver g) {
            results.put(session.welcome().room, g);
        } else if (m instanceof Messages.TournamentStandings s && s.finished) {
            standings = s;
        } else if (m instanceof Messages.MoveDelta d && d.index >= pendingIndex) {
            pendingSeq = -1;
        } else if (m instanceof Messages.MoveRefused r && r.seq == pendingSeq) {
            pendingSeq = session.play(new Move.Pass().notation());
        }
        if (pendingSeq < 0 && session.room().loaded() && session.room().myTurn() && !session.awaitingSnapshot()) {
            Move move = strategy.choose(session.room().game(), session.room().seat(session.room().you()));
            pendingIndex = session.room().index() + 1;
            pendingSeq = session.play(move.notation());
        }
    }

    void close() {
        if (session != null) {
            session.close();
        }
    }

    /** {@code n} entrants p0, p1, ... with strategies seeded 100, 101, ... */
    static List<TournamentPlayer> entrants(int n) {
        List<TournamentPlayer> players = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            players.add(new TournamentPlayer("p" + i, 100 + i));
        }
        return players;
    }

    /** Joins one after another (the join order is part of the draw). */
    static void joinAll(List<TournamentPlayer> players, int port) throws IOException, InterruptedException {
        for (int i = 0; i < players.size(); i++) {
            players.get(i).join(port, i + 1);
        }
    }

    /** Each entrant plays on a thread of its own until {@code stop} holds for it or the tournament ends. */
    static void playAll(List<TournamentPlayer> players, Predicate<TournamentPlayer> stop) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(players.size());
        try {
            List<Callable<Void>> plays = new ArrayList<>();
            for (TournamentPlayer p : players) {
                plays.add(() -> {
                    p.playUntil(() -> stop.test(p), 30_000);
                    return null;
                });
            }
            for (Future<Void> play : pool.invokeAll(plays)) {
                play.get(); // an entrant's failure fails the test
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** In round 2 or later, with two moves played in the entrant's match (or the match over). */
    static boolean midRoundTwo(TournamentPlayer p) {
        String room = p.room();
        return room != null && !room.startsWith("R1") && (p.moves() >= 2 || p.over());
    }

    /**
     * The tournament of {@code players.size()} entrants of {@link #entrants} played without a
     * stop on an in-process server with {@code config} (its port free): the reference a
     * stopped and resumed one is held to.
     */
    static Standings uninterrupted(ServeConfig config, Consumer<String> log) throws Exception {
        GameServer server = GameServer.createTournament(config, log);
        List<TournamentPlayer> players = entrants(config.players());
        try {
            server.start();
            joinAll(players, config.port());
            playAll(players, p -> false);
            return server.tournamentFinished().get(5, TimeUnit.SECONDS);
        } finally {
            players.forEach(TournamentPlayer::close);
            server.close();
        }
    }
}
