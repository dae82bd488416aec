package org.cowarena.client;

import java.util.function.BooleanSupplier;
import org.cowarena.protocol.Messages;

/** Waiting on conditions with a deadline, never on the clock alone. */
public final class Waits {
    private Waits() {
    }

    /** Pumps the session's messages until {@code done} holds; fails after {@code millis}. */
    static void until(Session s, BooleanSupplier done, long millis, String what) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            s.next(20);
        }
    }

    /** The same, handing every message to {@code seen} first. */
    static void until(Session s, BooleanSupplier done, long millis, String what,
                      java.util.function.Consumer<Messages.Seats> seen) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Object m = s.next(20);
            if (m instanceof Messages.Seats seats) {
                seen.accept(seats);
            }
        }
    }

    public static void until(BooleanSupplier done, long millis, String what) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    static Session join(int port, String name, String room, boolean spectate) throws Exception {
        Session s = new Session("127.0.0.1", port, new Messages.Hello(name, room, null, spectate));
        s.connect(5000);
        until(s, () -> s.room().loaded() || s.refusal() != null, 5000, name + " to join");
        return s;
    }
}
