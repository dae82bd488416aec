package org.cowarena.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits a batch of nodes between threads and hands back each share's result in the
 * order of the batch, so what is made of them does not depend on timing.
 */
final class Batches implements AutoCloseable {
    /** A share of a batch: nodes {@code batch[from, to)}. */
    interface Share<T> {
        T expand(int[] batch, int from, int to);
    }

    private final ExecutorService pool;
    private final int threads;

    Batches(int threads) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "solver");
            t.setDaemon(true);
            return t;
        });
    }

    <T> List<T> run(int[] batch, Share<T> share) {
        int size = (batch.length + threads - 1) / threads;
        List<Future<T>> futures = new ArrayList<>();
        for (int from = 0; from < batch.length; from += size) {
            int lo = from;
            int hi = Math.min(batch.length, from + size);
            futures.add(pool.submit(() -> share.expand(batch, lo, hi)));
        }
        List<T> results = new ArrayList<>();
        try {
            for (Future<T> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the search was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        return results;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
