package org.cowarena.server;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread a room, the race or the tournament runs everything on: a daemon named for
 * it, whose cancelled timers (turn timers, breaks) leave its queue at once.
 */
final class OwnThread {
    private OwnThread() {
    }

    static ScheduledThreadPoolExecutor start(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** Drops what is queued, interrupts what runs, and waits for it to end (5 s at most). */
    static void stop(ScheduledThreadPoolExecutor thread) {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
