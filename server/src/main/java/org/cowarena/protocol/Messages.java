package org.cowarena.protocol;

/**
 * The wire messages: plain classes with a no-arg constructor and public fields, as
 * Kryo 2.24 needs them (it cannot build records). Moves travel in the move notation;
 * arrays, never collections, so nothing depends on a collection's runtime class.
 */
public final class Messages {
    private Messages() {
    }

    /** Client → server, first message: who joins which room, or reclaims a seat with a token. */
    public static final class Hello {
        public int version;
        public String name;
        /** A join code; null or empty for the default (first) room. */
        public String room;
        /** The token of a seat held before a disconnect, or null. */
        public String token;
        public boolean spectate;

        public Hello() {
        }

        public Hello(String name, String room, String token, boolean spectate) {
            this.version = Protocol.VERSION;
            this.name = name;
            this.room = room;
            this.token = token;
            this.spectate = spectate;
        }
    }

    /** Server → client: the join was accepted. {@code seat} is -1 for a spectator. */
    public static final class Welcome {
        public int version;
        public String server;
        public String room;
        public String name;
        public int seat;
        /** The seat's owner name in the level (whose processes this player moves). */
        public String owner;
        /** Give it back in a later {@link Hello} to reclaim the seat after a disconnect. */
        public String token;
    }

    /** Server → client: the join was refused; the server closes the connection after it. */
    public static final class Refusal {
        /** In English, for old clients and logs. */
        public String reason;
        /** The reason's code in {@code reasons.properties} and its arguments, or null (protocol 7). */
        public String code;
        public String[] args;

        public Refusal() {
        }

        public Refusal(String reason) {
            this.reason = reason;
        }
    }

    /** Client → server: a move in the move notation. {@code seq} comes back in a refusal. */
    public static final class PlayMove {
        public int seq;
        public String move;

        public PlayMove() {
        }

        public PlayMove(int seq, String move) {
            this.seq = seq;
            this.move = move;
        }
    }

    /** Server → the mover: the move was refused and nothing changed. */
    public static final class MoveRefused {
        public int seq;
        /** In English, for old clients and logs. */
        public String reason;
        /** The reason's code in {@code reasons.properties} and its arguments, or null (protocol 7). */
        public String code;
        public String[] args;
    }

    /**
     * Server → client: the whole game, sent on join, reconnect and request. The client
     * rebuilds the board by replaying {@code moves} on {@code levelText}: the kernel is
     * deterministic, so the replica equals the server's state, which {@code digest} confirms.
     */
    public static final class Snapshot {
        public String room;
        public int game;
        public String levelSource;
        public String levelText;
        /** Seat owner names (the level's owners), in turn order. */
        public String[] seats;
        public String[] players;
        public boolean[] connected;
        public boolean[] bots;
        /** Accepted moves of this game, each {@code owner: move}. */
        public String[] moves;
        public boolean started;
        public int turn;
        public int turnMillisLeft;
        public boolean over;
        public long digest;
        public int you;
    }

    /**
     * Server → every client of a room: one accepted move. Its events are not sent: every
     * client replays the move on its own copy of the engine and has them all.
     */
    public static final class MoveDelta {
        public int game;
        /** How many moves this game has accepted, this one included. */
        public int index;
        public int seat;
        public String move;
        /** True when the turn timer ran out and the seat passed. */
        public boolean timedOut;
        public long digest;
        /** The seat to move next. */
        public int turn;
        public int turnMillis;
        public boolean over;
    }

    /** Client → server: send me a snapshot (my replica diverged). */
    public static final class SnapshotRequest {
    }

    /** Server → clients of a room: who sits where, who is connected, which seats a bot plays. */
    public static final class Seats {
        public String[] players;
        public boolean[] connected;
        public boolean[] bots;
        public boolean started;
        /**
         * Once started, the time left of the turn under way: the game starts as its last seat is
         * taken, after the others' snapshots went out (protocol 5).
         */
        public int turnMillisLeft;
    }

    /** Server → clients of a room: the game ended. Arrays are per seat. */
    public static final class GameOver {
        public int game;
        public String[] seats;
        public String[] players;
        /** The level's goals naming each seat's processes, and how many of them hold. */
        public int[] jobs;
        public int[] jobsMet;
        public int[] alive;
        public int[] charged;
        /** 1 for the leader; equal standings share a rank (see Game.standings). */
        public int[] ranks;
        public long digest;
    }

    public static final class ChatSend {
        public String text;

        public ChatSend() {
        }

        public ChatSend(String text) {
            this.text = text;
        }
    }

    public static final class ChatLine {
        public String from;
        public String text;
    }

    /** Client → server, after a game ended: start the next game in this room. */
    public static final class NewGameRequest {
    }

    /** Server → a discovering client over UDP: the server, its rooms and their player counts. */
    public static final class DiscoveryReply {
        public int version;
        public String server;
        public int port;
        public String[] rooms;
        public String[] levels;
        public int[] players;
        public int[] seats;
        public int[] spectators;
    }

    /**
     * Server → a race client: the race as this client sees it, on join and whenever it
     * changes (state, the room's level, a hint, the client's own attempt). Level texts
     * come with the join only (null afterwards): clients replay their moves on them.
     */
    public static final class RaceState {
        /** waiting, running, paused or stopped. */
        public String state;
        public String[] levels;
        public String[] levelTexts;
        /** The level the room is on (the projector's level); players may be further on. */
        public int focus;
        public long elapsedMillis;
        /** -1 without a time limit. */
        public long millisLeft;
        /** The last hint the teacher revealed, or null. */
        public String hint;
        /** The receiver's attempt in progress: level (-1 for a spectator), attempt number and its moves. */
        public int level;
        public int attempt;
        public String[] moves;
        public boolean solved;
    }

    /** Race client → server: start a new attempt at {@code level} (the same level again, or another). */
    public static final class RaceAttempt {
        public int level;

        public RaceAttempt() {
        }

        public RaceAttempt(int level) {
            this.level = level;
        }
    }

    /** Server → the race player who moved: the move was accepted, and the attempt's result after it. */
    public static final class RaceAck {
        public int seq;
        public int level;
        public int attempt;
        /** Moves in this attempt, this one included. */
        public int index;
        public String move;
        public int moves;
        public int copies;
        public int peakFrames;
        /** True when this move met the level's goal: the attempt is over, and {@code stars} counts. */
        public boolean solved;
        public int stars;
        public boolean improved;
    }

    /** Client → server: a teacher's command, carrying the teacher token the server printed at start. */
    public static final class TeacherCommand {
        public String token;
        /** start, pause, stop, hint, kick or next. */
        public String command;
        /** The player to kick; the hint's text (the room's level's next hint when empty). */
        public String argument;

        public TeacherCommand() {
        }

        public TeacherCommand(String token, String command, String argument) {
            this.token = token;
            this.command = command;
            this.argument = argument;
        }
    }

    /** Server → the sender of a teacher command: done, or refused with the reason (and nothing changed). */
    public static final class TeacherReply {
        public String command;
        public boolean ok;
        /** Why it was refused; when done, null, or what the teacher needs to know (export: where the files are). */
        public String reason;
        /** The reason's code in {@code reasons.properties} and its arguments, or null (protocol 7). */
        public String code;
        public String[] args;
    }

    /**
     * Server → everyone in a race room, whenever a result improves (and on join): per
     * level, each player's best per metric and the class's histograms. Players are in
     * the order they joined.
     */
    public static final class Leaderboard {
        public String[] players;
        /** Metric names, the column order of {@link LevelBoard#best}: moves, copies, peakFrames, stars. */
        public String[] metrics;
        public LevelBoard[] levels;
        public long elapsedMillis;
    }

    /** One level of a {@link Leaderboard}. */
    public static final class LevelBoard {
        public String level;
        public String title;
        public boolean[] solved;
        /** Player p's best of metric m at {@code p * metrics.length + m}; -1 when p has not solved the level. */
        public int[] best;
        /** Per player, race milliseconds at the first solve, -1 when unsolved. */
        public long[] solvedMillis;
        /** One per metric, in the leaderboard's metric order. */
        public Histogram[] histograms;
    }

    /** The class's best results of one metric on one level: how many players reached each value. */
    public static final class Histogram {
        public String metric;
        /** Distinct values reached, ascending, and how many players have each as their best. */
        public int[] values;
        public int[] counts;
        /** The level's three-star value of this metric (3 for stars), -1 when the level sets none. */
        public int threeStars;
        public boolean higherIsBetter;
    }

    /**
     * Tournament: sent to every entrant when it has joined ({@code round} 0, waiting for the
     * others) and at the start of each round, just before the Welcome and Snapshot of the
     * entrant's match room (also when a reclaiming entrant is moved on to it); spectators get
     * one when they join and one per match of each round.
     */
    public static final class TournamentRound {
        public int round;
        public int rounds;
        public int joined;
        public int entrants;
        /** The match's room, its level, and the entrants in it in seat order (bots fill the other seats). */
        public String room;
        public String level;
        public String[] players;
        public int bots;
    }

    /** Tournament: the table after the last round (or so far), sent to every entrant and spectator. */
    public static final class TournamentStandings {
        public boolean finished;
        public int rounds;
        /** The points rule in words. */
        public String rule;
        /** One entry per entrant, best first. */
        public int[] places;
        public String[] players;
        public int[] matches;
        public int[] points;
        public int[] jobsMet;
        public int[] charged;
        /** Before the next round: the break left, in which everyone sees this table (0: none, or the last). */
        public int nextRoundMillis;
    }
}
