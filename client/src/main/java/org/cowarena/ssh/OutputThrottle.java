package org.cowarena.ssh;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/**
 * Caps what one session sends: a burst, then {@code bytesPerSecond}. A write past the budget
 * waits until the budget has refilled, so a board redrawn in a loop slows its own session and
 * never the server's network.
 */
final class OutputThrottle extends FilterOutputStream {
    private final double bytesPerSecond;
    private final double burst;
    private double tokens;
    private long refilled = System.nanoTime();

    OutputThrottle(OutputStream out, double bytesPerSecond, double burst) {
        super(out);
        this.bytesPerSecond = bytesPerSecond;
        this.burst = burst;
        this.tokens = burst;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - refilled) * bytesPerSecond / 1e9);
        refilled = now;
        tokens -= len;
        if (tokens < 0) {
            try {
                // the rate limit itself: the session waits out what it sent over its budget
                TimeUnit.NANOSECONDS.sleep((long) (-tokens * 1e9 / bytesPerSecond));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("the session is ending");
            }
        }
        out.write(b, off, len);
    }
}
