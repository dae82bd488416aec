package org.cowarena.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a server runs.
 *
 * @param levels         levels the rooms play, in turn (room i starts with level i mod n; a new game takes the
 *                       next); empty on a resume without levels: each room goes on with its journal's level
 * @param codes          join codes for the rooms; rooms past the list get random codes
 * @param players        human seats a room waits for before its game starts; other seats get bots
 * @param turnMillis     a turn not played in time passes
 * @param graceMillis    how long a dropped player keeps the seat before a bot takes it
 * @param maxClients     connections (players and spectators) the server accepts at once
 * @param maxMoves       moves after which a game ends, for levels without a move limit
 * @param journal        where rooms append their journals, if anywhere
 * @param fillBot        the strategy of the bots that fill seats
 * @param ticker         the time turn timers, grace periods, race clocks and breaks run on
 */
public record ServeConfig(String name, int port, int discoveryPort, List<LevelText> levels, int rooms,
                          List<String> codes, int players, long turnMillis, long graceMillis, int maxClients,
                          int maxMoves, Optional<Path> journal, String fillBot, long seed, Ticker ticker) {
    public ServeConfig {
        levels = List.copyOf(levels);
        codes = List.copyOf(codes);
    }

    /** On the machine's clock. */
    public ServeConfig(String name, int port, int discoveryPort, List<LevelText> levels, int rooms,
                       List<String> codes, int players, long turnMillis, long graceMillis, int maxClients,
                       int maxMoves, Optional<Path> journal, String fillBot, long seed) {
        this(name, port, discoveryPort, levels, rooms, codes, players, turnMillis, graceMillis, maxClients, maxMoves,
                journal, fillBot, seed, Ticker.SYSTEM);
    }

    public static ServeConfig defaults(List<LevelText> levels) {
        return new ServeConfig("COW Arena", 0, 0, levels, 1, List.of(), 2, 60_000, 30_000, 256, 2000,
                Optional.empty(), "greedy", 1);
    }

    public ServeConfig withLevels(List<LevelText> list) {
        return new ServeConfig(name, port, discoveryPort, list, rooms, codes, players, turnMillis, graceMillis,
                maxClients, maxMoves, journal, fillBot, seed, ticker);
    }

    public ServeConfig withPorts(int tcp, int udp) {
        return new ServeConfig(name, tcp, udp, levels, rooms, codes, players, turnMillis, graceMillis, maxClients,
                maxMoves, journal, fillBot, seed, ticker);
    }

    public ServeConfig withRooms(int count, List<String> joinCodes) {
        return new ServeConfig(name, port, discoveryPort, levels, count, joinCodes, players, turnMillis, graceMillis,
                maxClients, maxMoves, journal, fillBot, seed, ticker);
    }

    public ServeConfig withPlayers(int humans) {
        return new ServeConfig(name, port, discoveryPort, levels, rooms, codes, humans, turnMillis, graceMillis,
                maxClients, maxMoves, journal, fillBot, seed, ticker);
    }

    public ServeConfig withTimers(long turn, long grace) {
        return new ServeConfig(name, port, discoveryPort, levels, rooms, codes, players, turn, grace, maxClients,
                maxMoves, journal, fillBot, seed, ticker);
    }

    public ServeConfig withJournal(Optional<Path> dir) {
        return new ServeConfig(name, port, discoveryPort, levels, rooms, codes, players, turnMillis, graceMillis,
                maxClients, maxMoves, dir, fillBot, seed, ticker);
    }

    public ServeConfig withLimits(int clients, int moves) {
        return new ServeConfig(name, port, discoveryPort, levels, rooms, codes, players, turnMillis, graceMillis,
                clients, moves, journal, fillBot, seed, ticker);
    }

    public ServeConfig withName(String serverName) {
        return new ServeConfig(serverName, port, discoveryPort, levels, rooms, codes, players, turnMillis,
                graceMillis, maxClients, maxMoves, journal, fillBot, seed, ticker);
    }

    /** The same on another ticker (a test's {@link ManualTicker}). */
    public ServeConfig withTicker(Ticker time) {
        return new ServeConfig(name, port, discoveryPort, levels, rooms, codes, players, turnMillis, graceMillis,
                maxClients, maxMoves, journal, fillBot, seed, time);
    }
}
