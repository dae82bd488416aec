package org.cowarena.server;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Time as the server's timers see it: turn timers, grace periods, race clocks and
 * tournament breaks read it and schedule on it. {@link #SYSTEM} is the machine's clock;
 * {@link ManualTicker} moves only when a test tells it to.
 */
public interface Ticker {
    /** The machine's monotonic clock, and its executors' own delays. */
    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void schedule(ScheduledExecutorService thread, long millis, Runnable task) {
            try {
                thread.schedule(task, Math.max(0, millis), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // the thread has stopped: shutting down
            }
        }
    };

    /** Now, in nanoseconds from an arbitrary origin (only differences mean anything). */
    long nanos();

    /** Runs {@code task} on {@code thread} once {@code millis} of this ticker's time have passed; never after the thread stopped. */
    void schedule(ScheduledExecutorService thread, long millis, Runnable task);
}
