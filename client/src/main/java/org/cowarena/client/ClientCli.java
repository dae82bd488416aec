package org.cowarena.client;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.cowarena.bot.Strategies;
import org.cowarena.bot.Strategy;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Names;
import org.cowarena.protocol.Protocol;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cowarena}: the client. Each mode is one method: {@code --bot} plays headless,
 * {@code --discover} lists the servers on the LAN; without either, the terminal board
 * (solo campaign, {@code --level}, {@code --connect}, {@code --replay}).
 */
@Command(name = "cowarena", mixinStandardHelpOptions = true, versionProvider = org.cowarena.cli.Version.class,
        description = "COW Arena client: join a server's room, as a player or a spectator, or play it with a bot.")
public final class ClientCli implements Callable<Integer> {
    static final int USAGE = 2;
    /** Where {@code --teacher} without a value finds the token: not on the command line, not in ps. */
    public static final String TEACHER_TOKEN_VARIABLE = "COWARENA_TEACHER_TOKEN";

    @Option(names = "--connect", paramLabel = "HOST[:PORT]", description = "the server to join")
    private String connect;

    @Option(names = "--name", paramLabel = "NAME", description = "your name in the room")
    private String name;

    @Option(names = "--bot", paramLabel = "STRATEGY", description = "play headless with a bot: random, greedy or lookahead")
    private String bot;

    @Option(names = "--room", paramLabel = "CODE", description = "the room's join code (default: the first open room)")
    private String room;

    @Option(names = "--spectate", arity = "0..1", paramLabel = "ROOM", fallbackValue = "",
            description = "watch, making no move: a room's board, or a race's leaderboard (the projector); "
                    + "ROOM is the same as --room")
    private String spectateRoom;
    private boolean spectate;

    @Option(names = "--token", paramLabel = "TOKEN", description = "reclaim a seat you held, with its token")
    private String token;

    @Option(names = "--teacher", arity = "0..1", paramLabel = "TOKEN", fallbackValue = "",
            description = "the projector with the teacher's keys (start, pause, stop, hint, next, export, kick); "
                    + "TOKEN is the one the race server printed, or without it $" + TEACHER_TOKEN_VARIABLE
                    + " (out of the shell's history); implies --spectate")
    private String teacher;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "seed of the bot's choices")
    private long seed;

    @Option(names = "--reconnect-seconds", paramLabel = "S", defaultValue = "30",
            description = "how long a bot retries a dropped connection (default: ${DEFAULT-VALUE})")
    private double reconnectSeconds;

    @Option(names = "--level", paramLabel = "ID|FILE",
            description = "play one level solo: a bundled id (campaign/01-fork) or a level file")
    private String level;

    @Option(names = "--lang", paramLabel = "LANG", description = "language of the narration: en or zh "
            + "(default: from the locale)")
    private String lang;

    @Option(names = "--mono", description = "no colour (also when NO_COLOR is set)")
    private boolean mono;

    @Option(names = "--replay", paramLabel = "JOURNAL", description = "step through a recorded game "
            + "(a room's journal, or a moves file with --level)")
    private String replay;

    @Option(names = "--discover", description = "list the COW Arena servers on the LAN and exit")
    private boolean discover;

    @Option(names = "--discovery-port", paramLabel = "PORT", defaultValue = "" + Protocol.DEFAULT_DISCOVERY_PORT,
            description = "UDP port of LAN discovery (default: ${DEFAULT-VALUE})")
    private int discoveryPort;

    private PrintWriter out;
    private PrintWriter err;
    private java.util.Map<String, String> env;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return run(out, err, args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, System.getenv(), args);
    }

    /**
     * The same, with {@code env} as the environment (for {@link #TEACHER_TOKEN_VARIABLE}).
     * {@code serve ...} is the server's command, run here so that {@code serve --ssh} finds the
     * terminal board this jar has for each SSH session.
     */
    static int run(PrintWriter out, PrintWriter err, java.util.Map<String, String> env, String... args) {
        if (args.length > 0 && args[0].equals("serve")) {
            return org.cowarena.cli.ServerCli.run(out, err, args);
        }
        ClientCli cli = new ClientCli();
        cli.out = out;
        cli.err = err;
        cli.env = env;
        CommandLine line = new CommandLine(cli);
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("cowarena: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
            return USAGE;
        });
        int status = line.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public Integer call() throws Exception {
        if (teacher != null) {
            if (teacher.isEmpty()) {
                teacher = env.getOrDefault(TEACHER_TOKEN_VARIABLE, "").strip();
            }
            if (teacher.isEmpty()) {
                err.println("cowarena: --teacher needs the token the race server printed: --teacher TOKEN, or set "
                        + TEACHER_TOKEN_VARIABLE);
                return USAGE;
            }
            if (bot != null || connect == null) {
                err.println("cowarena: --teacher runs the projector of a race: --connect HOST[:PORT] --teacher, "
                        + "without --bot");
                return USAGE;
            }
            spectateRoom = spectateRoom == null ? "" : spectateRoom; // the teacher watches: no moves of their own
        }
        spectate = spectateRoom != null;
        if (spectate && !spectateRoom.isEmpty()) {
            if (room != null && !room.equalsIgnoreCase(spectateRoom)) {
                err.println("cowarena: --spectate " + spectateRoom + " and --room " + room + ": name one room");
                return USAGE;
            }
            room = spectateRoom;
        }
        if (discover) {
            return Discover.list(discoveryPort, out);
        }
        String nameProblem = name == null || token != null ? null : Names.problem(Names.name(name));
        if (nameProblem != null) {
            // the server would refuse it; a huge one would not even travel
            err.println("cowarena: --name: " + nameProblem);
            return USAGE;
        }
        if (bot == null) {
            // Without a bot, a person plays: the terminal board (solo campaign, a level, a room, a replay).
            return Board.find().run(new BoardOptions(connect, name, room, token, spectate, level, lang, mono, replay,
                    discoveryPort, teacher), err);
        }
        if (connect == null) {
            err.println("cowarena: --bot plays in a room: join a server with --connect HOST");
            return USAGE;
        }
        HostPort hp;
        try {
            hp = HostPort.parse(connect, Protocol.DEFAULT_PORT);
        } catch (IllegalArgumentException e) {
            err.println("cowarena: --connect " + connect + ": " + e.getMessage());
            return USAGE;
        }
        if (!spectate && (name == null || name.isBlank())) {
            err.println("cowarena: name yourself with --name NAME");
            return USAGE;
        }
        Strategy strategy = null;
        if (bot != null) {
            if (!Strategies.NAMES.contains(bot)) {
                err.println("cowarena: --bot " + bot + ": one of " + String.join(", ", Strategies.NAMES));
                return USAGE;
            }
            strategy = Strategies.create(bot, seed);
        }
        Session session = new Session(hp.host(), hp.port(),
                new Messages.Hello(name == null ? "spectator" : name, room, token, spectate))
                .keepSeatsIn(SeatTokens.ofUser(env));
        try {
            return new BotPlayer(session, strategy, out, Math.round(reconnectSeconds * 1000)).run(5000);
        } finally {
            session.close();
        }
    }
}
