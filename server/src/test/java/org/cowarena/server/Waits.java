package org.cowarena.server;

import java.util.function.BooleanSupplier;

/** Waiting on a condition with a deadline, never on the clock alone. */
final class Waits {
    private Waits() {
    }

    static void until(BooleanSupplier done, long millis, String what) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }
}
