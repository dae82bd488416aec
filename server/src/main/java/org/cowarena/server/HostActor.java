package org.cowarena.server;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What a room, the race and the tournament share: one thread that runs everything they
 * do, in order, so their state needs no locks. Network listeners only {@link #post} to
 * it. A task that throws is logged with its stack trace and the thread goes on; timers run
 * on the server's {@link Ticker}.
 */
abstract class HostActor {
    private final String name;
    private final ScheduledThreadPoolExecutor thread;
    private final Ticker ticker;
    private final Consumer<String> log;

    HostActor(String name, Ticker ticker, Consumer<String> log) {
        this.name = name;
        this.ticker = ticker;
        this.log = log;
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code task} on this thread after what is queued; once the thread has stopped, nothing runs. */
    final void post(Runnable task) {
        ticker.schedule(thread, 0, guarded(task));
    }

    /** Runs {@code task} on this thread once {@code millis} of the ticker's time have passed. */
    final void later(Runnable task, long millis) {
        ticker.schedule(thread, millis, guarded(task));
    }

    /** Now, on the server's ticker (nanoseconds; only differences mean anything). */
    final long nanos() {
        return ticker.nanos();
    }

    /** Runs {@code task} on this thread and waits for it (10 s at most): for tests, status and shutdown. */
    final <T> T call(Callable<T> task) throws Exception {
        return thread.submit(task).get(10, TimeUnit.SECONDS);
    }

    /** Drops what is queued, interrupts what runs, and waits for it to end (5 s at most). */
    final void stopThread() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    final void log(String line) {
        log.accept(name + ": " + line);
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                log("a task failed (the thread goes on):\n" + trace);
            }
        };
    }
}
