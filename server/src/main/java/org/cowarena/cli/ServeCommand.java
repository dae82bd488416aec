package org.cowarena.cli;

import java.io.Closeable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.cowarena.bot.Strategies;
import org.cowarena.level.LevelException;
import org.cowarena.protocol.Protocol;
import org.cowarena.server.GameServer;
import org.cowarena.server.LevelText;
import org.cowarena.server.RaceConfig;
import org.cowarena.server.RoomStatus;
import org.cowarena.server.ServeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: hosts rooms of multiplayer games over the LAN until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Hosts multiplayer games: rooms with join codes, seats in turn order, spectators,",
            "a turn timer, bots for empty seats, reconnects, journals, and LAN discovery;",
            "or (--race) one race room where every player plays the same levels at their own pace;",
            "or (--tournament) a round-robin of arena matches among --players entrants, with a standings table.",
            "With --ssh, students play over SSH with nothing installed (cowarena.jar serve only);",
            "--ssh without a game offers each of them the solo campaign.",
            "Runs until stopped (Ctrl-C)."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + Protocol.DEFAULT_PORT,
            description = "TCP port for players (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--discovery-port", paramLabel = "PORT", defaultValue = "" + Protocol.DEFAULT_DISCOVERY_PORT,
            description = "UDP port that answers LAN discovery; 0 turns discovery off (default: ${DEFAULT-VALUE})")
    private int discoveryPort;

    @Option(names = "--level", paramLabel = "ID|FILE", split = ",",
            description = "the level the rooms play, or a list (a new game takes the next); required unless --resume")
    private List<String> levels = new ArrayList<>();

    @Option(names = "--race", paramLabel = "ID|FILE", split = ",",
            description = {"host a race instead of rooms: every player plays these levels, in order, on a game of",
                "their own at their own pace; the server keeps each player's best per metric"})
    private List<String> race = new ArrayList<>();

    @Option(names = "--tournament", paramLabel = "ID|FILE", split = ",",
            description = {"host a round-robin tournament on these arena levels (round r plays level r mod n):",
                "the first --players to join are drawn (with --seed) into matches so that every two meet;",
                "bots fill a match's other seats; a standings table ends it (tournament.csv/.json with --journal)"})
    private List<String> tournament = new ArrayList<>();

    @Option(names = "--race-minutes", paramLabel = "M", defaultValue = "0",
            description = "the race stops after this much running time; 0 for no limit (default: ${DEFAULT-VALUE})")
    private double raceMinutes;

    @Option(names = "--race-wait", description = "the race waits for the teacher's start (else it runs at once)")
    private boolean raceWait;

    @Option(names = "--rooms", paramLabel = "N", defaultValue = "1", description = "rooms (default: ${DEFAULT-VALUE})")
    private int rooms;

    @Option(names = "--codes", paramLabel = "CODE", split = ",",
            description = "join codes of the rooms, in order (others get random codes)")
    private List<String> codes = new ArrayList<>();

    @Option(names = "--players", paramLabel = "N", defaultValue = "2",
            description = "players a room waits for before its game starts; bots take the level's other seats;"
                    + " with --tournament, the entrants it waits for before the draw (default: ${DEFAULT-VALUE})")
    private int players;

    @Option(names = "--round-break-seconds", paramLabel = "S", defaultValue = "10",
            description = "with --tournament, the break after each round's table before the next round starts:"
                    + " every client shows the table meanwhile (default: ${DEFAULT-VALUE})")
    private double roundBreakSeconds;

    @Option(names = "--turn-seconds", paramLabel = "S", defaultValue = "60",
            description = "a turn not played in time passes (default: ${DEFAULT-VALUE})")
    private double turnSeconds;

    @Option(names = "--grace-seconds", paramLabel = "S", defaultValue = "30",
            description = "a dropped player keeps the seat this long, then a bot plays it (default: ${DEFAULT-VALUE})")
    private double graceSeconds;

    @Option(names = "--max-players", paramLabel = "N", defaultValue = "256",
            description = "connections (players and spectators) accepted at once (default: ${DEFAULT-VALUE})")
    private int maxPlayers;

    @Option(names = "--max-moves", paramLabel = "N", defaultValue = "2000",
            description = "a game without a move limit ends after this many moves (default: ${DEFAULT-VALUE})")
    private int maxMoves;

    @Option(names = "--journal", paramLabel = "DIR", description = "append every room's moves to journals here")
    private Path journal;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "rebuild every room from the journals in DIR and go on (journaling there); a race goes"
                    + " on from race.moves; a tournament from its draw (tournament.draw: levels, players, seed,"
                    + " --bot, --max-moves) and its match rooms' journals: finished matches count, the round in"
                    + " progress goes on, entrants come back with their seat tokens (after --grace-seconds a bot"
                    + " plays for them); a tournament stopped before its draw or a directory whose files disagree"
                    + " is refused")
    private Path resume;

    @Option(names = "--bot", paramLabel = "STRATEGY", defaultValue = "greedy",
            description = "strategy of the bots that fill seats: random, greedy or lookahead (default: ${DEFAULT-VALUE})")
    private String bot;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "seed of the bots' choices")
    private long seed;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "COW Arena",
            description = "the server's name in LAN discovery (default: ${DEFAULT-VALUE})")
    private String name;

    @Option(names = "--ssh", paramLabel = "PORT",
            description = {"students play over SSH on this port (ssh -p PORT NAME@this-host): each session runs the",
                "terminal board here and joins this server's game, or plays the solo campaign when it hosts none;",
                "in cowarena.jar only (java -jar cowarena.jar serve --ssh PORT ...)"})
    private Integer sshPort;

    @Option(names = "--ssh-password", paramLabel = "SECRET",
            description = "the class password SSH players give (default: none, the name is the identity)")
    private String sshPassword;

    @Option(names = "--ssh-max-sessions", paramLabel = "N", defaultValue = "200",
            description = "SSH sessions at once (default: ${DEFAULT-VALUE})")
    private int sshMaxSessions;

    @Option(names = "--ssh-idle-minutes", paramLabel = "M", defaultValue = "30",
            description = "an SSH session with no key for this long is closed (default: ${DEFAULT-VALUE})")
    private double sshIdleMinutes;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = checkOptions();
        if (problem != null) {
            err.println("serve: " + problem);
            return ExitCodes.BAD_INPUT;
        }
        SshFrontEnd ssh = sshPort == null ? null : SshFrontEnd.find();
        if (sshPort != null && ssh == null) {
            err.println("serve: SSH play is in cowarena.jar, the client jar (it runs the terminal board for each"
                    + " student); start the server with it:");
            err.println("  java -jar cowarena.jar " + String.join(" ", spec.commandLine().getParseResult()
                    .originalArgs()));
            return ExitCodes.BAD_INPUT;
        }
        if (levels.isEmpty() && race.isEmpty() && tournament.isEmpty() && resume == null) {
            return sshOnly(ssh, out, err); // no game hosted: every SSH session offers the solo campaign
        }
        List<LevelText> texts = new ArrayList<>();
        List<LevelText> raceTexts = new ArrayList<>();
        List<LevelText> tournamentTexts = new ArrayList<>();
        try {
            for (String level : tournament) {
                tournamentTexts.add(LevelText.resolve(level));
            }
            for (String level : levels) {
                texts.add(LevelText.resolve(level));
            }
            for (String level : race) {
                raceTexts.add(LevelText.resolve(level));
            }
        } catch (LevelException e) {
            e.problems().forEach(err::println);
            return ExitCodes.BAD_INPUT;
        }
        ServeConfig config = new ServeConfig(org.cowarena.protocol.Names.clean(name, 40), port, discoveryPort,
                texts, rooms, codes, players,
                Math.round(turnSeconds * 1000), Math.round(graceSeconds * 1000), maxPlayers, maxMoves,
                Optional.ofNullable(journal), bot, seed);
        GameServer host;
        java.util.function.Consumer<String> log = line -> {
            out.println(line);
            out.flush();
        };
        try {
            if (resume != null && org.cowarena.race.RaceReplay.present(resume)) {
                host = GameServer.resumeRace(config, resume);
            } else if (resume != null && GameServer.holdsTournament(resume)) {
                host = GameServer.resumeTournament(config, resume, log, Math.round(roundBreakSeconds * 1000));
            } else if (resume != null) {
                host = GameServer.resume(config, resume);
            } else if (!tournamentTexts.isEmpty()) {
                host = GameServer.createTournament(config.withLevels(tournamentTexts), log,
                        Math.round(roundBreakSeconds * 1000));
            } else if (!raceTexts.isEmpty()) {
                host = GameServer.createRace(config, new RaceConfig(raceTexts, Math.round(raceMinutes * 60_000) > 0
                        ? Math.round(raceMinutes * 60_000) : -1, raceWait));
            } else {
                host = GameServer.create(config);
            }
        } catch (LevelException e) {
            e.problems().forEach(err::println);
            return ExitCodes.BAD_INPUT;
        } catch (IllegalArgumentException | java.io.IOException e) {
            err.println("serve: " + CliErrors.describe(e));
            return ExitCodes.BAD_INPUT;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            host.start();
        } catch (java.io.IOException e) {
            host.close();
            err.println("serve: cannot listen on port " + port + (discoveryPort > 0 ? " (discovery " + discoveryPort
                    + ")" : "") + ": " + CliErrors.describe(e));
            return ExitCodes.BAD_INPUT;
        }
        AtomicReference<Closeable> sshServer = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(sshServer.get());
            host.close();
            stopped.countDown();
        }, "shutdown"));
        out.println(config.name() + ": serving on port " + port
                + (discoveryPort > 0 ? ", discovery on UDP " + discoveryPort : ", no discovery")
                + (resume != null ? ", resumed from " + resume : ""));
        if (!tournamentTexts.isEmpty()) {
            out.println("tournament: waiting for " + players + " players (join without a room code)");
        }
        if (host.teacherToken() != null) {
            out.println("teacher token: " + host.teacherToken()
                    + "  (teacher commands carrying it start, pause, stop the race, hint, kick, next)");
        }
        for (RoomStatus room : host.rooms()) {
            out.println("room " + room.code() + ": " + room.level() + ", game " + room.game() + ", "
                    + room.moves() + " moves played, " + room.players() + " of " + room.humanSeats() + " players");
        }
        out.flush();
        if (ssh != null) {
            // last: the line students are given ends what serve prints
            try {
                sshServer.set(ssh.start(sshOptions(host), log));
            } catch (java.io.IOException e) {
                err.println("serve: cannot serve SSH on port " + sshPort + ": " + CliErrors.describe(e));
                return ExitCodes.BAD_INPUT;
            }
        }
        stopped.await();
        return ExitCodes.OK;
    }

    /** {@code serve --ssh} with no game: only the SSH front end, each session on the solo campaign. */
    private int sshOnly(SshFrontEnd ssh, PrintWriter out, PrintWriter err) throws InterruptedException {
        Closeable sshServer;
        try {
            sshServer = ssh.start(sshOptions(null), line -> {
                out.println(line);
                out.flush();
            });
        } catch (java.io.IOException e) {
            err.println("serve: cannot serve SSH on port " + sshPort + ": " + CliErrors.describe(e));
            return ExitCodes.BAD_INPUT;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(sshServer);
            stopped.countDown();
        }, "shutdown"));
        out.println("no game hosted: SSH players get the solo campaign");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    private SshFrontEnd.Options sshOptions(GameServer host) {
        return new SshFrontEnd.Options(sshPort, sshPassword, sshMaxSessions, Math.round(sshIdleMinutes * 60_000),
                journal != null ? journal : resume, host, port);
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (java.io.IOException e) {
            // stopping: nothing more to do with it
        }
    }

    private String checkOptions() {
        if (sshPort != null) {
            if (sshPort < 1 || sshPort > 65535 || sshPort == port && (!levels.isEmpty() || !race.isEmpty()
                    || !tournament.isEmpty() || resume != null)) {
                return "--ssh PORT is between 1 and 65535, and not the players' --port";
            }
            if (sshMaxSessions < 1 || sshIdleMinutes <= 0) {
                return "--ssh-max-sessions and --ssh-idle-minutes must be positive";
            }
            if (sshPassword != null && sshPassword.isEmpty()) {
                return "--ssh-password needs a password (leave it out for none)";
            }
        } else if (sshPassword != null) {
            return "--ssh-password is the password of --ssh PORT: add --ssh";
        }
        if (levels.isEmpty() && race.isEmpty() && tournament.isEmpty() && resume == null && sshPort == null) {
            return "name a level with --level ID|FILE, a race with --race ID|FILE,..., a tournament with"
                    + " --tournament ID|FILE,... (or --resume DIR), or serve the solo campaign over SSH with --ssh PORT";
        }
        if (!tournament.isEmpty() && resume != null) {
            return "a resumed tournament plays the levels of its draw: drop --tournament";
        }
        if (!tournament.isEmpty() && (!race.isEmpty() || !levels.isEmpty())) {
            return "--tournament plays its own levels: drop --level and --race";
        }
        if (!tournament.isEmpty() && players < 2) {
            return "--players is the number of tournament entrants: at least 2";
        }
        if (!race.isEmpty() && resume != null) {
            return "a resumed race plays the levels its journal names: drop --race";
        }
        if (!race.isEmpty() && !levels.isEmpty()) {
            return "--race and --level are two kinds of server: choose one";
        }
        if (raceMinutes < 0) {
            return "--race-minutes must be 0 (no limit) or more";
        }
        if (roundBreakSeconds < 0 || roundBreakSeconds > 3600) {
            return "--round-break-seconds must be 0 (no break) to 3600";
        }
        if (!Strategies.NAMES.contains(bot)) {
            return "--bot " + bot + ": one of " + String.join(", ", Strategies.NAMES);
        }
        if (maxMoves > Protocol.MAX_MOVES_PER_GAME) {
            return "--max-moves is at most " + Protocol.MAX_MOVES_PER_GAME + ": a game's moves travel in every snapshot";
        }
        if (rooms < 1 || rooms > 1000) {
            return "--rooms must be between 1 and 1000";
        }
        if (players < 1 || maxPlayers < 1 || maxMoves < 1 || turnSeconds <= 0 || graceSeconds < 0) {
            return "--players, --max-players, --max-moves and --turn-seconds must be positive";
        }
        if (port < 1 || port > 65535 || discoveryPort < 0 || discoveryPort > 65535) {
            return "ports are between 1 and 65535 (--discovery-port 0 turns discovery off)";
        }
        for (String code : codes) {
            if (!code.matches("[A-Za-z0-9]{1,12}")) {
                return "--codes " + code + ": letters and digits, at most 12";
            }
        }
        return null;
    }
}
