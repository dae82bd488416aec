package org.cowarena.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.cowarena.protocol.Messages;

/** A race room's client for tests: joins, sends, and keeps the last of each thing the server sent. */
public final class RaceClient implements AutoCloseable {
    final ServerLink link = new ServerLink();
    Messages.Welcome welcome;
    Messages.RaceState state;
    Messages.Leaderboard leaderboard;
    Messages.TeacherReply teacherReply;
    String refusal;
    boolean closed;
    int leaderboards;
    final List<Messages.RaceAck> acks = new ArrayList<>();
    final List<Messages.MoveRefused> refused = new ArrayList<>();
    final List<String> hints = new ArrayList<>();
    private int seq;

    public static RaceClient join(int port, String name, String token, boolean spectate) throws Exception {
        RaceClient c = new RaceClient();
        c.link.connect("127.0.0.1", port, 5000);
        c.link.send(new Messages.Hello(name, null, token, spectate));
        c.until(() -> (c.state != null && c.leaderboard != null) || c.refusal != null, 5000, name + " to join");
        return c;
    }

    Object next(long millis) throws InterruptedException {
        Object m = link.poll(millis);
        if (m == ServerLink.CLOSED) {
            closed = true;
        } else if (m instanceof Messages.Welcome w) {
            welcome = w;
        } else if (m instanceof Messages.RaceState s) {
            state = s;
            if (s.hint != null && (hints.isEmpty() || !hints.get(hints.size() - 1).equals(s.hint))) {
                hints.add(s.hint);
            }
        } else if (m instanceof Messages.Leaderboard b) {
            leaderboard = b;
            leaderboards++;
        } else if (m instanceof Messages.TeacherReply r) {
            teacherReply = r;
        } else if (m instanceof Messages.Refusal r) {
            refusal = r.reason;
        } else if (m instanceof Messages.RaceAck a) {
            acks.add(a);
        } else if (m instanceof Messages.MoveRefused r) {
            refused.add(r);
        }
        return m;
    }

    public Messages.Welcome welcome() {
        return welcome;
    }

    public Messages.RaceState state() {
        return state;
    }

    public Messages.Leaderboard leaderboard() {
        return leaderboard;
    }

    /** Every hint revealed to this client, in order. */
    public List<String> hints() {
        return hints;
    }

    /** The server's refusal (it closes the connection after it), or null. */
    public String refusal() {
        return refusal;
    }

    public boolean closed() {
        return closed;
    }

    /** Reads what the server sends until {@code done} holds; fails after {@code millis}. */
    public void until(BooleanSupplier done, long millis, String what) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            next(20);
        }
    }

    /** Sends a move and waits for its answer: true when accepted. */
    public boolean play(String move) throws InterruptedException {
        int acked = acks.size();
        int refusals = refused.size();
        link.send(new Messages.PlayMove(++seq, move));
        until(() -> acks.size() > acked || refused.size() > refusals || closed, 10_000, "the answer to " + move);
        return acks.size() > acked;
    }

    /** Starts a new attempt at {@code level} and waits until the server confirms it. */
    public void attempt(int level) throws InterruptedException {
        int before = state.attempt;
        int was = state.level;
        link.send(new Messages.RaceAttempt(level));
        until(() -> state.level == level && (was != level || state.attempt > before), 10_000, "attempt at " + level);
    }

    Messages.TeacherReply teacher(String token, String command, String argument) throws InterruptedException {
        teacherReply = null;
        link.send(new Messages.TeacherCommand(token, command, argument));
        until(() -> teacherReply != null, 5000, "the answer to " + command);
        return teacherReply;
    }

    @Override
    public void close() {
        link.close();
    }
}
