package org.cowarena.server;

import com.esotericsoftware.kryonet.Connection;
import com.esotericsoftware.kryonet.FrameworkMessage;
import com.esotericsoftware.kryonet.Listener;
import com.esotericsoftware.kryonet.Server;
import com.esotericsoftware.minlog.Log;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cowarena.level.LevelException;
import org.cowarena.move.MoveSyntaxException;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Names;
import org.cowarena.protocol.Protocol;

/**
 * The transport in front of one {@link Host} (rooms, a race or a tournament): a Kryonet
 * server once {@link #start started}, and in-process connections ({@link #attach}) with or
 * without it. Both kinds are {@link Peer}s to the hosts. The listener runs on the connection's
 * thread (Kryonet's network thread, or an in-process client's) and never touches a game: it
 * keeps the table of connections, rate-limits, checks each Hello (protocol version, name),
 * and routes messages to the room or race the connection joined, which posts them to its
 * own thread. A server that is never started opens no socket at all.
 */
public final class GameServer implements Closeable, Transport {
    /** Messages a connection may send per second, and at once; a connection that keeps flooding is closed. */
    static final double RATE_PER_SECOND = 40;
    static final double RATE_BURST = 80;
    static final int FLOOD_DROPS = 200;
    /** How often the member table is checked against the live connections and the Hello deadline. */
    static final long RECONCILE_MILLIS = 1000;
    /**
     * A connection must say Hello within this long: one that trickles a byte now and then
     * keeps Kryonet's idle timeout from firing, but not this deadline.
     */
    static final long HELLO_MILLIS = 5000;
    /**
     * Connections from one address that may wait for their Hello longer than
     * {@link #STALE_MILLIS}: a host that opens connections and never joins with them keeps
     * this many slots at most, while every student's laptop (each its own address) still
     * gets in. A client says Hello as soon as it connects, so a teacher's machine starting
     * sixty bots at once is never held to it.
     */
    static final int WAITING_PER_ADDRESS = 8;
    static final long STALE_MILLIS = 1000;
    /**
     * An address that kept connections waiting (over the cap, or past the Hello deadline) is
     * held to the cap from its next connection on, for this long.
     */
    static final long PENALTY_MILLIS = 60_000;
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final ServeConfig config;
    /** The Kryonet server, once started; null for a server that serves in-process connections only. */
    private Server server;
    private final Map<Integer, Member> members = new ConcurrentHashMap<>();
    /** In-process connections are numbered from -1 down, Kryonet's from 1 up: the ids never meet. */
    private final java.util.concurrent.atomic.AtomicInteger localIds = new java.util.concurrent.atomic.AtomicInteger();
    /** Held by the listener: connections on several threads are heard one at a time, as on Kryonet's one thread. */
    private final Object listening = new Object();
    private final java.util.concurrent.atomic.AtomicBoolean reconciling = new java.util.concurrent.atomic.AtomicBoolean();
    private final PeerListener listener = new PeerListener() {
        @Override
        public void connected(Peer peer) {
            synchronized (listening) {
                onConnected(peer);
            }
        }

        @Override
        public void received(Peer peer, Object message) {
            synchronized (listening) {
                onReceived(peer, message);
            }
        }

        @Override
        public void disconnected(Peer peer) {
            synchronized (listening) {
                forget(peer.id());
            }
        }
    };
    /** Addresses that kept connections waiting for their Hello, and since when (System.nanoTime). */
    private final Map<InetAddress, Long> penalized = new ConcurrentHashMap<>();
    /** What this server hosts; set by the factory that made it, before it starts. */
    private Host host;
    private DiscoveryResponder discovery;
    private final java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    /** Closes refused connections a moment after their refusal, so the reason reaches them first. */
    private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "closer");
        t.setDaemon(true);
        return t;
    });

    private static final class Member {
        final Peer peer;
        /** Where the connection comes from; null in process, or when it closed before it could be read. */
        final InetAddress address;
        final long connectedNanos = System.nanoTime();
        final RateLimit rate;
        /** Where the connection's messages go once it joined; null until then. */
        volatile Joined joined;
        volatile boolean joining;
        volatile boolean closing;

        Member(Peer peer) {
            this.peer = peer;
            this.address = peer.address();
            this.rate = new RateLimit(RATE_PER_SECOND, RATE_BURST, System.nanoTime());
        }
    }

    private GameServer(ServeConfig config) {
        Log.set(Log.LEVEL_NONE); // minlog prints to stdout by default
        this.config = config;
    }

    /** A server with fresh rooms. */
    public static GameServer create(ServeConfig config) throws IOException {
        if (config.levels().isEmpty()) {
            throw new IllegalArgumentException("a server needs at least one level");
        }
        GameServer server = new GameServer(config);
        RoomsHost rooms = new RoomsHost(server);
        server.host = rooms;
        Set<String> used = new HashSet<>();
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < config.rooms(); i++) {
            String code = i < config.codes().size() ? config.codes().get(i).toUpperCase(java.util.Locale.ROOT)
                    : randomCode(random, used);
            used.add(code);
            Room room = new Room(code, i, config, rooms);
            room.open(1);
            rooms.add(room);
        }
        return server;
    }

    /** A server whose rooms are rebuilt from the journals in {@code dir}; it goes on journaling there. */
    public static GameServer resume(ServeConfig config, Path dir) throws IOException, LevelException {
        if (holdsTournament(dir)) {
            throw new IOException(dir + " holds a tournament: resume it as one (resumeTournament)");
        }
        OwnerOnly.tighten(dir);
        List<JournalReplay> games = JournalReplay.latestGames(dir);
        if (games.isEmpty()) {
            throw new IOException(dir + ": no journal to resume from");
        }
        ServeConfig journaled = config.withJournal(java.util.Optional.of(dir));
        if (journaled.levels().isEmpty()) {
            List<LevelText> levels = new ArrayList<>();
            for (JournalReplay g : games) {
                levels.add(g.level());
            }
            journaled = journaled.withLevels(levels);
        }
        GameServer server = new GameServer(journaled);
        RoomsHost rooms = new RoomsHost(server);
        server.host = rooms;
        for (int i = 0; i < games.size(); i++) {
            Room room = new Room(games.get(i).room(), i, journaled, rooms);
            try {
                room.resume(games.get(i));
            } catch (MoveSyntaxException e) {
                rooms.shutdown();
                throw new IOException(games.get(i).file() + ":" + e.line() + ": " + e.reason(), e);
            }
            rooms.add(room);
        }
        return server;
    }

    /** A server hosting one race room (every player on a game of their own, the same levels). */
    public static GameServer createRace(ServeConfig config, RaceConfig raceConfig) throws IOException {
        GameServer server = new GameServer(config);
        server.host = RaceRoom.create(config, raceConfig, server);
        return server;
    }

    /** A server whose race is rebuilt from the race journal in {@code dir}; it goes on journaling there. */
    public static GameServer resumeRace(ServeConfig config, Path dir) throws IOException, LevelException {
        OwnerOnly.tighten(dir);
        org.cowarena.race.RaceReplay replay = org.cowarena.race.RaceReplay.read(dir);
        ServeConfig journaled = config.withJournal(java.util.Optional.of(dir));
        GameServer server = new GameServer(journaled);
        server.host = RaceRoom.resume(journaled, replay, server);
        return server;
    }

    /**
     * A server hosting a round-robin tournament on {@code config.levels()} among
     * {@code config.players()} entrants; {@code log} hears its progress and the final table.
     */
    public static GameServer createTournament(ServeConfig config, java.util.function.Consumer<String> log)
            throws IOException {
        return createTournament(config, log, 0);
    }

    /** The same, with a break of {@code breakMillis} between a round's table and the next round. */
    public static GameServer createTournament(ServeConfig config, java.util.function.Consumer<String> log,
                                              long breakMillis) throws IOException {
        GameServer server = new GameServer(config);
        Tournament tournament = new Tournament(config, server, log, breakMillis);
        server.host = tournament;
        try {
            tournament.prepareJournal();
        } catch (IOException e) {
            tournament.shutdown();
            throw e;
        }
        return server;
    }

    /** Whether {@code dir} holds a tournament's files (its draw, or its schedule). */
    public static boolean holdsTournament(Path dir) {
        return TournamentDraw.present(dir) || java.nio.file.Files.exists(dir.resolve(Tournament.SCHEDULE_FILE));
    }

    /**
     * A server whose tournament is rebuilt from {@code dir} (its draw and its match rooms'
     * journals) and goes on there, with the levels, players, seed, bots and move limit of
     * the draw; {@code config} gives the rest (ports, timers). A directory that cannot be
     * resumed is refused with an {@link IOException} whose message says why, in one line.
     */
    public static GameServer resumeTournament(ServeConfig config, Path dir, java.util.function.Consumer<String> log)
            throws IOException {
        return resumeTournament(config, dir, log, 0);
    }

    /** The same, with a break of {@code breakMillis} between a round's table and the next round. */
    public static GameServer resumeTournament(ServeConfig config, Path dir, java.util.function.Consumer<String> log,
                                              long breakMillis) throws IOException {
        OwnerOnly.tighten(dir);
        TournamentJournals journals = TournamentJournals.read(dir);
        ServeConfig drawn = journals.draw().applyTo(config.withJournal(java.util.Optional.of(dir)));
        GameServer server = new GameServer(drawn);
        Tournament tournament = new Tournament(drawn, server, log, breakMillis);
        server.host = tournament;
        try {
            tournament.resume(journals);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Completes with the table after a tournament's last round; null without a tournament. */
    public java.util.concurrent.CompletableFuture<org.cowarena.tournament.Standings> tournamentFinished() {
        return host instanceof Tournament t ? t.finished() : null;
    }

    /** The token whose commands the race obeys (start, pause, stop, hint, kick, next); null without a race. */
    public String teacherToken() {
        return host instanceof RaceRoom race ? race.teacherToken() : null;
    }

    /** The race's state (waiting, running, paused, stopped), read on its thread. */
    public String raceState() throws Exception {
        RaceRoom race = (RaceRoom) host;
        return race.call(race::stateNow);
    }

    private static String randomCode(SecureRandom random, Set<String> used) {
        while (true) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
            }
            if (!used.contains(code.toString())) {
                return code.toString();
            }
        }
    }

    /** Binds the ports (every interface) and starts serving. */
    public void start() throws IOException {
        start(null);
    }

    /**
     * Binds the game port to {@code address} (every interface when null) and starts
     * serving. A solo game's embedded server binds the loopback address: nobody else on
     * the network can join it.
     */
    public void start(InetAddress address) throws IOException {
        if (closed.get()) {
            throw new IllegalStateException("the server is closed");
        }
        server = new Server(Protocol.SERVER_WRITE_BUFFER, Protocol.SERVER_OBJECT_BUFFER);
        Protocol.register(server.getKryo());
        server.addListener(new Listener() {
            @Override
            public void connected(Connection c) {
                listener.connected(new KryonetPeer(c)); // the one peer of this connection: the hosts compare by identity
            }

            @Override
            public void received(Connection c, Object message) {
                Member m = members.get(c.getID());
                if (m != null) {
                    listener.received(m.peer, message);
                }
            }

            @Override
            public void disconnected(Connection c) {
                synchronized (listening) {
                    forget(c.getID());
                }
            }
        });
        if (address == null) {
            server.bind(config.port());
        } else {
            server.bind(new InetSocketAddress(address, config.port()), null);
        }
        if (config.discoveryPort() > 0) {
            try {
                discovery = new DiscoveryResponder(config.discoveryPort(), this::discoveryReply);
            } catch (IOException e) {
                server.stop();
                throw e;
            }
            discovery.start();
        }
        server.start();
        startReconciling();
    }

    private void startReconciling() {
        if (reconciling.compareAndSet(false, true)) {
            closer.scheduleWithFixedDelay(this::reconcile, RECONCILE_MILLIS, RECONCILE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A new in-process connection to this server: the client's end of it. The server serves
     * it as it serves a network client (say Hello first; the rooms, race or tournament this
     * server hosts; refusals with a reason), whether or not the server was {@link #start
     * started}: a server only attached to opens no socket and needs no network interface
     * (solo play, an SSH front end). Throws IllegalStateException once the server is closed.
     */
    public LocalLink attach() {
        if (closed.get()) {
            throw new IllegalStateException("the server is closed");
        }
        startReconciling();
        LocalLink link = new LocalLink(localIds.decrementAndGet(), listener);
        listener.connected(link.peer());
        return link;
    }

    public List<RoomStatus> rooms() {
        return host.rooms();
    }

    /** The accepted moves of a room's current game (tests check journals and replicas against it). */
    public List<String> moves(String code) throws Exception {
        Room room = host.room(code).orElseThrow(() -> new IllegalArgumentException("no room " + code));
        return room.call(room::movesNow);
    }

    /**
     * Takes back the last move a player made in room {@code code} (and bots' moves after it):
     * the room goes back to the game's state before that move, which it kept, and sends every
     * client in it a snapshot. Allowed in a room of one player's seat with no journal (solo
     * play); the protocol has no message for it, so only the server's owner in this process can
     * ask. Returns why not (no move yet, another kind of room), or null once done.
     */
    public String undo(String code) {
        return onRoom(code, Room::undo);
    }

    /** Takes room {@code code}'s game back to its start, as {@link #undo} does one move. */
    public String restart(String code) {
        return onRoom(code, Room::restart);
    }

    private String onRoom(String code, java.util.function.Function<Room, String> action) {
        Room room = host.room(code).orElse(null);
        if (room == null) {
            return "no room " + code + " on this server";
        }
        try {
            return room.call(() -> action.apply(room));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return "room " + code + " did not answer: " + e;
        }
    }

    /** What LAN discovery answers: the server, and each room with its level and player counts. */
    Messages.DiscoveryReply discoveryReply() {
        List<RoomStatus> list = rooms();
        int n = Math.min(list.size(), 100);
        Messages.DiscoveryReply r = new Messages.DiscoveryReply();
        r.version = Protocol.VERSION;
        r.server = config.name();
        r.port = config.port();
        r.rooms = new String[n];
        r.levels = new String[n];
        r.players = new int[n];
        r.seats = new int[n];
        r.spectators = new int[n];
        for (int i = 0; i < n; i++) {
            RoomStatus s = list.get(i);
            r.rooms[i] = s.code();
            r.levels[i] = s.level();
            r.players[i] = s.players();
            r.seats[i] = s.humanSeats();
            r.spectators[i] = s.spectators();
        }
        return r;
    }

    /** Connections open now. */
    public int connections() {
        return members.size();
    }

    /** Connections accepted since the start. */
    public long connectionsAccepted() {
        return accepted.get();
    }

    private void onConnected(Peer c) {
        accepted.incrementAndGet();
        Member m = new Member(c);
        members.put(c.id(), m);
        if (!c.connected()) {
            // Kryonet's accept sends its registration before it reports the connect: when that
            // send hits a reset socket, it closes the connection and reports the disconnect
            // first. That disconnect found no member; this connect must not add one.
            forget(c.id());
            return;
        }
        if (members.size() > config.maxClients()) {
            refuse(c, "the server is full (" + config.maxClients() + " connections): try again later");
        } else if (m.address != null && penalized.containsKey(m.address)
                && waitingFrom(m.address, 0) > WAITING_PER_ADDRESS) {
            refuse(c, "too many connections from " + m.address.getHostAddress()
                    + " have not joined yet: join from the ones open, or try again in a few seconds");
        }
    }

    /** Connections from {@code address} that have not said Hello for at least {@code millis}. */
    private int waitingFrom(InetAddress address, long millis) {
        return waiting(address, millis, System.nanoTime()).size();
    }

    private List<Member> waiting(InetAddress address, long millis, long now) {
        List<Member> list = new ArrayList<>();
        for (Member m : members.values()) {
            if (!m.joining && !m.closing && address.equals(m.address)
                    && now - m.connectedNanos >= TimeUnit.MILLISECONDS.toNanos(millis)) {
                list.add(m);
            }
        }
        return list;
    }

    /** Drops a connection's membership, and its seat's connection in its room, race or tournament. */
    private void forget(int id) {
        Member m = members.remove(id);
        if (m == null) {
            return;
        }
        Joined joined = m.joined;
        if (joined != null) {
            joined.left(id);
        }
        host.left(id);
    }

    /**
     * Reconciles the member table with the live connections: a member whose connection is
     * closed is forgotten, whatever order Kryonet reported it in; one that has not said Hello
     * by {@link #HELLO_MILLIS} is refused, and so are an address's waiting connections past
     * {@link #WAITING_PER_ADDRESS} (those waiting longer than {@link #STALE_MILLIS}); either
     * way the address is held to the cap from then on. Runs every {@link #RECONCILE_MILLIS},
     * so no lost notification and no trickling connection can keep a member, its
     * connection's buffers and its slot for good.
     */
    private void reconcile() {
        long now = System.nanoTime();
        Set<InetAddress> waitingAddresses = new HashSet<>();
        for (Member m : members.values()) {
            if (!m.peer.connected()) {
                synchronized (listening) {
                    forget(m.peer.id());
                }
            } else if (!m.joining && !m.closing && m.address != null) {
                waitingAddresses.add(m.address);
                if (now - m.connectedNanos > TimeUnit.MILLISECONDS.toNanos(HELLO_MILLIS)) {
                    penalized.put(m.address, now);
                    refuse(m.peer, "no Hello within " + HELLO_MILLIS / 1000 + " s: this is a COW Arena"
                            + " server, protocol " + Protocol.VERSION);
                }
            }
        }
        for (InetAddress address : waitingAddresses) {
            List<Member> stale = waiting(address, STALE_MILLIS, now);
            if (stale.size() > WAITING_PER_ADDRESS) {
                penalized.put(address, now);
                stale.sort(java.util.Comparator.comparingLong(m -> m.connectedNanos));
                for (Member m : stale.subList(WAITING_PER_ADDRESS, stale.size())) {
                    refuse(m.peer, "too many connections from " + address.getHostAddress()
                            + " have not joined: join from the ones open");
                }
            }
        }
        penalized.values().removeIf(since -> now - since > TimeUnit.MILLISECONDS.toNanos(PENALTY_MILLIS));
    }

    private void onReceived(Peer c, Object message) {
        Member m = members.get(c.id());
        if (m == null || m.closing) {
            return;
        }
        if (message instanceof FrameworkMessage) {
            return; // keep-alives and pings: Kryonet has answered them already
        }
        if (!m.rate.allow(System.nanoTime())) {
            if (m.rate.dropped() > FLOOD_DROPS) {
                refuse(c, "too many messages: slow down");
            } else if (message instanceof Messages.PlayMove move) {
                Messages.MoveRefused refused = new Messages.MoveRefused();
                refused.seq = move.seq;
                refused.reason = "too many messages: wait a moment and play again";
                send(c, refused);
            }
            return;
        }
        if (message instanceof Messages.TeacherCommand command && host.teacherRefusal() != null) {
            // Only a race obeys a teacher; another server says so rather than staying silent.
            Messages.TeacherReply reply = new Messages.TeacherReply();
            reply.command = Names.clean(command.command, 12);
            reply.reason = host.teacherRefusal();
            send(c, reply);
            return;
        }
        Joined joined = m.joined;
        if (joined != null) {
            joined.receive(c, message);
        } else if (message instanceof Messages.Hello hello && !m.joining) {
            m.joining = true;
            hello(m, hello);
        } else if (!m.joining) {
            refuse(c, "say hello first: this is a COW Arena server, protocol " + Protocol.VERSION);
        }
    }

    private void hello(Member m, Messages.Hello hello) {
        Peer c = m.peer;
        if (hello.version != Protocol.VERSION) {
            refuse(c, "this server speaks protocol " + Protocol.VERSION + " and the client " + hello.version
                    + ": use a client of the same version as the server");
            return;
        }
        String name = Names.name(hello.name);
        boolean reclaim = hello.token != null && !hello.token.isEmpty();
        String problem = reclaim ? null : Names.problem(name);
        if (problem != null) {
            refuse(c, problem);
            return;
        }
        Joined joined = host.join(c, hello, name);
        if (joined != null && m.joined == null) {
            m.joined = joined; // at once: the messages right behind the Hello go there too
        }
    }

    @Override
    public void member(Peer c, Joined joined) {
        Member m = members.get(c.id());
        if (m != null) {
            m.joined = joined;
        }
    }

    @Override
    public void send(Peer c, Object message) {
        if (c.connected() && !c.offer(message)) {
            close(c); // a slow reader, a message over the limit, a broken connection: dropped, never waited for
        }
    }

    @Override
    public void refuse(Peer c, String reason) {
        Member m = members.get(c.id());
        if (m != null) {
            m.closing = true;
        }
        send(c, new Messages.Refusal(reason));
        try {
            closer.schedule(c::close, 200, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            c.close();
        }
    }

    @Override
    public void close(Peer c) {
        c.close();
    }

    private void stopNetwork() {
        Thread network = server.getUpdateThread();
        server.stop();
        if (network != null && network != Thread.currentThread()) {
            try {
                network.join(5000); // closing the selector under a running select() throws in that thread
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            server.dispose();
        } catch (IOException e) {
            // the selector is closing anyway
        }
    }

    /** Stops serving and every room; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (discovery != null) {
            discovery.close();
        }
        if (server != null) {
            stopNetwork();
        }
        for (Member m : new ArrayList<>(members.values())) {
            m.peer.close(); // in-process clients read CLOSED, as network clients see their socket close
        }
        host.shutdown();
        closer.shutdownNow();
    }
}
