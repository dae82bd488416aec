package org.cowarena.server;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A ticker that moves only when {@link #advance} is called: tests of turn timers, grace
 * periods and race clocks say how much time passes instead of waiting for it. A timer
 * that falls due is handed to its thread, in the order the timers fall due.
 */
public final class ManualTicker implements Ticker {
    private record Due(long at, long order, ScheduledExecutorService thread, Runnable task) {
    }

    private final PriorityQueue<Due> timers = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private long now;
    private long scheduled;

    @Override
    public synchronized long nanos() {
        return now;
    }

    @Override
    public void schedule(ScheduledExecutorService thread, long millis, Runnable task) {
        if (millis <= 0) {
            run(new Due(0, 0, thread, task));
            return;
        }
        synchronized (this) {
            timers.add(new Due(now + TimeUnit.MILLISECONDS.toNanos(millis), scheduled++, thread, task));
        }
    }

    /** Moves time on by {@code millis} and hands every timer due by then to its thread. */
    public void advance(long millis) {
        List<Due> due = new ArrayList<>();
        synchronized (this) {
            now += TimeUnit.MILLISECONDS.toNanos(millis);
            while (!timers.isEmpty() && timers.peek().at <= now) {
                due.add(timers.poll());
            }
        }
        due.forEach(ManualTicker::run);
    }

    private static void run(Due d) {
        try {
            d.thread.execute(d.task);
        } catch (RejectedExecutionException e) {
            // that thread has stopped
        }
    }
}
