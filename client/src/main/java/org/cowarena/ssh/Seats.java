package org.cowarena.ssh;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Who plays over SSH now: one session per name, at most {@code max} at once. A second login
 * with a name takes the seat over, as a reconnect does: the first session is ended (its board
 * leaves, its connection to the game closes) before the second one joins.
 */
final class Seats {
    /** How long a session taken over gets to leave before the new one joins anyway. */
    private static final long LEAVE_MILLIS = 5000;

    private final int max;
    private final Map<String, GameShell> byName = new HashMap<>();

    Seats(int max) {
        this.max = max;
    }

    /** Seats {@code shell} as {@code name}, ending who sat there; false when the server is full. */
    boolean take(String name, GameShell shell) throws InterruptedException {
        GameShell before;
        synchronized (this) {
            before = byName.get(name);
            if (before == null && byName.size() >= max) {
                return false;
            }
            byName.put(name, shell);
        }
        if (before != null) {
            before.takenOver();
            before.awaitEnd(LEAVE_MILLIS, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /** {@code shell} has left; its name is free unless another session took it over. */
    synchronized void leave(String name, GameShell shell) {
        byName.remove(name, shell);
    }

    synchronized int size() {
        return byName.size();
    }

    /** Every seated session, for the idle check. */
    synchronized java.util.List<GameShell> all() {
        return java.util.List.copyOf(byName.values());
    }
}
