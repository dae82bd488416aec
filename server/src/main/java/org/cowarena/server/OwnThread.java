package org.cowarena.server;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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

    /**
     * Runs {@code task} on {@code thread} after {@code millis} (0: after what is queued); what it
     * throws goes to {@code failed}, and the thread goes on. Once the thread has stopped, nothing runs.
     */
    static void run(ScheduledThreadPoolExecutor thread, long millis, Runnable task,
                    Consumer<RuntimeException> failed) {
        try {
            thread.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    failed.accept(e);
                }
            }, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopped: shutting down
        }
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
