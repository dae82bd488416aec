package org.cowarena.protocol;

import com.esotericsoftware.kryo.Kryo;
import java.util.List;

/**
 * The wire protocol: its version and the one ordered list of message classes. Both
 * sides call {@link #register(Kryo)}, so registration ids agree; a golden test pins the
 * order. Add new messages at the end and bump {@link #VERSION} when a message changes.
 */
public final class Protocol {
    /** Checked at the handshake: a client of another version is refused with a reason. */
    public static final int VERSION = 7;
    public static final int DEFAULT_PORT = 54555;
    public static final int DEFAULT_DISCOVERY_PORT = 54777;

    /*
     * Buffer sizes (Kryonet: an object larger than the receiver's object buffer drops the
     * connection; one larger than the sender's write buffer corrupts that buffer). The
     * server only ever reads small client messages, and writes snapshots; the client reads
     * snapshots. The largest snapshot is bounded by MAX_SNAPSHOT_BYTES, checked before
     * sending: a level of at most MAX_LEVEL_BYTES and at most MAX_MOVES_PER_GAME moves fit.
     * The server's write buffer holds two of them, so a snapshot always fits while a slow
     * reader is dropped at half the buffer.
     */
    public static final int SERVER_WRITE_BUFFER = 1 << 20;
    public static final int SERVER_OBJECT_BUFFER = 1 << 14;
    public static final int CLIENT_WRITE_BUFFER = 1 << 14;
    public static final int CLIENT_OBJECT_BUFFER = 1 << 19;
    public static final int MAX_SNAPSHOT_BYTES = CLIENT_OBJECT_BUFFER - 4096;
    /** A level served over the network travels in every snapshot: larger ones are refused at start. */
    public static final int MAX_LEVEL_BYTES = 128 * 1024;

    public static final int MAX_MOVES_PER_GAME = 5_000;

    /** A name's width on screen at most, in terminal columns (a CJK character takes two). */
    public static final int MAX_NAME_COLUMNS = 12;
    public static final int MAX_CHAT_LENGTH = 200;
    public static final int MAX_MOVE_LENGTH = 80;

    /** Message classes in registration order, after Kryo's and Kryonet's own. */
    public static final List<Class<?>> MESSAGES = List.of(
            Messages.Hello.class,
            Messages.Welcome.class,
            Messages.Refusal.class,
            Messages.PlayMove.class,
            Messages.MoveRefused.class,
            Messages.Snapshot.class,
            Messages.MoveDelta.class,
            Messages.SnapshotRequest.class,
            Messages.Seats.class,
            Messages.GameOver.class,
            Messages.ChatSend.class,
            Messages.ChatLine.class,
            Messages.NewGameRequest.class,
            Messages.DiscoveryReply.class,
            String[].class,
            int[].class,
            boolean[].class,
            Messages.RaceState.class,
            Messages.RaceAttempt.class,
            Messages.RaceAck.class,
            Messages.TeacherCommand.class,
            Messages.TeacherReply.class,
            Messages.Leaderboard.class,
            Messages.LevelBoard.class,
            Messages.Histogram.class,
            Messages.LevelBoard[].class,
            Messages.Histogram[].class,
            long[].class,
            Messages.TournamentRound.class,
            Messages.TournamentStandings.class);

    private Protocol() {
    }

    /** Registers every message in order; both ends of a connection must call it. */
    public static void register(Kryo kryo) {
        for (Class<?> type : MESSAGES) {
            kryo.register(type);
        }
    }
}
