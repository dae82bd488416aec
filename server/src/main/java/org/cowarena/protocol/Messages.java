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
        public String reason;

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
        public String reason;
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

    /** Server → every client of a room: one accepted move and what it did. */
    public static final class MoveDelta {
        public int game;
        /** How many moves this game has accepted, this one included. */
        public int index;
        public int seat;
        public String move;
        /** True when the turn timer ran out and the seat passed. */
        public boolean timedOut;
        /** The move's events (and its level actors' answers), each one JSON object. */
        public String[] events;
        /** Events left out to keep a delta small; a client replaying the move has them all. */
        public int omittedEvents;
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
}
